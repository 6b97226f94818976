#include "engine/interacting_replicate.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::engine {

namespace {

enum class EventKind : int { activation = 0, retirement = 1, recruitment = 2, arrival = 3, move = 4 };

struct Event {
  double time;
  EventKind kind;
  std::uint64_t id;
  std::uint32_t version;
  bool operator>(const Event& other) const {
    if (time != other.time) return time > other.time;
    if (kind != other.kind) return kind > other.kind;
    return id > other.id;
  }
};

struct ChildSlot {
  Individual child;
  std::optional<PlannedMove> plan;
  std::optional<std::uint64_t> unit;
  bool waiting = false;
};

}  // namespace

/// The state of one run: children alive, the event queue, the pool and its census.
class InteractingReplicate::Run {
 public:
  Run(const InteractingReplicate& owner, StreamKey key, LifeObserver& observer)
      : owner_(owner), kernel_(owner.kernel_), spec_(owner.pool_), key_(key), observer_(observer),
        pool_(owner.pool_, key), next_day_(kernel_.span().first_arrival_day) {}

  void execute() {
    admit_initial_stock();
    queue_.push({std::max(spec_.activation, static_cast<double>(next_day_)), EventKind::activation, 0, 0});
    while (advance()) {
    }
    for (auto& [id, slot] : children_) observer_.on_stay(slot.child, infinity);
    observer_.on_pool_change(infinity, census_);
  }

 private:
  bool active() const { return active_; }

  void admit_initial_stock() {
    const auto& initial = kernel_.initial();
    children_.reserve(2 * initial.size() + 1024);  // the stock at a time, with room to grow
    for (std::size_t row = 0; row < initial.size(); ++row) {
      Individual child = materialize_initial_child(initial[row], row, key_);
      auto [slot, inserted] = children_.emplace(child.id, ChildSlot{child, {}, {}, false});
      schedule(slot->second, 0.0);
    }
  }

  /// Runs the next thing that happens; false when nothing is left before the horizon.
  bool advance() {
    double horizon = kernel_.span().horizon;
    double next_event = queue_.empty() ? infinity : queue_.top().time;
    if (static_cast<double>(next_day_) < std::ceil(horizon) && static_cast<double>(next_day_) <= next_event) {
      queue_arrivals_of_day();
      return true;
    }
    if (queue_.empty() || next_event >= horizon) return false;
    Event event = queue_.top();
    queue_.pop();
    dispatch(event);
    return true;
  }

  void queue_arrivals_of_day() {
    arrivals_.clear();
    outcomes_.clear();
    kernel_.arrivals().arrivals_on_day(next_day_, key_, arrivals_, outcomes_);
    for (const RuleOutcome& outcome : outcomes_)
      if (outcome.child.entered < kernel_.span().horizon) observer_.on_arrival_rule(outcome);
    for (const Individual& child : arrivals_) {
      if (child.entered >= kernel_.span().horizon) continue;
      children_.emplace(child.id, ChildSlot{child, {}, {}, false});
      queue_.push({child.entered, EventKind::arrival, child.id, 0});
    }
    next_day_ += 1;
  }

  void dispatch(const Event& event) {
    switch (event.kind) {
      case EventKind::activation: activate(event.time); break;
      case EventKind::retirement: retire(event); break;
      case EventKind::recruitment: recruit(event.time); break;
      case EventKind::arrival: arrive(children_.at(event.id)); break;
      case EventKind::move: move(event); break;
    }
  }

  void activate(double time) {
    active_ = true;
    for (long u = 0; u < spec_.units_at_start; ++u) idle(pool_.add_unit(), false, time);
    std::vector<std::uint64_t> holders;
    for (const auto& [id, slot] : children_)
      if (slot.child.state == spec_.guarded_state && slot.child.entered <= time) holders.push_back(id);
    std::sort(holders.begin(), holders.end());
    for (std::uint64_t id : holders) children_.at(id).unit = pool_.take_idle();
    queue_.push({pool_.next_recruitment(time), EventKind::recruitment, 0, 0});
    report(time);
  }

  void retire(const Event& event) {
    if (pool_.retire_if_idle(event.id, event.version)) report(event.time);
  }

  void recruit(double time) {
    offer(pool_.add_unit(), false, time, 0);
    queue_.push({pool_.next_recruitment(time), EventKind::recruitment, 0, 0});
    report(time);
  }

  void arrive(ChildSlot& slot) {
    Individual& child = slot.child;
    if (active() && child.state == spec_.guarded_state) {
      slot.unit = pool_.take_idle();
      if (!slot.unit) child.state = divert(slot);
    }
    observer_.on_arrival(child);
    double time = child.entered;
    settle(slot, time);
    report(time);
  }

