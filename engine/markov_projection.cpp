// Analytic mode: the population is tracked as expected counts by birth-date cohort × state
// (engine/cohort_projection_population.hpp) and stepped exactly between the instants where
// anything changes (engine/cohort_projection_timeline.hpp) with cached matrix exponentials
// (engine/cohort_projection_step_matrices.hpp). The only approximation is to follow each cohort
// at its middle birth date (a midpoint rule over birth dates, with ageing out spread evenly over
// the cohort's width); its error shrinks with the square of the cohort width.
#include "engine/markov_projection.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/cohort_projection_age_segments.hpp"
#include "engine/cohort_projection_arrivals.hpp"
#include "engine/cohort_projection_population.hpp"
#include "engine/cohort_projection_step_matrices.hpp"
#include "engine/cohort_projection_timeline.hpp"

namespace carecast::engine {

namespace {

using namespace cohort_projection;

void validate(const ProjectionSetup& setup) {
  const MultistateModel& model = setup.model;
  if (model.leaving.size() != model.states())
    throw std::invalid_argument("analytic projection: every state needs its hazards");
  if (!model.markov())
    throw std::invalid_argument(
        "analytic projection needs a Markov model: hazards may not depend on time in state or "
        "on history");
  if (!(setup.cohort_days > 0.0) || !std::isfinite(setup.cohort_days))
    throw std::invalid_argument("analytic projection: cohort_days must be positive");
  bool ages_out = std::isfinite(model.age_out_days);
  if (ages_out &&
      (model.age_out_state < 0 || static_cast<std::size_t>(model.age_out_state) >= model.states() ||
       !model.absorbing[static_cast<std::size_t>(model.age_out_state)]))
    throw std::invalid_argument("analytic projection: the age-out state must be absorbing");
}

AgeOut age_out_of(const MultistateModel& model) {
  return std::isfinite(model.age_out_days) ? AgeOut{model.age_out_days, model.age_out_state}
                                           : AgeOut{};
}

/// The youngest age an initial child can have (uniform on [lowest, highest)).
double lowest_age(const InitialChild& child) {
  return std::max(child.min_age_days, child.days_in_state);
}

double highest_age(const InitialChild& child) {
  return std::max(child.max_age_days, lowest_age(child));
}

/// Birth dates of everyone who can be present in a cohort between `start` and `end`.
std::pair<double, double> birth_range(const ProjectionSetup& setup, AgeOut age_out, double start,
                                      double end) {
  double oldest = infinity, youngest = -infinity;
  for (const InitialChild& child : setup.initial) {
    if (setup.model.absorbing[static_cast<std::size_t>(child.state)]) continue;
    oldest = std::min(oldest, -std::min(highest_age(child), age_out.age));
    youngest = std::max(youngest, -lowest_age(child));
  }
  for (const ArrivalGroup& group : setup.arrivals.groups()) {
    oldest = std::min(oldest,
                      start - std::min(group.min_age_days + arrival_age_width(group), age_out.age));
    youngest = std::max(youngest, end - group.min_age_days);
  }
  if (oldest > youngest) return {0.0, 0.0};
  return {oldest, youngest};
}

std::vector<double> breakpoints(const ProjectionSetup& setup, const ModelAxes& axes,
                                const ArrivalInflows& inflows) {
  std::vector<double> times = inflows.change_times();
  times.insert(times.end(), axes.period.edges().begin(), axes.period.edges().end());
  times.insert(times.end(), setup.grid.offsets().begin(), setup.grid.offsets().end());
  times.push_back(0.0);
  return times;
}

void seed_initial_stock(CohortPopulation& population, const ProjectionSetup& setup) {
  for (const InitialChild& child : setup.initial) {
    if (!setup.model.absorbing[static_cast<std::size_t>(child.state)])
      population.add_at_day_zero(child.state, lowest_age(child), highest_age(child), 1.0);
    else if (-child.days_in_state >= setup.grid.offset(0))
      population.add_absorbed(child.state, 1.0);  // absorbed before the grid's start: not counted
  }
}

/// The expected stock at each grid date, filled in as the projection passes them.
class GridStock {
 public:
  GridStock(const ReportingGrid& grid, std::size_t states)
      : grid_(grid), states_(states), values_(grid.points() * states, 0.0) {}
  bool due(double t) const {
    return next_ < grid_.points() && grid_.offset(next_) <= t + time_tolerance;
  }
  void record_due(double t, const CohortPopulation& population) {
    if (!due(t)) return;
    Eigen::RowVectorXd stock = population.stock();
    for (; due(t); ++next_)
      for (std::size_t s = 0; s < states_; ++s)
        values_[next_ * states_ + s] = stock(static_cast<Eigen::Index>(s));
  }
  std::vector<double> take() { return std::move(values_); }

 private:
  const ReportingGrid& grid_;
  std::size_t states_;
  std::size_t next_ = 0;
  std::vector<double> values_;
};

/// Follows the population through the instants and records it at the grid dates; after the
/// horizon nothing moves any more, as in the Monte Carlo kernel.
class Projection {
 public:
  explicit Projection(const ProjectionSetup& setup)
      : setup_(setup),
        age_out_(age_out_of(setup.model)),
        start_(std::min(0.0, static_cast<double>(setup.span.first_arrival_day))),
        end_(std::max(start_, std::min(setup.span.horizon, setup.grid.horizon()))),
        matrices_(setup.model, merged_axes(setup.model)),
        segments_(matrices_.axes().age, setup.arrivals, age_out_, setup.cohort_days),
        inflows_(setup.arrivals, setup.model, age_out_, setup.span, segments_, setup.cohort_days),
        population_(setup.model, age_out_, setup.cohort_days,
                    birth_range(setup, age_out_, start_, end_).first,
                    birth_range(setup, age_out_, start_, end_).second),
        stock_(setup.grid, setup.model.states()) {}

  std::vector<double> run() {
    std::vector<double> times = step_boundaries(start_, end_, setup_.cohort_days,
                                                breakpoints(setup_, matrices_.axes(), inflows_));
    for (std::size_t i = 0; i < times.size(); ++i) {
      arrive_at(times[i]);
      if (i + 1 < times.size()) step(times[i], times[i + 1]);
    }
    arrive_at(infinity);
    return stock_.take();
  }

 private:
  void arrive_at(double t) {
    if (!counting_ && t >= setup_.grid.offset(0) - time_tolerance) {
      population_.forget_absorbed();
      counting_ = true;
    }
    if (!seeded_ && t >= -time_tolerance) {
      seed_initial_stock(population_, setup_);
      seeded_ = true;
    }
    stock_.record_due(t, population_);
  }

  void step(double start, double end) {
    inflows_.set_step(start, end);
    std::size_t period_cell = matrices_.axes().period.cell_of(0.5 * (start + end));
    population_.advance(start, end, StepContext{segments_, inflows_, matrices_, period_cell});
  }

  const ProjectionSetup& setup_;
  AgeOut age_out_;
  double start_, end_;
  StepMatrixCache matrices_;
  AgeSegments segments_;
  ArrivalInflows inflows_;
  CohortPopulation population_;
  GridStock stock_;
  bool counting_ = false;
  bool seeded_ = false;
};

}  // namespace

std::vector<double> project_expected_stock(const ProjectionSetup& setup) {
  validate(setup);
  return Projection(setup).run();
}

}  // namespace carecast::engine
