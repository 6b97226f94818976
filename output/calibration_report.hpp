#pragma once
// What `carecast calibrate` prints: what went in (episodes, children, events, exposure), the
// pooling, and one row per estimated transition with its events, exposure and overall rate; then
// the prior-breakdown factor, when estimated. The warnings are apart, for the standard error
// stream (`calibrate` and `backtest` print them there, even with --quiet).
#include <string>

#include "models/calibration/calibrated_model.hpp"

namespace carecast::output {

std::string format_calibration_report(const models::calibration::CalibratedModel& model);

/// One line "warning: ..." per warning of the calibration; empty without any.
std::string format_calibration_warnings(const models::calibration::CalibratedModel& model);

}  // namespace carecast::output
