#include "engine/cohort_projection_arrivals.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::engine::cohort_projection {

namespace {

Eigen::RowVectorXd first_state_shares(const ArrivalGroup& group, std::size_t states) {
  Eigen::RowVectorXd shares = Eigen::RowVectorXd::Zero(static_cast<Eigen::Index>(states));
  for (std::size_t j = 0; j < group.first_states.size(); ++j)
    shares(group.first_states[j]) += group.first_state_shares[j];
  return shares;
}

/// Shares of a group's arrivals that are at or above the age-out age, by where they are counted.
Eigen::RowVectorXd overflow_shares(const ArrivalGroup& group, const Eigen::RowVectorXd& shares,
                                   const MultistateModel& model, AgeOut age_out) {
  Eigen::RowVectorXd overflow = Eigen::RowVectorXd::Zero(shares.size());
  double width = arrival_age_width(group);
  double above = group.min_age_days + width - std::max(group.min_age_days, age_out.age);
  double fraction = std::clamp(above / width, 0.0, 1.0);
  if (fraction == 0.0) return overflow;
  for (Eigen::Index s = 0; s < shares.size(); ++s) {
    bool absorbing = model.absorbing[static_cast<std::size_t>(s)];
    overflow(absorbing ? s : age_out.state) += fraction * shares(s);
  }
  return overflow;
}

}  // namespace

ArrivalInflows::ArrivalInflows(const ArrivalSchedule& arrivals, const MultistateModel& model,
                               AgeOut age_out, KernelSpan span, const AgeSegments& segments,
                               double cohort_days)
    : arrivals_(arrivals),
      span_(span),
      segments_(segments),
      cohort_days_(cohort_days),
      into_cohort_(segments.size(),
                   Eigen::RowVectorXd::Zero(static_cast<Eigen::Index>(model.states()))),
      has_inflow_(segments.size(), false),
      beyond_age_out_(Eigen::RowVectorXd::Zero(static_cast<Eigen::Index>(model.states()))) {
  for (const ArrivalGroup& group : arrivals.groups()) {
    first_states_.push_back(first_state_shares(group, model.states()));
    overflow_.push_back(overflow_shares(group, first_states_.back(), model, age_out));
  }
}

std::vector<double> ArrivalInflows::change_times() const {
  // Day d has the intensity at d + 0.5, so an edge e takes effect from day ceil(e - 0.5).
  std::vector<double> times{static_cast<double>(span_.first_arrival_day)};
  for (const ArrivalGroup& group : arrivals_.groups())
    for (double edge : group.per_day.period().edges())
      if (std::isfinite(edge)) times.push_back(std::ceil(edge - 0.5));
  return times;
}

double ArrivalInflows::intensity(std::size_t group, double start, double end) const {
  double middle = 0.5 * (start + end);
  if (middle < static_cast<double>(span_.first_arrival_day) || middle >= span_.horizon) return 0.0;
  return arrivals_.expected_on_day(group, static_cast<long>(std::floor(middle)));
}

void ArrivalInflows::set_step(double start, double end) {
  std::vector<double> per_day(arrivals_.groups().size());
  beyond_age_out_.setZero();
  for (std::size_t g = 0; g < per_day.size(); ++g) {
    per_day[g] = intensity(g, start, end);
    beyond_age_out_ += per_day[g] * overflow_[g];
  }
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    into_cohort_[i].setZero();
    for (std::size_t g : segments_[i].arrival_groups)
      into_cohort_[i] +=
          per_day[g] * cohort_days_ / arrival_age_width(arrivals_.groups()[g]) * first_states_[g];
    has_inflow_[i] = into_cohort_[i].cwiseAbs().sum() > 0.0;
  }
}

}  // namespace carecast::engine::cohort_projection
