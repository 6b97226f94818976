#include "models/leavers_recorder.hpp"

#include <algorithm>
#include "engine/reporting_grid.hpp"

namespace carecast::models {

std::size_t LeaversRecorder::register_array(engine::TallyLayout& layout, std::size_t years) {
  return layout.add_counts("left_within_year", {years}, {"year"});
}

LeaversRecorder::LeaversRecorder(const std::vector<double>& year_starts,
                                 const std::vector<bool>& absorbing, std::size_t handle,
                                 engine::Tally& tally)
    : year_starts_(year_starts), absorbing_(absorbing), handle_(handle), tally_(tally) {}

void LeaversRecorder::on_transition(engine::Individual& child, int from, const engine::Exit*) {
  if (!absorbing_[static_cast<std::size_t>(child.state)] || absorbing_[static_cast<std::size_t>(from)]) return;
  double left = child.entered;
  auto year = engine::simulated_year_of(year_starts_, left);
  if (year && child.arrived <= year_starts_[*year]) tally_.counts(handle_)[*year] += 1;
}

}  // namespace carecast::models
