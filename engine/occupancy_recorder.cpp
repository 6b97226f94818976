#include "engine/occupancy_recorder.hpp"

namespace carecast::engine {

OccupancyRecorder::Handles OccupancyRecorder::register_arrays(TallyLayout& layout,
                                                              std::size_t points,
                                                              std::size_t states) {
  Handles handles;
  handles.stock = layout.add_counts("stock", {points, states}, {"time", "state"});
  handles.entries = layout.add_counts("entries", {points - 1, states}, {"interval", "state"});
  handles.transitions = layout.add_counts("transitions", {points - 1, states, states},
                                          {"interval", "from_state", "to_state"});
  return handles;
}

void OccupancyRecorder::finalize(Tally& tally, Handles handles, std::size_t states) {
  auto stock = tally.counts(handles.stock);
  for (std::size_t i = states; i < stock.size(); ++i) stock[i] += stock[i - states];
}

OccupancyRecorder::OccupancyRecorder(const ReportingGrid& grid, const std::vector<bool>& absorbing,
                                     Handles handles, Tally& tally)
    : grid_(grid), absorbing_(absorbing.begin(), absorbing.end()), grid_start_(grid.offset(0)),
      states_(absorbing.size()), handles_(handles),
      tally_(tally), stock_(tally.counts(handles.stock).data()),
      entries_(tally.counts(handles.entries).data()),
      transitions_(tally.counts(handles.transitions).data()) {}

void OccupancyRecorder::on_arrival(Individual& child) {
  std::size_t interval = grid_.interval_of(child.entered);
  if (interval == grid_.intervals()) return;
  entries_[interval * states_ + static_cast<std::size_t>(child.state)] += 1;
}

void OccupancyRecorder::on_stay(const Individual& child, double until) {
  auto state = static_cast<std::size_t>(child.state);
  if (absorbing_[state] && child.entered < grid_start_) return;
  std::size_t first = grid_.first_point_at_or_after(child.entered);
  std::size_t last = grid_.first_point_at_or_after(until);
  if (first >= last) return;
  stock_[first * states_ + state] += 1;
  if (last < grid_.points()) stock_[last * states_ + state] -= 1;
}

void OccupancyRecorder::on_transition(Individual& child, int from, const Exit*) {
  std::size_t interval = grid_.interval_of(child.entered);
  if (interval == grid_.intervals()) return;
  std::size_t index = (interval * states_ + static_cast<std::size_t>(from)) * states_ +
                      static_cast<std::size_t>(child.state);
  transitions_[index] += 1;
}

}  // namespace carecast::engine
