#pragma once
// Parameter uncertainty for estimated rates. A calibrated model file gives each rate with its
// standard error; with `simulation.parameter_uncertainty` on, each replicate draws every such
// rate from a gamma distribution with the estimate as its mean and the standard error as its
// standard deviation (for a Poisson estimate events / exposure this is the gamma with shape
// `events` and rate `exposure`: positive, and right-skewed where events are few).
//
// Each rate's draw has its own stream, keyed by the replicate and the rate's identity (its
// transition's states, or "entries", and its row), so every scenario that includes the same
// model file draws the same rates in the same replicate (common random numbers).
#include "engine/random_stream.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

/// True if the scenario asks for parameter uncertainty and some rate has a standard error.
bool draws_estimated_rates(const Scenario& scenario);

/// The scenario with this replicate's draw of each estimated rate in place of its estimate.
Scenario with_drawn_rates(const Scenario& scenario, engine::StreamKey replicate);

}  // namespace carecast::models
