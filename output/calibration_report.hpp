#pragma once
// What `carecast calibrate` prints: what went in (episodes, children, events, exposure), the
// warnings, the pooling, and one row per estimated transition with its events, exposure and
// overall rate; then the prior-breakdown factor, when estimated.
#include <string>

#include "models/calibration/calibrated_model.hpp"

namespace carecast::output {

std::string format_calibration_report(const models::calibration::CalibratedModel& model);

}  // namespace carecast::output
