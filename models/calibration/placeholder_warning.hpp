#pragma once
// The warning about hazard rows written as rate-0 placeholders: cell groups without any exposure
// out of a state with a transition. A simulation takes such a row at its word (the transition
// never happens in that cell), so the warning counts them and says, for each kind of empty
// cell, what would give it a rate:
//   - a neighbour along the pooling axis has exposure: pooling with --min-exposure fills it
//     (only possible when nothing is pooled, as pooling joins every empty cell it can);
//   - only the line along the other axis has exposure: --pool-along with the other axis;
//   - the state has exposure in the period, but in no cell on either line: other bands;
//   - the state has no exposure anywhere in the period: no pooling fills it (pooling never
//     crosses periods); other period breaks.
#include <optional>
#include <string>
#include <vector>

#include "models/calibration/exposure_table.hpp"
#include "models/calibration/hazard_estimates.hpp"

namespace carecast::models::calibration {

/// The warning, or nothing when no row is a placeholder; `groups` are by care state.
std::optional<std::string> placeholder_warning(const ExposureTable& table,
                                               const std::vector<std::vector<CellGroup>>& groups);

}  // namespace carecast::models::calibration
