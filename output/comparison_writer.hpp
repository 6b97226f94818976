#pragma once
// Writes a comparison to one HDF5 file, atomically (as write_result does):
//   /                           attributes: schema_version, kind = "comparison", seed,
//                               replicates, engine_version, git_commit, base
//   /run_info                   attributes: threads, ranks, command_line, host, times
//   /years/start                string [year]: the start date of each reporting year
//   /years/end                  string [year]: its end, the next year's start (the horizon for
//                               the last); since schema 1.2
//   /axes/state, /axes/category the labels of the state and category axes
//   /scenarios/<name>           attributes: scenario_path, scenario_text, scenario_sha256,
//                               intervention_combination
//   /scenarios/<name>/replicates/<figure>, /summary/<figure>
//   /comparisons/<alternative>  attributes: base, alternative, mean_payback_year (0: none),
//                               share_paying_back
//   /comparisons/<alternative>/replicates/<figure>, /summary/<figure>   (alternative − base)
#include <filesystem>

#include "output/comparison_result.hpp"

namespace carecast::output {

void write_comparison(const ComparisonResult& result, const std::filesystem::path& target, bool overwrite);

}  // namespace carecast::output
