#pragma once
// Maximum-likelihood hazards per cell (or per group of pooled cells) from an ExposureTable.
//
// For a piecewise-constant hazard the likelihood of a cell is Poisson in the events given the
// exposure, so the MLE is rate = events / exposure, with the standard error
// sqrt(events) / exposure (the inverse observed information, evaluated at the MLE).
//
// The 95 % interval is the exact Poisson (Garwood) interval for the events divided by the
// exposure:
//   lower = χ²(0.025; 2·events) / 2 / exposure      (0 when events = 0)
//   upper = χ²(0.975; 2·events + 2) / 2 / exposure
// with χ² quantiles from Boost.Math. It is chosen over the Wald interval rate ± 1.96·se because
// it stays inside [0, ∞), is not degenerate at zero events (where se = 0) and covers at least
// 95 % for any count; for large counts the two agree.
//
// Pooling: all destinations out of a state share one set of cell groups (exposure does not
// depend on the destination). Along `bands.pool_along` (duration or age), with the other two
// axes fixed, each cell starts as its own group; while some group has less than `min_exposure`
// person-years, the one with the least exposure (the first, on a tie) joins its neighbour with
// less exposure (the earlier one, on a tie; the only one at either end). Groups of a line all
// below the minimum end as one group. Each merge is reported as a PoolingStep.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "models/calibration/exposure_table.hpp"

namespace carecast::models::calibration {

/// A rate per year with its standard error, exact 95 % interval, and the counts behind it.
struct RateEstimate {
  double rate = 0.0;
  double se = 0.0;
  double lower = 0.0;  // 95 % interval
  double upper = 0.0;  // +infinity without exposure
  std::int64_t events = 0;
  double exposure_years = 0.0;
};

/// events / exposure as above; without exposure: rate 0, se 0, interval [0, +infinity).
RateEstimate estimate_rate(std::int64_t events, double exposure_years);

/// Cells of one state that share one rate: a run of neighbours along the pooling axis, from
/// `first` to `last` (equal on the other two axes).
struct CellGroup {
  CellCoordinates first;
  CellCoordinates last;
  std::vector<std::size_t> cells;  // in order along the pooling axis
  double exposure_years = 0.0;
};

/// One merge: a group below the minimum exposure (`merged`) joined its neighbour (`into`).
struct PoolingStep {
  std::size_t state = 0;  // index into ExposureTable::states()
  CellGroup merged;
  CellGroup into;
};

/// The estimates of one transition, by group of its state (aligned with groups(from)).
struct TransitionEstimates {
  std::vector<RateEstimate> by_group;
  std::int64_t events = 0;
  std::int64_t carer_initiated = 0;  // breakdowns only
};

class HazardEstimates {
 public:
  static HazardEstimates estimate(const ExposureTable& table);

  /// The groups of a state in cell order (the cells of the bands when nothing was pooled).
  const std::vector<CellGroup>& groups(std::size_t state) const { return groups_[state]; }
  /// Aligned with ExposureTable::transitions().
  const std::vector<TransitionEstimates>& transitions() const { return transitions_; }
  const std::vector<PoolingStep>& pooling() const { return pooling_; }
  /// Groups still below the minimum exposure after pooling (a whole line had too little), and
  /// one warning counting the rows of groups with no exposure at all (rate 0 placeholders), with
  /// what would fill them (placeholder_warning.hpp).
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  std::vector<std::vector<CellGroup>> groups_;  // by state (care states)
  std::vector<TransitionEstimates> transitions_;
  std::vector<PoolingStep> pooling_;
  std::vector<std::string> warnings_;
};

/// "age [0, 6) × duration [0.5, inf) × period [~, ~)" for a group.
std::string describe_group(const CalibrationBands& bands, const CellGroup& group);

}  // namespace carecast::models::calibration
