#include "engine/cohort_projection_population.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::engine::cohort_projection {

CohortPopulation::CohortPopulation(const MultistateModel& model, AgeOut age_out, double cohort_days,
                                   double oldest_birth, double youngest_birth)
    : kinds_(model.absorbing),
      column_of_state_(model.states(), -1),
      absorbed_(Eigen::RowVectorXd::Zero(static_cast<Eigen::Index>(model.states()))),
      age_out_(age_out),
      width_(cohort_days),
      first_edge_(cohort_days * (std::floor(oldest_birth / cohort_days) - 1.0)) {
  for (Eigen::Index column = 0; column < kinds_.in_care.size(); ++column)
    column_of_state_[static_cast<std::size_t>(kinds_.in_care(column))] = column;
  auto rows = static_cast<Eigen::Index>(
      std::ceil((std::max(youngest_birth, oldest_birth) - first_edge_) / width_) + 2.0);
  cohorts_ = Rows::Zero(rows, kinds_.in_care.size());
  scratch_.resize(rows, kinds_.in_care.size());
  ones_ = Eigen::RowVectorXd::Ones(rows);
  care_row_.resize(kinds_.in_care.size());
  absorbing_row_.resize(kinds_.absorbing.size());
  state_row_.resize(absorbed_.size());
}

std::size_t CohortPopulation::row_of_birth(double birth) const {
  double row = std::floor((birth - first_edge_) / width_);
  return static_cast<std::size_t>(std::clamp(row, 0.0, static_cast<double>(cohorts_.rows() - 1)));
}

void CohortPopulation::add_at_day_zero(int state, double lowest_age, double highest_age,
                                       double count) {
  Eigen::Index column = column_of_state_[static_cast<std::size_t>(state)];
  if (highest_age <= lowest_age) {
    if (lowest_age >= age_out_.age)
      absorbed_(age_out_.state) += count;
    else
      cohorts_(static_cast<Eigen::Index>(row_of_birth(-lowest_age)), column) += count;
    return;
  }
  double spread = highest_age - lowest_age;
  double aged = std::clamp((highest_age - std::max(lowest_age, age_out_.age)) / spread, 0.0, 1.0);
  if (aged > 0.0) absorbed_(age_out_.state) += count * aged;
  double oldest = -std::min(highest_age, age_out_.age), youngest = -lowest_age;
  for (std::size_t row = row_of_birth(oldest); row <= row_of_birth(youngest); ++row) {
    double overlap = std::min(youngest, lower_birth(row + 1)) - std::max(oldest, lower_birth(row));
    if (overlap > 0.0) cohorts_(static_cast<Eigen::Index>(row), column) += count * overlap / spread;
  }
}

void CohortPopulation::add_absorbed(int state, double count) { absorbed_(state) += count; }

void CohortPopulation::forget_absorbed() { absorbed_.setZero(); }

Eigen::RowVectorXd CohortPopulation::stock() const {
  Eigen::RowVectorXd stock = absorbed_;
  stock(kinds_.in_care) += cohorts_.colwise().sum();
  return stock;
}

std::pair<std::size_t, std::size_t> CohortPopulation::rows_to_advance(double start,
                                                                      double end) const {
  // Older rows are gone (their middle age is past A + w/2); younger rows have nobody born yet.
  double gone_before = start - age_out_.age - width_;
  double first =
      std::isfinite(gone_before) ? std::floor((gone_before - first_edge_) / width_) : 0.0;
  double last = std::ceil((end - first_edge_) / width_);
  auto clamp_row = [&](double row) {
    return static_cast<std::size_t>(std::clamp(row, 0.0, static_cast<double>(cohorts_.rows())));
  };
  return {clamp_row(first), clamp_row(last)};
}

bool CohortPopulation::stays_in(std::size_t row, std::size_t segment, double end,
                                const StepContext& step) const {
  return end - middle_birth(row) <= step.segments[segment].upper + time_tolerance;
}

void CohortPopulation::advance(double start, double end, const StepContext& step) {
  auto [first, last] = rows_to_advance(start, end);
  for (std::size_t row = first; row < last;) {
    std::size_t segment = step.segments.index_of(start - middle_birth(row));
    std::size_t next = row + 1;
    if (step.segments[segment].phase == CohortPhase::open && stays_in(row, segment, end, step)) {
      // Younger rows are in the same segment until their age drops below its lower edge.
      double lower = step.segments[segment].lower;
      while (next < last && start - middle_birth(next) + time_tolerance >= lower &&
             stays_in(next, segment, end, step))
        ++next;
      advance_rows(row, next, segment, end - start, step);
    } else {
      advance_row(row, start, end, step);
    }
    row = next;
  }
  absorbed_ += (end - start) * step.inflows.beyond_age_out();
}

