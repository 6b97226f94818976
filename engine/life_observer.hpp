#pragma once
// What the replicate kernel reports as it follows a child. Observers turn these calls into
// aggregates (stocks, flows, costs, ...); the domain adds its own observers.
#include <cstddef>
#include <memory>
#include <vector>

#include "engine/individual.hpp"
#include "engine/state_hazards.hpp"

namespace carecast::engine {

class LifeObserver {
 public:
  virtual ~LifeObserver() = default;
  /// A new child has arrived; `child.entered` is the arrival time and `child.state` its first state.
  virtual void on_arrival(const Individual& child) = 0;
  /// The child was in `child.state` from `child.entered` until `until` (+infinity: to the end).
  virtual void on_stay(const Individual& child, double until) = 0;
  /// The child has just moved from `from` to `child.state` at `child.entered`. `exit` is the
  /// transition taken, or null when the child aged out. Observers may update the child's
  /// history counters.
  virtual void on_transition(Individual& child, int from, const Exit* exit) = 0;
};

/// Forwards every call to each observer in turn, in a fixed order.
class ObserverChain final : public LifeObserver {
 public:
  void add(std::unique_ptr<LifeObserver> observer) { observers_.push_back(std::move(observer)); }
  void on_arrival(const Individual& child) override {
    for (auto& o : observers_) o->on_arrival(child);
  }
  void on_stay(const Individual& child, double until) override {
    for (auto& o : observers_) o->on_stay(child, until);
  }
  void on_transition(Individual& child, int from, const Exit* exit) override {
    for (auto& o : observers_) o->on_transition(child, from, exit);
  }

 private:
  std::vector<std::unique_ptr<LifeObserver>> observers_;
};

}  // namespace carecast::engine
