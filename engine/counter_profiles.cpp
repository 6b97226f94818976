#include "engine/counter_profiles.hpp"

#include <algorithm>
#include <cmath>

#include "engine/state_hazards.hpp"

namespace carecast::engine {

namespace {

/// Beyond these the table would be larger than the work it saves.
constexpr std::size_t max_profiles = 256;
constexpr std::size_t max_tabulated_totals = std::size_t{1} << 20;

}  // namespace

CounterProfiles::CounterProfiles(const std::vector<Exit>& exits, const std::vector<double>& rates,
                                 std::size_t cells)
    : exits_(exits.size()), cells_(cells) {
  for (const Exit& exit : exits) {
    ExitCounter counter;
    if (exit.counter >= 0) {
      counter.counter = exit.counter;
      counter.cap = exit.counter_cap;
      // std::pow(factor, count), as the sampler used to compute it on every use.
      for (std::size_t k = 0; k <= exit.counter_cap; ++k)
        counter.powers.push_back(std::pow(exit.counter_factor, static_cast<double>(k)));
      auto axis = std::find_if(axes_.begin(), axes_.end(),
                               [&](const CounterAxis& a) { return a.counter == static_cast<std::size_t>(exit.counter); });
      if (axis == axes_.end())
        axes_.push_back(CounterAxis{static_cast<std::size_t>(exit.counter), exit.counter_cap, 0});
      else
        axis->cap = std::max(axis->cap, exit.counter_cap);
    }
    by_exit_.push_back(std::move(counter));
  }
  std::size_t profiles = 1;
  for (CounterAxis& axis : axes_) {
    axis.stride = profiles;
    profiles *= std::size_t{axis.cap} + 1;
    if (profiles > max_profiles) return;  // not tabulated
  }
  if (axes_.empty() || profiles * cells > max_tabulated_totals) return;
  multipliers_.resize(profiles * exits_);
  totals_.resize(profiles * cells_);
  for (std::size_t p = 0; p < profiles; ++p) {
    History history{};
    for (const CounterAxis& axis : axes_) history[axis.counter] = static_cast<std::uint16_t>(p / axis.stride % (axis.cap + 1u));
    double* m = multipliers_.data() + p * exits_;
    for (std::size_t j = 0; j < exits_; ++j) m[j] = multiplier(j, history);
    for (std::size_t c = 0; c < cells_; ++c) {
      double total = 0.0;  // as the sampler adds a cell's rates for a child
      for (std::size_t j = 0; j < exits_; ++j) total += rates[c * exits_ + j] * m[j];
      totals_[p * cells_ + c] = total;
    }
  }
}

double CounterProfiles::multiplier(std::size_t j, const History& history) const {
  const ExitCounter& e = by_exit_[j];
  if (e.counter < 0) return 1.0;
  return e.powers[std::min(history[static_cast<std::size_t>(e.counter)], e.cap)];
}

std::size_t CounterProfiles::profile_of(const History& history) const {
  std::size_t profile = 0;
  for (const CounterAxis& axis : axes_) profile += std::min(history[axis.counter], axis.cap) * axis.stride;
  return profile;
}

}  // namespace carecast::engine
