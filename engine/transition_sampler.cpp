#include "engine/transition_sampler.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::engine {

namespace {

std::size_t choose_destination(const double* rates, std::size_t count, double target) {
  for (std::size_t j = 0; j + 1 < count; ++j) {
    if (target < rates[j]) return j;
    target -= rates[j];
  }
  return count - 1;
}

/// The rates of the state's cells for one child: as tabulated without history counters, or
/// scaled by the child's counter multipliers. Totals are added in destination order.
class ChildRates {
 public:
  ChildRates(const StateHazards& hazards, const Individual& child) : hazards_(hazards) {
    if (!hazards.counter_dependent()) return;
    const CounterProfiles& profiles = hazards.counter_profiles();
    if (profiles.tabulated()) {
      profile_ = profiles.profile_of(child.history);
      multipliers_ = profiles.multipliers(profile_);
      tabulated_ = true;
    } else {
      for (std::size_t j = 0; j < hazards.destinations(); ++j) own_[j] = hazards.counter_multiplier(j, child.history);
      multipliers_ = own_;
    }
  }

  double total(std::size_t cell) {
    if (multipliers_ == nullptr) return hazards_.total(cell);
    if (tabulated_) return hazards_.counter_profiles().total(profile_, cell);
    return scaled_rates(cell);
  }

  /// The rates of the cell where the event falls, to choose its destination from.
  const double* rates(std::size_t cell) {
    if (multipliers_ == nullptr) return hazards_.rates_of(cell);
    scaled_rates(cell);
    return scaled_;
  }

 private:
  double scaled_rates(std::size_t cell) {
    const double* base = hazards_.rates_of(cell);
    double total = 0.0;
    for (std::size_t j = 0; j < hazards_.destinations(); ++j) {
      scaled_[j] = base[j] * multipliers_[j];
      total += scaled_[j];
    }
    return total;
  }

  const StateHazards& hazards_;
  const double* multipliers_ = nullptr;  // null without history counters
  bool tabulated_ = false;
  std::size_t profile_ = 0;
  double own_[max_exits_per_state];
  double scaled_[max_exits_per_state];
};

SampledTransition hit(ChildRates& rates, const StateHazards& hazards, std::size_t cell, double at, double total,
                      RandomStream& stream) {
  double target = draw_uniform(stream) * total;
  return SampledTransition{at, choose_destination(rates.rates(cell), hazards.destinations(), target)};
}

/// The cell of one axis holding x, for values of x that never decrease: it only moves up, one
/// edge at a time, to where Axis::cell_of(x) would find it.
class AxisCursor {
 public:
  AxisCursor(const Axis& axis, double x) : edges_(axis.edges().data()), last_(axis.cells() - 1), cell_(axis.cell_of(x)) {}
  std::size_t advance_to(double x) {
    while (cell_ < last_ && x >= edges_[cell_ + 1]) ++cell_;
    return cell_;
  }
  double upper() const { return edges_[cell_ + 1]; }

 private:
  const double* edges_;
  std::size_t last_;
  std::size_t cell_;
};

/// One cell everywhere: the event falls in [from, until) or not at all (the loop below, once).
std::optional<SampledTransition> sample_in_one_cell(const StateHazards& hazards, ChildRates& rates, double from,
                                                    double until, double remaining, RandomStream& stream) {
  double total = rates.total(0);
  double needed = total * (until - from);
  if (needed >= remaining && total > 0.0) return hit(rates, hazards, 0, from + remaining / total, total, stream);
  return std::nullopt;
}

std::optional<SampledTransition> sample_across_cells(const StateHazards& hazards, ChildRates& rates,
                                                     const Individual& child, double from, double until,
                                                     double remaining, RandomStream& stream) {
  const double birth = child.birth, entered = child.entered;
  double t = from;
  // Time only moves forward, so does each axis's cell: age and time in state grow with t.
  AxisCursor age(hazards.age_axis(), t - birth), duration(hazards.duration_axis(), t - entered),
      period(hazards.period_axis(), t);
  while (t < until) {
    std::size_t a = age.advance_to(t - birth);
    std::size_t d = duration.advance_to(t - entered);
    std::size_t p = period.advance_to(t);
    double cell_end = std::min(std::min(until, birth + age.upper()), std::min(entered + duration.upper(), period.upper()));
    std::size_t cell = hazards.cell(a, d, p);
    double total = rates.total(cell);
    double needed = total * (cell_end - t);
    if (needed >= remaining && total > 0.0) return hit(rates, hazards, cell, t + remaining / total, total, stream);
    remaining -= needed;
    // Guard against a cell end that does not advance time (rounding at an edge).
    t = cell_end > t ? cell_end : std::nextafter(t, infinity);
  }
  return std::nullopt;
}

}  // namespace

std::optional<SampledTransition> sample_transition(const StateHazards& hazards, const Individual& child, double from,
                                                   double until, RandomStream& stream) {
  if (hazards.empty() || from >= until) return std::nullopt;
  ChildRates rates(hazards, child);
  double remaining = draw_unit_exponential(stream);
  if (hazards.single_cell()) return sample_in_one_cell(hazards, rates, from, until, remaining, stream);
  return sample_across_cells(hazards, rates, child, from, until, remaining, stream);
}

}  // namespace carecast::engine
