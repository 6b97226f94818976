#pragma once
// Analytic mode, part 5: the instants the projection steps through. A lattice of multiples of
// the cohort width keeps every cohort's middle age at the same phase at each lattice point, so
// that the few step lengths recur and their matrix exponentials can be cached; the instants
// where something changes for everyone (period edges, changes of arrival intensity, grid dates,
// the start, day 0) are added to it.
#include <vector>

namespace carecast::engine::cohort_projection {

/// Sorted instants from `start` to `end` inclusive: multiples of `lattice` and the given
/// breakpoints that lie in between, with near-duplicates merged.
std::vector<double> step_boundaries(double start, double end, double lattice,
                                    std::vector<double> breakpoints);

}  // namespace carecast::engine::cohort_projection
