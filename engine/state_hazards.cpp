#include "engine/state_hazards.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace carecast::engine {

namespace {

/// A point inside a cell, used to read a coarser rate table at that cell.
double inside(const Axis& axis, std::size_t cell) {
  double lo = axis.lower(cell), hi = axis.upper(cell);
  if (lo == -infinity) return hi == infinity ? 0.0 : hi - 1.0;
  if (hi == infinity) return lo + 1.0;
  return lo + 0.5 * (hi - lo);
}

}  // namespace

StateHazards::StateHazards(std::vector<Exit> exits) : exits_(std::move(exits)) {
  if (exits_.size() > max_exits_per_state)
    throw std::invalid_argument("a state has more than " + std::to_string(max_exits_per_state) + " exits");
  for (const Exit& exit : exits_) {
    age_ = Axis::merged(age_, exit.rate.age());
    duration_ = Axis::merged(duration_, exit.rate.duration());
    period_ = Axis::merged(period_, exit.rate.period());
  }
  rates_.resize(age_.cells() * duration_.cells() * period_.cells() * exits_.size());
  for (std::size_t a = 0; a < age_.cells(); ++a)
    for (std::size_t d = 0; d < duration_.cells(); ++d)
      for (std::size_t p = 0; p < period_.cells(); ++p)
        for (std::size_t j = 0; j < exits_.size(); ++j)
          rates_[cell(a, d, p) * exits_.size() + j] =
              exits_[j].rate.at(inside(age_, a), inside(duration_, d), inside(period_, p));
  duration_dependent_ = rates_vary_with_duration();
  counter_dependent_ = std::any_of(exits_.begin(), exits_.end(), [](const Exit& e) {
    return e.counter >= 0 && e.counter_factor != 1.0;
  });
  counters_ = CounterProfiles(exits_, rates_, age_.cells() * duration_.cells() * period_.cells());
  totals_.assign(age_.cells() * duration_.cells() * period_.cells(), 0.0);
  for (std::size_t c = 0; c < totals_.size(); ++c)
    for (std::size_t j = 0; j < exits_.size(); ++j) totals_[c] += rate(c, j);
}

bool StateHazards::rates_vary_with_duration() const {
  for (std::size_t a = 0; a < age_.cells(); ++a)
    for (std::size_t d = 1; d < duration_.cells(); ++d)
      for (std::size_t p = 0; p < period_.cells(); ++p)
        for (std::size_t j = 0; j < exits_.size(); ++j)
          if (rate(cell(a, d, p), j) != rate(cell(a, 0, p), j)) return true;
  return false;
}


}  // namespace carecast::engine
