#pragma once
// How a child's history counters scale the exit rates of one state, tabulated. An exit may
// depend on a counter (its rate times counter_factor to the power of the counter, capped); a
// child's capped counter values form its profile, which fixes one multiplier per exit and so
// the total rate of every cell. With few profiles (e.g. one counter capped at 5: six) the
// totals are tabulated per profile and cell, so that sampling a child's next move looks its
// totals up instead of recomputing every rate of every cell it crosses. The tabulated totals
// are added in destination order, exactly as the sampler would add them.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/individual.hpp"

namespace carecast::engine {

struct Exit;

class CounterProfiles {
 public:
  using History = std::array<std::uint16_t, history_counters>;

  CounterProfiles() = default;
  /// `rates` is [cell][exit] for `cells` cells, per day.
  CounterProfiles(const std::vector<Exit>& exits, const std::vector<double>& rates, std::size_t cells);

  /// The multiplier of exit j for a child with this history (1 for exits without a counter).
  double multiplier(std::size_t j, const History& history) const;
  /// False when there are too many profiles to tabulate: use multiplier() instead.
  bool tabulated() const { return !totals_.empty(); }
  std::size_t profile_of(const History& history) const;
  /// The multipliers of every exit for a profile (tabulated only).
  const double* multipliers(std::size_t profile) const { return multipliers_.data() + profile * exits_; }
  /// The total rate of a cell for a profile (tabulated only).
  double total(std::size_t profile, std::size_t cell) const { return totals_[profile * cells_ + cell]; }

 private:
  struct CounterAxis {
    std::size_t counter = 0;  // index into the history
    std::uint16_t cap = 0;    // the largest cap of the exits that use it
    std::size_t stride = 0;   // in the profile number
  };
  struct ExitCounter {
    int counter = -1;
    std::uint16_t cap = 0;
    std::vector<double> powers;  // [capped count]: counter_factor^count
  };

  std::vector<ExitCounter> by_exit_;
  std::vector<CounterAxis> axes_;
  std::size_t exits_ = 0, cells_ = 0;
  std::vector<double> multipliers_;  // [profile][exit]
  std::vector<double> totals_;       // [profile][cell]
};

}  // namespace carecast::engine
