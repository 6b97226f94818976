#include "models/placement_counter.hpp"

#include "models/history_counter.hpp"

namespace carecast::models {

namespace {

void count_placement(engine::Individual& child) {
  auto& placements = child.history[static_cast<std::size_t>(HistoryCounter::placements)];
  if (placements < UINT16_MAX) placements += 1;
}

}  // namespace

void PlacementCounter::on_arrival(engine::Individual& child) {
  if (is_placement_[static_cast<std::size_t>(child.state)]) count_placement(child);
}

void PlacementCounter::on_transition(engine::Individual& child, int, const engine::Exit*) {
  if (is_placement_[static_cast<std::size_t>(child.state)]) count_placement(child);
}

}  // namespace carecast::models
