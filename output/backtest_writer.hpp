#pragma once
// Writes a back-test to HDF5, atomically (temporary name, then rename; never over an existing
// file without `overwrite`):
//   / attributes   kind = "backtest", schema_version, episodes, cut, observed_until, seed,
//                  replicates, engine_version, git_commit, scenario_text (the fitted model and
//                  the forward scenario, as simulated)
//   /run_info      threads, ranks, command line, host, times
//   /backtest      dates [date], states [state], observed [date, state],
//                  quantiles [date, state, level] (attribute levels), inside50, inside90
//                  [date, state] (1 = inside), and per state: mean_observed, mean_error,
//                  mean_absolute_error, coverage50, coverage90 [state]; the same over all
//                  dates and states as attributes of /backtest.
#include <filesystem>
#include <string>

#include "models/run_result.hpp"
#include "output/backtest_report.hpp"

namespace carecast::output {

struct BacktestFacts {
  std::string episodes;        // the episode file(s)
  std::string cut;             // ISO date
  std::string observed_until;  // ISO date
  models::Provenance run;      // of the forward simulation
};

void write_backtest(const BacktestReport& report, const BacktestFacts& facts, const std::filesystem::path& target,
                    bool overwrite);

}  // namespace carecast::output