  void move(const Event& event) {
    auto found = children_.find(event.id);
    if (found == children_.end() || found->second.child.events != event.version) return;
    ChildSlot& slot = found->second;
    PlannedMove plan = *slot.plan;
    int from = slot.child.state;
    std::optional<std::uint64_t> released = from == spec_.guarded_state ? slot.unit : std::nullopt;
    int to = plan.to;
    if (active() && to == spec_.guarded_state) {
      auto unit = pool_.take_idle();
      if (!unit && from == spec_.fallback_state) return stay_waiting(slot, plan.time);
      if (!unit) to = divert(slot);
      slot.unit = unit;
    } else if (from == spec_.guarded_state) {
      slot.unit.reset();
    }
    if (to != spec_.fallback_state) set_waiting(slot, false);
    apply_move(slot.child, to, plan.time, plan.exit, observer_);
    std::uint64_t id = slot.child.id;
    settle(slot, plan.time);
    if (released && active()) offer(*released, plan.exit != nullptr && plan.exit->strains_unit, plan.time, id);
    report(plan.time);
  }

  /// The child was to enter the guarded state, but no unit is idle: it goes to the fallback.
  int divert(ChildSlot& slot) {
    census_.diverted += 1;
    set_waiting(slot, spec_.return_from_fallback);
    return spec_.fallback_state;
  }

  /// A waiting child whose own move would take it to the guarded state stays where it is.
  void stay_waiting(ChildSlot& slot, double time) {
    slot.child.events += 1;
    set_waiting(slot, spec_.return_from_fallback);
    schedule(slot, time);
    report(time);
  }

  void set_waiting(ChildSlot& slot, bool waiting) {
    if (slot.waiting == waiting) return;
    slot.waiting = waiting;
    census_.waiting += waiting ? 1 : -1;
    if (waiting) waiting_.push_back(slot.child.id);
  }

  /// A unit has come free (or joined): the longest-waiting child takes it, or it idles.
  void offer(std::uint64_t unit, bool strained, double time, std::uint64_t except) {
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      auto found = children_.find(*it);
      bool eligible = found != children_.end() && found->second.waiting &&
                      found->second.child.state == spec_.fallback_state;
      if (!eligible) {
        it = waiting_.erase(it);
        continue;
      }
      if (*it == except) {
        ++it;
        continue;
      }
      waiting_.erase(it);
      return bring_back(found->second, unit, time);
    }
    idle(unit, strained, time);
  }

  void bring_back(ChildSlot& slot, std::uint64_t unit, double time) {
    set_waiting(slot, false);
    slot.unit = unit;
    census_.returned += 1;
    apply_move(slot.child, spec_.guarded_state, time, &owner_.return_exit_, observer_);
    settle(slot, time);
  }

  void idle(std::uint64_t unit, bool strained, double time) {
    double leaves = pool_.make_idle(unit, strained, time);
    if (leaves < infinity) queue_.push({leaves, EventKind::retirement, unit, pool_.version(unit)});
  }

  /// After a child's state changes: done if absorbed, otherwise its next move is planned.
  void settle(ChildSlot& slot, double time) {
    if (kernel_.model().absorbing[static_cast<std::size_t>(slot.child.state)]) {
      set_waiting(slot, false);
      observer_.on_stay(slot.child, infinity);
      children_.erase(slot.child.id);
      return;
    }
    schedule(slot, time);
  }

  void schedule(ChildSlot& slot, double from) {
    slot.plan = kernel_.plan_next(slot.child, from, key_);
    if (slot.plan) queue_.push({slot.plan->time, EventKind::move, slot.child.id, slot.child.events});
  }

  void report(double time) {
    if (!active()) return;
    census_.units = pool_.units();
    census_.idle = pool_.idle();
    observer_.on_pool_change(time, census_);
  }

  const InteractingReplicate& owner_;
  const ReplicateKernel& kernel_;
  const ResourcePoolSpec& spec_;
  StreamKey key_;
  LifeObserver& observer_;
  ResourcePool pool_;
  long next_day_;
  bool active_ = false;
  std::unordered_map<std::uint64_t, ChildSlot> children_;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> queue_;
  std::deque<std::uint64_t> waiting_;
  std::vector<Individual> arrivals_;
  std::vector<RuleOutcome> outcomes_;
  PoolCensus census_;
};

InteractingReplicate::InteractingReplicate(const ReplicateKernel& kernel, ResourcePoolSpec pool)
    : kernel_(kernel), pool_(pool) {
  return_exit_.to = pool_.guarded_state;
  return_exit_.tag = pool_return_tag;
}

void InteractingReplicate::run_block(std::size_t, StreamKey key, LifeObserver& observer) const {
  Run(*this, key, observer).execute();
}

}  // namespace carecast::engine
