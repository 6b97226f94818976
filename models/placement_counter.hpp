#pragma once
// Counts each child's placements: its first placement on entry and every later move into a
// placement (a move within the same kind of placement, such as foster family to foster
// family, is a new placement too). It writes the child's history counter, so it must come
// before any observer that reads it.
#include <utility>
#include <vector>

#include "engine/life_observer.hpp"

namespace carecast::models {

class PlacementCounter final : public engine::LifeObserver {
 public:
  /// `is_placement`: by state, nonzero for a placement.
  explicit PlacementCounter(std::vector<char> is_placement) : is_placement_(std::move(is_placement)) {}
  unsigned hooks() const override { return engine::hook_arrival | engine::hook_transition; }
  void on_arrival(engine::Individual& child) override;
  void on_stay(const engine::Individual&, double) override {}
  void on_transition(engine::Individual& child, int from, const engine::Exit* exit) override;

 private:
  std::vector<char> is_placement_;  // by state (bytes are cheaper to read than bits)
};

}  // namespace carecast::models
