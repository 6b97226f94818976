#pragma once
// Names in the result file schema (version 1.2), shared by the writer and the reader. Result,
// sweep and comparison files carry the same version: 1.1 added /grid/year_start (result files),
// 1.2 the root attribute parameter_uncertainty (result and sweep files) and /years/end
// (comparison files).
//
//   /                 attributes: schema_version, scenario_path, scenario_text, scenario_sha256,
//                                 seed (uint64), replicates (uint64), engine_version, git_commit,
//                                 grid_step, parameter_uncertainty (int64 0/1, from 1.2)
//   /run_info         attributes: threads, ranks (int64), command_line, host, started_at,
//                                 finished_at, wall_seconds (float64) — the facts that differ
//                                 between otherwise identical runs
//   /grid/date        ISO dates of the grid points (strings)
//   /grid/day         day offsets of the grid points (float64)
//   /states/name, /states/label, /states/kind   (strings)
//   /replicates/<a>   int64 counts or float64 sums [replicate, ...shape of a]
//   /summary/<a>      float64 [statistic, ...shape of a]; attribute statistics
//   /analytic/stock   float64 [time, state], only if the run computed it
// Every array dataset has a string-list attribute `dimensions` naming its axes.
namespace carecast::output::schema {

inline constexpr char version[] = "1.2";
inline constexpr char major_version[] = "1";

// Root attributes.
inline constexpr char schema_version[] = "schema_version";
// What a file holds, when it is not one result: a result file has no `kind` attribute.
inline constexpr char file_kind[] = "kind";
inline constexpr char sweep_file_kind[] = "sweep";
inline constexpr char comparison_file_kind[] = "comparison";
inline constexpr char backtest_file_kind[] = "backtest";
inline constexpr char scenario_path[] = "scenario_path";
inline constexpr char scenario_text[] = "scenario_text";
inline constexpr char scenario_sha256[] = "scenario_sha256";
inline constexpr char seed[] = "seed";
inline constexpr char parameter_uncertainty[] = "parameter_uncertainty";  // 0 or 1; absent before 1.2: 0
inline constexpr char replicates[] = "replicates";
inline constexpr char engine_version[] = "engine_version";
inline constexpr char git_commit[] = "git_commit";
inline constexpr char grid_step[] = "grid_step";

// /run_info and its attributes.
inline constexpr char run_info[] = "run_info";
inline constexpr char threads[] = "threads";
inline constexpr char ranks[] = "ranks";
inline constexpr char command_line[] = "command_line";
inline constexpr char host[] = "host";
inline constexpr char started_at[] = "started_at";
inline constexpr char finished_at[] = "finished_at";
inline constexpr char wall_seconds[] = "wall_seconds";

// /grid and /states.
inline constexpr char grid[] = "grid";
inline constexpr char grid_date[] = "date";
inline constexpr char grid_day[] = "day";
inline constexpr char grid_year_start[] = "year_start";
inline constexpr char states[] = "states";
inline constexpr char state_name[] = "name";
inline constexpr char state_label[] = "label";
inline constexpr char state_kind[] = "kind";

// Arrays. `replicates` above is also the group holding each replicate's tally arrays.
inline constexpr char summary[] = "summary";
inline constexpr char analytic[] = "analytic";
inline constexpr char analytic_stock[] = "stock";
inline constexpr char dimensions[] = "dimensions";
inline constexpr char statistics[] = "statistics";
inline constexpr char replicate_dimension[] = "replicate";
inline constexpr char statistic_dimension[] = "statistic";
// /axes/<axis>: string labels of the entries of an axis that has no other source of names.
inline constexpr char axes[] = "axes";

}  // namespace carecast::output::schema
