#pragma once
// What `compare` needs of its scenarios, checked before anything runs. The paired figures are
// taken by reporting year and by state, and each alternative's money has the base's subtracted
// from it year by year, so every alternative must have the base's
//   horizon:  simulation.start, simulation.years or end, simulation.grid and simulation.year_begins;
//   states:   the states that are not exits, by name and in order (exit states may differ);
//   money:    a costs section (or none), costs.currency, costs.price_year, the price index of
//             each reporting year over the price year's (costs.price_index or
//             costs.price_growth_per_year) and costs.discount_rate
//             (models/scenario/money_keys.hpp).
// A difference is an InputError at the alternative's key (or, if it does not write that key, at
// the nearest enclosing key it writes), naming the key path, both values, and where the base
// writes its value.
#include "models/scenario/scenario.hpp"

namespace carecast::models {

/// Throws InputError at the first of the above in which `alternative` differs from `base`.
void check_comparable(const Scenario& base, const Scenario& alternative);

}  // namespace carecast::models
