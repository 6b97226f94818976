#pragma once
// Runs every combination of a sweep in turn, each with the same seed and replicates (common
// random numbers), and writes the sweep file on rank 0 as the runs complete.
#include <chrono>
#include <filesystem>
#include <string>

#include "cli/command_context.hpp"
#include "models/scenario/sweep_definition.hpp"
#include "models/simulation.hpp"

namespace carecast::cli {

struct SweepRunSettings {
  std::filesystem::path target;  // checked already on every rank
  bool force = false;
  models::RunOptions run;        // the same for every combination
  int threads = 1;               // for the provenance
  std::string started;           // UTC time the command started
  std::chrono::steady_clock::time_point started_clock;
};

/// Simulates each combination (spread over the ranks, as `run` does) and, on rank 0, writes the
/// sweep file atomically: each combination's result in its group, then the table and the
/// figures over the grid. Shows progress over the whole sweep on a terminal. Returns, on rank
/// 0, the seconds from the start of the command to the end of the writing.
double run_sweep(const models::Sweep& sweep, const SweepRunSettings& settings, const CommandContext& context);

}  // namespace carecast::cli
