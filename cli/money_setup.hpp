#pragma once
// The money of a scenario as carecast will count it, for `validate` to show back: each costed
// state's cost a day and a year, one-off costs, the price factor of each reporting year and the
// discount rate, so that a unit or a scale typed wrong shows before anything runs.
#include <string>

#include "models/scenario/scenario.hpp"

namespace carecast::cli {

/// Empty without a costs section.
std::string describe_money_setup(const models::Scenario& scenario);

}  // namespace carecast::cli
