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

/// Which of the calls on_arrival, on_stay and on_transition an observer uses (a set of bits).
enum ObserverHook : unsigned {
  hook_arrival = 1u << 0,
  hook_stay = 1u << 1,
  hook_transition = 1u << 2,
  all_hooks = hook_arrival | hook_stay | hook_transition,
};

class LifeObserver {
 public:
  virtual ~LifeObserver() = default;
  /// The calls among on_arrival, on_stay and on_transition that this observer uses, asked once
  /// when it joins a chain: the chain does not call it for the others (a call to an empty body
  /// is still an indirect call, for every event). The default is all of them.
  virtual unsigned hooks() const { return all_hooks; }
  /// A new child has arrived; `child.entered` is the arrival time and `child.state` its first
  /// state. Observers may set the child's history counters.
  virtual void on_arrival(Individual& child) = 0;
  /// An arrival rule reached `outcome.child` (as it arrived, before any rule acted) and perhaps
  /// diverted it. Called before on_arrival, and also for arrivals that then leave the system.
  /// (The default does nothing; an override must not call it, see ignores_pool_changes.)
  virtual void on_arrival_rule(const RuleOutcome& outcome) {
    (void)outcome;
    ignores_arrival_rules_ = true;
  }
  /// The child was in `child.state` from `child.entered` until `until` (+infinity: to the end).
  virtual void on_stay(const Individual& child, double until) = 0;
  /// The child has just moved from `from` to `child.state` at `child.entered`. `exit` is the
  /// transition taken, or null when the child aged out. Observers may update the child's
  /// history counters.
  virtual void on_transition(Individual& child, int from, const Exit* exit) = 0;
  /// From `time` on, the resource pool is as `census` says (interacting replicates only; called
  /// when the census changes, and a last time at +infinity). The default does nothing; an
  /// override must not call it (see ignores_pool_changes).
  virtual void on_pool_change(double time, const PoolCensus& census) {
    (void)time, (void)census;
    ignores_pool_changes_ = true;
  }
  /// Adds to the tally whatever the observer keeps aside while it runs (e.g. counts it turns
  /// into sums once, instead of at every event), and forgets it. The runner calls it before a
  /// tally is merged into another or handed over; an observer that writes straight into its
  /// tally keeps the default, which does nothing.
  virtual void flush() {}

  // Which of the optional calls above this observer has shown it ignores: its class kept the
  // default, and the default has run once. The chain then stops making those virtual calls,
  // which at England scale are hundreds of thousands per replicate for each observer.
  bool ignores_arrival_rules() const { return ignores_arrival_rules_; }
  bool ignores_pool_changes() const { return ignores_pool_changes_; }

 private:
  bool ignores_arrival_rules_ = false;
  bool ignores_pool_changes_ = false;
};

/// Forwards every call to each observer in turn, in a fixed order, skipping the observers that
/// do not use that call (hooks(), and the optional calls they ignore).
class ObserverChain final : public LifeObserver {
 public:
  void add(std::unique_ptr<LifeObserver> observer) {
    LifeObserver* o = observer.get();
    unsigned hooks = o->hooks();
    if (hooks & hook_arrival) arrival_listeners_.push_back(o);
    if (hooks & hook_stay) stay_listeners_.push_back(o);
    if (hooks & hook_transition) transition_listeners_.push_back(o);
    pool_listeners_.push_back(o);
    observers_.push_back(std::move(observer));
  }
  void on_arrival(Individual& child) override {
    for (LifeObserver* o : arrival_listeners_) o->on_arrival(child);
  }
  void on_arrival_rule(const RuleOutcome& outcome) override {
    for (auto& o : observers_)
      if (!o->ignores_arrival_rules()) o->on_arrival_rule(outcome);
  }
  void on_stay(const Individual& child, double until) override {
    for (LifeObserver* o : stay_listeners_) o->on_stay(child, until);
  }
  void on_transition(Individual& child, int from, const Exit* exit) override {
    for (LifeObserver* o : transition_listeners_) o->on_transition(child, from, exit);
  }
  void flush() override {
    for (auto& o : observers_) o->flush();
  }
  void on_pool_change(double time, const PoolCensus& census) override {
    bool some_ignore = false;
    for (LifeObserver* o : pool_listeners_) {
      o->on_pool_change(time, census);
      some_ignore = some_ignore || o->ignores_pool_changes();
    }
    if (some_ignore)  // they are not called again
      std::erase_if(pool_listeners_, [](const LifeObserver* o) { return o->ignores_pool_changes(); });
  }

 private:
  std::vector<std::unique_ptr<LifeObserver>> observers_;
  // The observers by call, in the order they were added.
  std::vector<LifeObserver*> arrival_listeners_, stay_listeners_, transition_listeners_;
  std::vector<LifeObserver*> pool_listeners_;  // less those that ignore pool changes
};

}  // namespace carecast::engine
