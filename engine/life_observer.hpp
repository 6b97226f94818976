#pragma once
// What the replicate kernel reports as it follows a child. Observers turn these calls into
// aggregates (stocks, flows, costs, ...); the domain adds its own observers.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/arrival_rule.hpp"
#include "engine/individual.hpp"
#include "engine/state_hazards.hpp"

namespace carecast::engine {

/// The state of a resource pool (e.g. foster families): units in it, of which idle, children
/// waiting in the fallback, and the running totals of diversions to and returns from it.
struct PoolCensus {
  std::int64_t units = 0;
  std::int64_t idle = 0;
  std::int64_t waiting = 0;
  std::int64_t diverted = 0;
  std::int64_t returned = 0;
};

class LifeObserver {
 public:
  virtual ~LifeObserver() = default;
  /// A new child has arrived; `child.entered` is the arrival time and `child.state` its first
  /// state. Observers may set the child's history counters.
  virtual void on_arrival(Individual& child) = 0;
  /// An arrival rule reached `outcome.child` (as it arrived, before any rule acted) and perhaps
  /// diverted it. Called before on_arrival, and also for arrivals that then leave the system.
  virtual void on_arrival_rule(const RuleOutcome& outcome) { (void)outcome; }
  /// The child was in `child.state` from `child.entered` until `until` (+infinity: to the end).
  virtual void on_stay(const Individual& child, double until) = 0;
  /// The child has just moved from `from` to `child.state` at `child.entered`. `exit` is the
  /// transition taken, or null when the child aged out. Observers may update the child's
  /// history counters.
  virtual void on_transition(Individual& child, int from, const Exit* exit) = 0;
  /// From `time` on, the resource pool is as `census` says (interacting replicates only; the
  /// last call has time +infinity).
  virtual void on_pool_change(double time, const PoolCensus& census) { (void)time, (void)census; }
};

/// Forwards every call to each observer in turn, in a fixed order.
class ObserverChain final : public LifeObserver {
 public:
  void add(std::unique_ptr<LifeObserver> observer) { observers_.push_back(std::move(observer)); }
  void on_arrival(Individual& child) override {
    for (auto& o : observers_) o->on_arrival(child);
  }
  void on_arrival_rule(const RuleOutcome& outcome) override {
    for (auto& o : observers_) o->on_arrival_rule(outcome);
  }
  void on_stay(const Individual& child, double until) override {
    for (auto& o : observers_) o->on_stay(child, until);
  }
  void on_transition(Individual& child, int from, const Exit* exit) override {
    for (auto& o : observers_) o->on_transition(child, from, exit);
  }
  void on_pool_change(double time, const PoolCensus& census) override {
    for (auto& o : observers_) o->on_pool_change(time, census);
  }

 private:
  std::vector<std::unique_ptr<LifeObserver>> observers_;
};

}  // namespace carecast::engine
