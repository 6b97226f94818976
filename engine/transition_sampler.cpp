#include "engine/transition_sampler.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::engine {

namespace {

double counter_multiplier(const Exit& exit, const Individual& child) {
  if (exit.counter < 0) return 1.0;
  auto count = std::min(child.history[static_cast<std::size_t>(exit.counter)], exit.counter_cap);
  return std::pow(exit.counter_factor, count);
}

/// Rates of one cell for this child, written into `rates`; returns their total.
double child_rates(const StateHazards& hazards, std::size_t cell, const Individual& child,
                   bool with_counters, double* rates) {
  double total = 0.0;
  for (std::size_t j = 0; j < hazards.destinations(); ++j) {
    double rate = hazards.rate(cell, j);
    if (with_counters) rate *= counter_multiplier(hazards.exit(j), child);
    rates[j] = rate;
    total += rate;
  }
  return total;
}

std::size_t choose_destination(const double* rates, std::size_t count, double target) {
  for (std::size_t j = 0; j + 1 < count; ++j) {
    if (target < rates[j]) return j;
    target -= rates[j];
  }
  return count - 1;
}

}  // namespace

std::optional<SampledTransition> sample_transition(const StateHazards& hazards,
                                                   const Individual& child, double from,
                                                   double until, RandomStream& stream) {
  if (hazards.empty() || from >= until) return std::nullopt;
  const bool with_counters = hazards.counter_dependent();
  double rates[max_exits_per_state];
  double remaining = draw_unit_exponential(stream);
  double t = from;
  while (t < until) {
    std::size_t a = hazards.age_axis().cell_of(t - child.birth);
    std::size_t d = hazards.duration_axis().cell_of(t - child.entered);
    std::size_t p = hazards.period_axis().cell_of(t);
    double cell_end = std::min({until, child.birth + hazards.age_axis().upper(a),
                                child.entered + hazards.duration_axis().upper(d),
                                hazards.period_axis().upper(p)});
    std::size_t cell = hazards.cell(a, d, p);
    // Without history counters a cell's total is precomputed; its rates are only needed in the
    // cell where the event falls.
    double total = with_counters ? child_rates(hazards, cell, child, true, rates) : hazards.total(cell);
    double needed = total * (cell_end - t);
    if (needed >= remaining && total > 0.0) {
      if (!with_counters) child_rates(hazards, cell, child, false, rates);
      double target = draw_uniform(stream) * total;
      return SampledTransition{t + remaining / total,
                               choose_destination(rates, hazards.destinations(), target)};
    }
    remaining -= needed;
    // Guard against a cell end that does not advance time (rounding at an edge).
    t = cell_end > t ? cell_end : std::nextafter(t, infinity);
  }
  return std::nullopt;
}

}  // namespace carecast::engine