/// Rows of one open segment: x ← x exp(Qh); what the rows lose to absorbing states is banked
/// from their column sums in one product.
void CohortPopulation::advance_rows(std::size_t first, std::size_t last, std::size_t segment,
                                    double length, const StepContext& step) {
  const StepMatrices& m =
      step.matrices.get(step.segments[segment].age_cell, step.period_cell, length);
  const auto count = static_cast<Eigen::Index>(last - first);
  auto block = cohorts_.middleRows(static_cast<Eigen::Index>(first), count);
  auto moved = scratch_.topRows(count);
  care_row_.noalias() = ones_.head(count) * block;  // column sums, read row by row
  absorbing_row_.noalias() = care_row_ * m.propagator_absorb;
  bank(absorbing_row_);
  moved.noalias() = block.lazyProduct(m.propagator_stay);  // coefficient-wise: small matrices
  if (step.inflows.any_into_cohort(segment))
    add_inflow(moved, step.inflows.into_cohort(segment), m);
  block = moved;
}

/// A cohort whose step crosses segment edges, or that is ageing out: piece by piece.
void CohortPopulation::advance_row(std::size_t row, double start, double end,
                                   const StepContext& step) {
  for (double t = start; end - t > time_tolerance;) {
    std::size_t segment = step.segments.index_of(t - middle_birth(row));
    double piece_end = std::min(end, middle_birth(row) + step.segments[segment].upper);
    if (end - piece_end <= time_tolerance) piece_end = end;
    switch (step.segments[segment].phase) {
      case CohortPhase::open:
        advance_rows(row, row + 1, segment, piece_end - t, step);
        break;
      case CohortPhase::leaving:
        advance_leaving_row(row, segment, t, piece_end, step);
        break;
      case CohortPhase::gone:
        cohorts_.row(static_cast<Eigen::Index>(row)).setZero();
        break;
    }
    t = piece_end;
  }
}

/// Members age out uniformly over the cohort's width: with R days left until the last of them
/// has, the present population is thinned by (R - s) / R after s days. Thinning commutes with
/// the generator, so the present part is (R - h) / R · x exp(Qh); integrating by parts, what
/// was absorbed meanwhile is that part's absorbing entries plus (x ∫exp(Qs)ds)/R, and what aged
/// out is the non-absorbing rest of (x ∫exp(Qs)ds)/R. Arrivals during the step are added
/// unthinned (they are a second-order share of a cohort here).
void CohortPopulation::advance_leaving_row(std::size_t row, std::size_t segment, double start,
                                           double end, const StepContext& step) {
  const double length = end - start;
  const double remaining = middle_birth(row) + age_out_.age + 0.5 * width_ - start;
  const double kept = remaining - length > time_tolerance ? (remaining - length) / remaining : 0.0;
  const StepMatrices& m =
      step.matrices.get(step.segments[segment].age_cell, step.period_cell, length);
  auto present = cohorts_.row(static_cast<Eigen::Index>(row));
  bank(kept * (present * m.propagator_absorb) + present * m.integral_absorb / remaining);
  absorbed_(age_out_.state) += (present * m.integral_stay).sum() / remaining;
  Rows next = kept * (present * m.propagator_stay);
  if (step.inflows.any_into_cohort(segment)) add_inflow(next, step.inflows.into_cohort(segment), m);
  present = next;
}

void CohortPopulation::add_inflow(Eigen::Ref<Rows> rows, const Eigen::RowVectorXd& inflow,
                                  const StepMatrices& m) {
  state_row_.noalias() = inflow * m.integral;
  care_row_ = state_row_(kinds_.in_care);
  rows.rowwise() += care_row_;
  absorbing_row_ = static_cast<double>(rows.rows()) * state_row_(kinds_.absorbing);
  bank(absorbing_row_);
}

void CohortPopulation::bank(const Eigen::RowVectorXd& to_absorbing_states) {
  absorbed_(kinds_.absorbing) += to_absorbing_states;
}

}  // namespace carecast::engine::cohort_projection
