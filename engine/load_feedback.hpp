#pragma once
// Feedback of a shared load on hazards (e.g. caseworkers' caseload on breakdowns and exits).
// The load is a weighted count of the children in each state; its capacity is a step function
// of calendar time. Above capacity,
//   excess        = load / capacity - 1   (0 at or below capacity)
//   raised exits  × min(raise_cap, 1 + raise_per_excess × excess)
//   slowed exits  × 1 / (1 + slow_per_excess × excess)
// from `from` (a day offset) on; before it, every multiplier is 1.
//
// Sampled exactly by thinning: a raised exit's rate in the model is already multiplied by its
// ceiling (raise_cap, from `from` on), and when a move by a responding exit comes up, it happens
// with probability multiplier / ceiling at that moment; otherwise the child stays, and its next
// move is sampled afresh from then on (the hazards are memoryless within a cell).
#include <cstdint>
#include <vector>

#include "engine/axis.hpp"

namespace carecast::engine {

enum class LoadResponse : std::uint8_t { none = 0, raised = 1, slowed = 2 };

/// How exits respond to excess load.
struct LoadLaw {
  double raise_per_excess = 0.0;
  double slow_per_excess = 0.0;
  double raise_cap = 1.0;  // at least 1

  double multiplier(LoadResponse response, double excess) const;
  /// The most the multiplier can be: what the model's rate of such an exit is multiplied by.
  double ceiling(LoadResponse response) const { return response == LoadResponse::raised ? raise_cap : 1.0; }
};

struct LoadFeedbackSpec {
  LoadLaw law;
  std::vector<double> weight;    // per state
  Axis capacity_periods;         // calendar cells (day offsets) of constant capacity
  std::vector<double> capacity;  // per cell, above 0
  double from = 0.0;             // day offset from which the feedback acts

  /// How far the load is above capacity at `time`, as a fraction of capacity (0 if not above).
  double excess(double load, double time) const;
  /// The probability that a move by an exit with this response happens, at `time` with `load`.
  double acceptance(LoadResponse response, double load, double time) const;
};

}  // namespace carecast::engine
