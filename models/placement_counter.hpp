#pragma once
// Counts each child's placements: its first placement on entry and every later move into a
// placement (a move within the same kind of placement, such as foster family to foster
// family, is a new placement too). It writes the child's history counter, so it must come
// before any observer that reads it.
#include <vector>

#include "engine/life_observer.hpp"

namespace carecast::models {

class PlacementCounter final : public engine::LifeObserver {
 public:
  explicit PlacementCounter(const std::vector<bool>& is_placement) : is_placement_(is_placement) {}
  void on_arrival(engine::Individual& child) override;
  void on_stay(const engine::Individual&, double) override {}
  void on_transition(engine::Individual& child, int from, const engine::Exit* exit) override;

 private:
  const std::vector<bool>& is_placement_;  // per state
};

}  // namespace carecast::models
