#pragma once
// Analytic mode, part 2: what happens to a birth cohort at each age. A cohort is tracked at the
// age of its middle birth date; the ages where anything changes for it (a hazard band edge, the
// edge of an arrival group's ages, the start, middle and end of its ageing out) cut the age line
// into segments on which its generator and its inflow of arrivals are constant.
#include <cstddef>
#include <vector>

#include "engine/arrival_schedule.hpp"
#include "engine/axis.hpp"

namespace carecast::engine::cohort_projection {

/// Times and ages closer than this (in days) are taken as equal.
inline constexpr double time_tolerance = 1e-9;

struct AgeOut {
  double age = infinity;  // infinity: nobody ages out
  int state = -1;
};

/// A cohort of width w is `open` while all its members are younger than the age-out age A
/// (middle age below A - w/2), `leaving` while its members age out one after another (middle age
/// in [A - w/2, A + w/2)), and `gone` after.
enum class CohortPhase { open, leaving, gone };

struct AgeSegment {
  double lower = -infinity;  // middle age of the cohort, days
  double upper = infinity;
  std::size_t age_cell = 0;  // cell of the merged age axis whose generator applies
  CohortPhase phase = CohortPhase::open;
  std::vector<std::size_t> arrival_groups;  // groups whose arrivals join the cohort here
};

/// An arrival group's effective age range: a zero-width range is widened to a tiny one.
double arrival_age_width(const ArrivalGroup& group);

class AgeSegments {
 public:
  AgeSegments(const Axis& age_axis, const ArrivalSchedule& arrivals, AgeOut age_out,
              double cohort_days);

  std::size_t size() const { return segments_.size(); }
  const AgeSegment& operator[](std::size_t i) const { return segments_[i]; }
  /// The segment holding `age`; an age within time_tolerance below an edge counts as on it.
  std::size_t index_of(double age) const;

 private:
  std::vector<AgeSegment> segments_;
  std::vector<double> lowers_;  // segments_[i].lower, for the search
};

}  // namespace carecast::engine::cohort_projection
