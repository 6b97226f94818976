#pragma once
// All ways out of one state, compiled onto one grid of cells (the union of the transitions'
// band edges), so that the total hazard of a cell and the choice among competing destinations
// are a lookup.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/axis.hpp"
#include "engine/counter_profiles.hpp"
#include "engine/load_feedback.hpp"
#include "engine/piecewise_rate.hpp"

namespace carecast::engine {

/// The most ways out of one state that the sampler supports.
inline constexpr std::size_t max_exits_per_state = 64;

struct Exit {
  int to = 0;
  PiecewiseRate rate;  // per day
  /// The index of the history counter whose value raises this hazard, or -1. The rate is
  /// multiplied by `counter_factor` to the power of that counter.
  int counter = -1;
  double counter_factor = 1.0;
  /// The counter counts towards the multiplier up to this value (so the hazard stays bounded).
  std::uint16_t counter_cap = 5;
  /// The index of the history counter this transition adds one to, or -1.
  int increments = -1;
  /// The domain's identity for this exit (e.g. which transition and which cause); the engine
  /// only passes it on. Values from `first_engine_exit_tag` up are the engine's own.
  std::size_t tag = 0;
  /// Leaving a pooled resource by this exit strains the unit (its attrition rises while idle).
  bool strains_unit = false;
  /// How this exit responds to a shared load above capacity (load_feedback.hpp).
  LoadResponse load_response = LoadResponse::none;
};

inline constexpr std::size_t first_engine_exit_tag = std::size_t{1} << 32;
/// The tag of the move back from the fallback state when a pooled unit frees up.
inline constexpr std::size_t pool_return_tag = first_engine_exit_tag;

class StateHazards {
 public:
  StateHazards() = default;
  explicit StateHazards(std::vector<Exit> exits);

  const Axis& age_axis() const { return age_; }
  const Axis& duration_axis() const { return duration_; }
  const Axis& period_axis() const { return period_; }
  std::size_t cell(std::size_t age, std::size_t duration, std::size_t period) const {
    return (age * duration_.cells() + duration) * period_.cells() + period;
  }
  std::size_t destinations() const { return exits_.size(); }
  const Exit& exit(std::size_t j) const { return exits_[j]; }
  double rate(std::size_t cell, std::size_t j) const { return rates_[cell * exits_.size() + j]; }
  /// The rates of one cell, in destination order.
  const double* rates_of(std::size_t cell) const { return rates_.data() + cell * exits_.size(); }
  /// True when the rates are the same everywhere (one cell on every axis).
  bool single_cell() const { return totals_.size() == 1; }
  /// What exit j's rate is multiplied by for a child with these history counters:
  /// counter_factor to the power of its counter (capped), or 1.
  double counter_multiplier(std::size_t j, const CounterProfiles::History& history) const {
    return counters_.multiplier(j, history);
  }
  /// The multipliers and cell totals by history profile (for counter-dependent states).
  const CounterProfiles& counter_profiles() const { return counters_; }
  bool empty() const { return exits_.empty(); }
  /// True when some rate differs between two time-in-state cells of the same age and period.
  bool duration_dependent() const { return duration_dependent_; }
  bool counter_dependent() const { return counter_dependent_; }
  /// The sum of a cell's rates, added in destination order (as a loop over rate() would).
  double total(std::size_t cell) const { return totals_[cell]; }

 private:
  bool rates_vary_with_duration() const;

  std::vector<Exit> exits_;
  Axis age_, duration_, period_;
  std::vector<double> rates_;  // [cell][destination], per day
  bool duration_dependent_ = false;
  bool counter_dependent_ = false;
  std::vector<double> totals_;  // [cell]
  CounterProfiles counters_;
};

}  // namespace carecast::engine
