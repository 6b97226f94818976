#include "engine/cohort_projection_age_segments.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::engine::cohort_projection {

namespace {

std::vector<double> age_breakpoints(const Axis& age_axis, const ArrivalSchedule& arrivals,
                                    AgeOut age_out, double cohort_days) {
  std::vector<double> points(age_axis.edges().begin(), age_axis.edges().end());
  for (const ArrivalGroup& group : arrivals.groups()) {
    points.push_back(group.min_age_days);
    points.push_back(group.min_age_days + arrival_age_width(group));
  }
  if (std::isfinite(age_out.age))
    for (double shift : {-0.5, 0.0, 0.5}) points.push_back(age_out.age + shift * cohort_days);
  std::erase_if(points, [](double x) { return !std::isfinite(x); });
  std::sort(points.begin(), points.end());
  auto close = [](double a, double b) { return b - a <= time_tolerance; };
  points.erase(std::unique(points.begin(), points.end(), close), points.end());
  return points;
}

double representative(double lower, double upper) {
  if (lower == -infinity) return upper == infinity ? 0.0 : upper - 1.0;
  if (upper == infinity) return lower + 1.0;
  return lower + 0.5 * (upper - lower);
}

CohortPhase phase_at(double age, AgeOut age_out, double cohort_days) {
  if (age < age_out.age - 0.5 * cohort_days) return CohortPhase::open;
  if (age < age_out.age + 0.5 * cohort_days) return CohortPhase::leaving;
  return CohortPhase::gone;
}

AgeSegment make_segment(double lower, double upper, const Axis& age_axis,
                        const ArrivalSchedule& arrivals, AgeOut age_out, double cohort_days) {
  AgeSegment segment;
  segment.lower = lower;
  segment.upper = upper;
  double age = representative(lower, upper);
  segment.phase = phase_at(age, age_out, cohort_days);
  // Those still present in a cohort are younger than the age-out age.
  segment.age_cell =
      age_axis.cell_of(age < age_out.age ? age : std::nextafter(age_out.age, -infinity));
  for (std::size_t g = 0; g < arrivals.groups().size(); ++g) {
    const ArrivalGroup& group = arrivals.groups()[g];
    bool in_group =
        age >= group.min_age_days && age < group.min_age_days + arrival_age_width(group);
    if (in_group && age < age_out.age) segment.arrival_groups.push_back(g);
  }
  return segment;
}

}  // namespace

double arrival_age_width(const ArrivalGroup& group) {
  return std::max(group.max_age_days - group.min_age_days, 1e-4);
}

AgeSegments::AgeSegments(const Axis& age_axis, const ArrivalSchedule& arrivals, AgeOut age_out,
                         double cohort_days) {
  std::vector<double> points = age_breakpoints(age_axis, arrivals, age_out, cohort_days);
  points.insert(points.begin(), -infinity);
  points.push_back(infinity);
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    segments_.push_back(
        make_segment(points[i], points[i + 1], age_axis, arrivals, age_out, cohort_days));
    lowers_.push_back(points[i]);
  }
}

std::size_t AgeSegments::index_of(double age) const {
  auto above = std::upper_bound(lowers_.begin(), lowers_.end(), age + time_tolerance);
  return static_cast<std::size_t>(above - lowers_.begin()) - 1;
}

}  // namespace carecast::engine::cohort_projection
