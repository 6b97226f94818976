#include "engine/cohort_projection_timeline.hpp"

#include <algorithm>
#include <cmath>

#include "engine/cohort_projection_age_segments.hpp"

namespace carecast::engine::cohort_projection {

std::vector<double> step_boundaries(double start, double end, double lattice,
                                    std::vector<double> breakpoints) {
  std::erase_if(breakpoints, [&](double t) { return !(t > start && t < end); });
  breakpoints.push_back(start);
  breakpoints.push_back(end);
  for (double k = std::ceil(start / lattice); k * lattice < end; k += 1.0)
    if (k * lattice > start) breakpoints.push_back(k * lattice);
  std::sort(breakpoints.begin(), breakpoints.end());
  auto close = [](double a, double b) { return b - a <= time_tolerance; };
  breakpoints.erase(std::unique(breakpoints.begin(), breakpoints.end(), close), breakpoints.end());
  return breakpoints;
}

}  // namespace carecast::engine::cohort_projection
