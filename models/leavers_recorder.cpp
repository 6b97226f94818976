#include "models/leavers_recorder.hpp"

namespace carecast::models {

std::size_t LeaversRecorder::register_array(engine::TallyLayout& layout, std::size_t years) {
  return layout.add_counts("left_within_year", {years}, {"year"});
}

LeaversRecorder::LeaversRecorder(const engine::ReportingGrid& grid,
                                 const std::vector<bool>& absorbing, std::size_t handle,
                                 engine::Tally& tally)
    : grid_(grid), absorbing_(absorbing.begin(), absorbing.end()),
      left_(tally.counts(handle).data()) {}

void LeaversRecorder::on_transition(engine::Individual& child, int from, const engine::Exit*) {
  if (!absorbing_[static_cast<std::size_t>(child.state)] || absorbing_[static_cast<std::size_t>(from)]) return;
  std::size_t year = grid_.year_of(child.entered);
  if (year < grid_.years() && child.arrived <= grid_.year_starts()[year]) left_[year] += 1;
}

}  // namespace carecast::models
