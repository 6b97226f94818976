#pragma once
// Names in a sweep file (schema version 1.2 like a result file), shared by the writer and the
// reader. A sweep file holds one result per combination, each in a group with the layout of a
// result file (output/result_schema.hpp), and a table of the combinations with the figures of
// each over the whole horizon:
//
//   /                  attributes: schema_version, kind = "sweep", scenario_path, scenario_text
//                      (the sweep file resolved, sweep section included), scenario_sha256, seed,
//                      replicates, engine_version, git_commit, grid_step, combinations (uint64),
//                      sweep_mode ("grid" or "list")
//   /run_info          attributes as in a result file, for the whole sweep
//   /sweep/keys        string [key]: the swept key paths
//   /sweep/values      string [combination, key]: each value as written (YAML, flow style)
//   /sweep/numbers     float64 [combination, key]: the same as a number, NaN where it is not one
//   /sweep/groups      string [combination]: the group that holds each combination's result
//   /sweep/replicates/<figure>              float64 [replicate, combination]
//   /sweep/summary/<figure>                 float64 [statistic, combination]
//   /sweep/differences/replicates/<figure>  float64 [replicate, combination]: minus combination 0
//   /sweep/differences/summary/<figure>     float64 [statistic, combination]
//   /combinations/<i>  a result: the root attributes, /run_info, /grid, /states, /replicates,
//                      /summary and /axes of a result file; <i> is the index, zero-padded
namespace carecast::output::sweep_schema {

// The root attribute `kind` (schema::file_kind = schema::sweep_file_kind) tells a sweep file
// from a result file.
inline constexpr char combinations_attribute[] = "combinations";
inline constexpr char mode[] = "sweep_mode";

inline constexpr char sweep[] = "sweep";
inline constexpr char keys[] = "keys";
inline constexpr char values[] = "values";
inline constexpr char numbers[] = "numbers";
inline constexpr char groups[] = "groups";
inline constexpr char differences[] = "differences";
inline constexpr char combinations_group[] = "combinations";

inline constexpr char combination_dimension[] = "combination";
inline constexpr char key_dimension[] = "key";

}  // namespace carecast::output::sweep_schema
