#pragma once
// Exact sampling of a child's next transition under piecewise-constant competing hazards.
#include <cstddef>
#include <optional>

#include "engine/individual.hpp"
#include "engine/random_stream.hpp"
#include "engine/state_hazards.hpp"

namespace carecast::engine {

struct SampledTransition {
  double time = 0.0;
  std::size_t exit = 0;  // index into StateHazards::exit()
};

/// Samples the first transition of `child` out of its current state after `from`, or nothing
/// if none happens before `until`. One unit-exponential draw is spent against the integrated
/// total hazard across cells; by memorylessness this is the same law as restarting the clock at
/// each cell boundary. The destination is drawn from the rates of the cell where the event falls.
std::optional<SampledTransition> sample_transition(const StateHazards& hazards,
                                                   const Individual& child, double from,
                                                   double until, RandomStream& stream);

}  // namespace carecast::engine
