#pragma once
// What the episode records say the stock was: the children in each state on each of a list of
// dates (a child is in a state on date d if its episode started on or before d and had not
// ended by d: the same convention as the simulated stock at a grid point).
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "models/calibration/episode.hpp"

namespace carecast::models::calibration {

/// Counts [date][state], states in the order given; episodes in other states are not counted.
/// Dates after `data.observed_until` are refused (std::invalid_argument): nothing is known then.
std::vector<std::vector<long>> observed_stock(const EpisodeData& data, const std::vector<std::string>& states,
                                              const std::vector<engine::Date>& dates);

}  // namespace carecast::models::calibration
