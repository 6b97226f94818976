#pragma once
// Analytic mode, part 3: arrivals as inflows. During a step the daily intensity of every group
// is constant (steps are cut where it changes). Arrivals younger than the age-out age join
// cohorts: a cohort whose middle age lies in a group's age range receives that group's
// intensity times (cohort width / range width). Arrivals at or above the age-out age leave at
// once (or start in an absorbing state) and are counted directly.
#include <Eigen/Core>
#include <cstddef>
#include <vector>

#include "engine/arrival_schedule.hpp"
#include "engine/cohort_projection_age_segments.hpp"
#include "engine/multistate_model.hpp"
#include "engine/replicate_kernel.hpp"

namespace carecast::engine::cohort_projection {

class ArrivalInflows {
 public:
  ArrivalInflows(const ArrivalSchedule& arrivals, const MultistateModel& model, AgeOut age_out,
                 KernelSpan span, const AgeSegments& segments, double cohort_days);

  /// Day offsets at which the intensity of some group changes, and the first arrival day.
  std::vector<double> change_times() const;
  /// Sets the intensities for a step [start, end) lying within one arrival regime.
  void set_step(double start, double end);
  /// Expected arrivals per day, by first state, into one cohort whose middle age is in segment i.
  const Eigen::RowVectorXd& into_cohort(std::size_t segment) const { return into_cohort_[segment]; }
  bool any_into_cohort(std::size_t segment) const { return has_inflow_[segment]; }
  /// Expected arrivals per day at ages at or above the age-out age, by the state they are
  /// counted in (the age-out state, or their first state if it is absorbing).
  const Eigen::RowVectorXd& beyond_age_out() const { return beyond_age_out_; }

 private:
  double intensity(std::size_t group, double start, double end) const;

  const ArrivalSchedule& arrivals_;
  KernelSpan span_;
  const AgeSegments& segments_;
  double cohort_days_;
  std::vector<Eigen::RowVectorXd> first_states_;  // per group: shares by state
  std::vector<Eigen::RowVectorXd> overflow_;      // per group: share beyond age out, by state
  std::vector<Eigen::RowVectorXd> into_cohort_;   // per segment, for the current step
  std::vector<bool> has_inflow_;
  Eigen::RowVectorXd beyond_age_out_;
};

}  // namespace carecast::engine::cohort_projection
