#pragma once
// Helpers for the models tests that run whole scenarios: replicates with a fixed seed in this
// process, and one replicate's count array as a vector.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/communicator.hpp"
#include "models/simulation.hpp"

namespace carecast::models::test_support {

/// Replicates 0 .. replicates - 1 of `scenario` with `seed`, as `carecast run` runs them.
inline RunResult run_replicates(const Scenario& scenario, std::size_t replicates, std::uint64_t seed) {
  RunOptions options;
  options.replicates = replicates;
  options.seed = seed;
  options.seed_given = true;
  return simulate(scenario, options, engine::SingleProcess{});
}

/// The count array `name` of replicate `replicate`.
inline std::vector<std::int64_t> count_array(const RunResult& result, std::size_t replicate, const std::string& name) {
  auto counts = result.replicates[replicate].counts(result.layout->count_handle(name));
  return {counts.begin(), counts.end()};
}

}  // namespace carecast::models::test_support
