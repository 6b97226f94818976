#pragma once
// Costs that are valid but look mistaken: a price index that falls (levels typed as yearly
// changes), or a state whose daily cost is a hundred times the others' or a hundredth of them
// (a yearly amount under per_day, a daily one under per_year). Each is a located warning; the
// scenario still runs, since such values can be meant.
#include <vector>

#include "models/config/config_value.hpp"
#include "models/config/input_error.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

/// How many times the median of the other states' daily costs a state's may be, either way,
/// before it is doubted.
inline constexpr double cost_ratio_doubted = 100.0;

/// Doubts about `scenario.costs`, located in its `costs` section `value`.
std::vector<InputError> doubts_about_costs(const ConfigValue& value, const Scenario& scenario);

}  // namespace carecast::models
