#pragma once
// Analytic mode, part 4: the expected population by birth-date cohort × state. Each cohort
// (births in [edge, edge + w), edges multiples of w) is followed at its middle birth date: its
// generator is the one at its middle age, and arrivals join it while its middle age is in their
// group's range (a midpoint rule over birth dates, second-order in w). Ageing out is spread
// over the cohort's width: members leave one after another as the age-out age passes through
// their birth dates, so a grid date falling inside that window sees the right share.
// Cohorts hold only the states in care; absorbing states are banked as one running total.
#include <Eigen/Core>
#include <cstddef>
#include <utility>
#include <vector>

#include "engine/cohort_projection_age_segments.hpp"
#include "engine/cohort_projection_arrivals.hpp"
#include "engine/cohort_projection_step_matrices.hpp"
#include "engine/multistate_model.hpp"

namespace carecast::engine::cohort_projection {

/// What is the same for every cohort during one step.
struct StepContext {
  const AgeSegments& segments;
  const ArrivalInflows& inflows;
  StepMatrixCache& matrices;
  std::size_t period_cell = 0;
};

class CohortPopulation {
 public:
  /// Cohorts covering births from `oldest_birth` to `youngest_birth` (day offsets).
  CohortPopulation(const MultistateModel& model, AgeOut age_out, double cohort_days,
                   double oldest_birth, double youngest_birth);

  /// Adds `count` children present in non-absorbing `state` at day 0 with ages uniform on
  /// [lowest_age, highest_age) (exactly lowest_age if the range is empty). Those at or above
  /// the age-out age age out at day 0.
  void add_at_day_zero(int state, double lowest_age, double highest_age, double count);
  void add_absorbed(int state, double count);
  /// Forgets what has been absorbed so far (absorption is counted from the grid's start).
  void forget_absorbed();
  /// Moves the population from `start` to `end`; nothing may change for everyone in between.
  void advance(double start, double end, const StepContext& step);
  /// Expected children present in each non-absorbing state, and absorbed in each absorbing one.
  Eigen::RowVectorXd stock() const;

 private:
  using Rows = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

  double lower_birth(std::size_t row) const {
    return first_edge_ + static_cast<double>(row) * width_;
  }
  double middle_birth(std::size_t row) const { return lower_birth(row) + 0.5 * width_; }
  std::size_t row_of_birth(double birth) const;
  std::pair<std::size_t, std::size_t> rows_to_advance(double start, double end) const;
  bool stays_in(std::size_t row, std::size_t segment, double end, const StepContext& step) const;
  void advance_rows(std::size_t first, std::size_t last, std::size_t segment, double length,
                    const StepContext& step);
  void advance_row(std::size_t row, double start, double end, const StepContext& step);
  void advance_leaving_row(std::size_t row, std::size_t segment, double start, double end,
                           const StepContext& step);
  /// Adds arrivals over a step to `rows` (each row receives `inflow · integral`).
  void add_inflow(Eigen::Ref<Rows> rows, const Eigen::RowVectorXd& inflow, const StepMatrices& m);
  void bank(const Eigen::RowVectorXd& to_absorbing_states);

  StateKinds kinds_;
  std::vector<Eigen::Index> column_of_state_;  // -1 for absorbing states
  Rows cohorts_;                               // [cohort][state in care], expected children
  Rows scratch_;                               // same shape, for products that may not alias
  Eigen::RowVectorXd care_row_, absorbing_row_, state_row_;  // scratch, to spare allocations
  Eigen::RowVectorXd ones_;                                  // one per row
  Eigen::RowVectorXd absorbed_;  // [state], expected children absorbed since counting began
  AgeOut age_out_;
  double width_;
  double first_edge_;
};

}  // namespace carecast::engine::cohort_projection
