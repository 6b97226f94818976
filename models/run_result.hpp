#pragma once
// Everything one simulation run produces, as handed to the output layer: the reporting grid,
// the states, every replicate's tally, the episodes of chosen replicates, and the provenance
// of the run.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/tally.hpp"
#include "models/calibration/episode.hpp"

namespace carecast::models {

struct StateDescription {
  std::string name;
  std::string label;
  std::string kind;  // "support", "placement" or "exit"
};

struct Provenance {
  std::string scenario_path;
  std::string scenario_text;    // the resolved scenario (after extends/include), as YAML
  std::string scenario_sha256;  // SHA-256 of scenario_text and of every data table it reads
  std::uint64_t seed = 0;
  std::size_t replicates = 0;
  /// Each replicate drew the estimated rates from their sampling distribution (the scenario's
  /// simulation.parameter_uncertainty, or run --parameter-uncertainty, which the text omits).
  bool parameter_uncertainty = false;
  std::string engine_version;
  std::string git_commit;
  // Volatile facts of this particular run (differ between otherwise identical runs):
  int threads = 1;
  int ranks = 1;
  std::string command_line;
  std::string host;
  std::string started_at;   // ISO 8601, UTC
  std::string finished_at;  // ISO 8601, UTC
  double wall_seconds = 0.0;
};

struct RunResult {
  std::vector<StateDescription> states;
  std::vector<std::string> grid_dates;  // ISO dates of the grid points
  std::vector<double> grid_days;        // day offsets of the grid points from the start date
  /// The grid point on which each reporting year begins (the first is 0; the last year ends at
  /// the horizon, the last grid point).
  std::vector<std::size_t> year_start_points;
  std::string grid_step;                // "monthly", "quarterly" or "yearly"
  std::shared_ptr<const engine::TallyLayout> layout;
  std::vector<engine::Tally> replicates;  // one per replicate, in replicate order
  /// Expected stock [point][state] from analytic mode; empty unless requested.
  std::vector<double> analytic_stock;
  /// The replicates whose episodes were recorded (RunOptions::episode_replicates, ascending,
  /// without repeats) and, on rank 0, their episodes, one EpisodeData per replicate in that order.
  std::vector<std::size_t> episode_replicates;
  std::vector<calibration::EpisodeData> episodes;
  Provenance provenance;
};

}  // namespace carecast::models
