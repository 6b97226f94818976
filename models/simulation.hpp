#pragma once
// Runs a scenario: its replicates (spread over MPI ranks when there are several, and over
// threads within each), or its analytic projection, and gathers a RunResult on rank 0.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/communicator.hpp"
#include "engine/replicate_runner.hpp"
#include "models/run_result.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

struct RunOptions {
  std::size_t replicates = 0;  // 0: as the scenario says
  std::uint64_t seed = 0;
  bool seed_given = false;     // otherwise the scenario's seed
  bool analytic = false;       // add the analytic expected stock (Markov scenarios only)
  /// Replicates (0-based) whose simulated episodes are recorded into RunResult::episodes (see
  /// models/episode_recorder.hpp). With MPI they are gathered on rank 0 from the ranks that ran
  /// them. Each must be below the number of replicates (InputError otherwise).
  std::vector<std::size_t> episode_replicates;
};

/// On rank 0, the full result; on other ranks, a result without replicates.
RunResult simulate(const Scenario& scenario, const RunOptions& options,
                   const engine::Communicator& communicator,
                   const engine::ProgressCallback& progress = {});

/// The analytic expected stock only; throws InputError if the scenario is not Markov.
RunResult project_analytic(const Scenario& scenario);

}  // namespace carecast::models
