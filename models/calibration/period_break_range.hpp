#pragma once
// The period breaks a calibration can fit: each must fall strictly after the first record's
// start and strictly before the end of the records used, which is the end of observation, or
// the date the fit stops at (calibrate's --fit-until, a back-test's cut) when that is earlier.
//
// A break on or before the first start leaves the period before it without any record, and one
// on or after the end leaves the period it starts without any. Every rate of such a period would
// be a rate-0 placeholder, which a simulation takes as "never happens": a forecast that reaches
// the period would never let a child move or leave care. Pooling cannot help, as it never
// crosses periods, so such breaks are refused. (A break on the end of observation itself would
// leave the period one day of exposure, and is refused as well.)
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "models/calibration/episode.hpp"

namespace carecast::models::calibration {

/// The dates between which a period break may fall (both excluded), as messages name them.
struct PeriodBreakRange {
  engine::Date after{};   // the first record's start
  engine::Date before{};  // the end of the records used
  std::string before_named;  // "the end of observation 2025-12-31", "--fit-until 2023-01-01", "the cut 2024-01-01"
};

/// The range for `data`, used up to `fit_until` when that is before the end of observation;
/// `fit_until_name` is how the user gave fit_until ("--fit-until", "the cut").
PeriodBreakRange period_break_range(const EpisodeData& data, std::optional<engine::Date> fit_until,
                                    const std::string& fit_until_name);

/// Throws std::invalid_argument, naming --period-breaks, the first break outside the range,
/// the range and why.
void check_period_breaks(const std::vector<engine::Date>& breaks, const PeriodBreakRange& range);

}  // namespace carecast::models::calibration
