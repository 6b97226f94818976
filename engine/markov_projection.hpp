#pragma once
// Analytic mode: the expected stock of a Markov scenario (hazards depend only on state, age
// band and calendar period) by matrix algebra, with no random draws. It is the oracle that the
// Monte Carlo mean is tested against.
#include <cstddef>
#include <vector>

#include "engine/arrival_schedule.hpp"
#include "engine/initial_child.hpp"
#include "engine/multistate_model.hpp"
#include "engine/replicate_kernel.hpp"
#include "engine/reporting_grid.hpp"

namespace carecast::engine {

struct ProjectionSetup {
  const MultistateModel& model;
  const ArrivalSchedule& arrivals;
  const std::vector<InitialChild>& initial;
  KernelSpan span;  // same meaning as for the Monte Carlo kernel (warm-up arrivals included)
  const ReportingGrid& grid;
  /// Width of the birth-date cohorts the population is tracked in; smaller is more exact.
  double cohort_days = 7.0;
};

/// Expected stock [point][state], with the same meaning as the Monte Carlo "stock" tally:
/// children in each non-absorbing state at each grid date, and, for absorbing states, the
/// expected number who reached the state at or after the grid's first date.
/// Throws std::invalid_argument if the model is not Markov (model.markov() is false).
std::vector<double> project_expected_stock(const ProjectionSetup& setup);

}  // namespace carecast::engine
