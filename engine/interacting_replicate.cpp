#include "engine/interacting_replicate.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <stdexcept>
#include <vector>

#include "engine/calendar_queue.hpp"
#include "engine/prefetch.hpp"

namespace carecast::engine {

namespace {

// Events at the same time run in this order of kinds, then by id.
enum class EventKind : int { activation = 0, retirement = 1, recruitment = 2, arrival = 3, move = 4 };

/// A child's id as it orders the queue, in 61 bits and in the same order as the ids: arrival ids
/// are below 2^60; initial-stock ids (bit 62 and a row) move down to bit 60, still above them.
std::uint64_t queue_id(std::uint64_t child_id) {
  constexpr std::uint64_t arrival_limit = std::uint64_t{1} << 60;
  constexpr std::uint64_t initial_bit = std::uint64_t{1} << 62;
  if (child_id < arrival_limit) return child_id;
  std::uint64_t row = child_id & ~initial_bit;
  if ((child_id & initial_bit) != 0 && row < arrival_limit) return arrival_limit | row;
  throw std::logic_error("interacting replicate: a child id outside the layouts of child_id.hpp");
}

QueuedEvent event_of(double time, EventKind kind, std::uint64_t id, std::uint32_t target = 0,
                     std::uint32_t version = 0) {
  return QueuedEvent{time, QueuedEvent::order_of(static_cast<int>(kind), id), target, version};
}

constexpr std::uint32_t no_unit = UINT32_MAX;

/// One child, in one cache line (with the engine's Individual of 48 bytes). Its queued move's
/// time is the event's, and its destination the exit's (or the age-out state).
struct alignas(64) ChildSlot {
  Individual child;
  const Exit* plan_exit = nullptr;  // the queued move's exit (null: ageing out)
  std::uint32_t unit = no_unit;     // the pool unit the child holds
  bool alive = false;
  bool waiting = false;             // in the fallback, waiting for a unit
};

/// A child waiting for a unit, as queued: its slot, and its id to tell whether the slot still
/// holds it.
struct Waiter {
  std::uint32_t slot;
  std::uint64_t id;
};

bool same_census(const PoolCensus& a, const PoolCensus& b) {
  return a.units == b.units && a.idle == b.idle && a.waiting == b.waiting && a.diverted == b.diverted &&
         a.returned == b.returned;
}

}  // namespace

/// The state of one run: children alive, the event queue, the pool and its census.
class InteractingReplicate::Run {
 public:
  Run(const InteractingReplicate& owner, StreamKey key, LifeObserver& observer)
      : owner_(owner), kernel_(owner.kernel_), spec_(owner.pool_), key_(key), observer_(observer),
        pool_(owner.pool_, key, static_cast<double>(std::min(kernel_.span().first_arrival_day, 0L)),
              kernel_.span().horizon),
        first_arrival_day_(kernel_.span().first_arrival_day),
        feedback_(owner.feedback_ ? &*owner.feedback_ : nullptr),
        activation_time_(std::max(spec_.activation, static_cast<double>(first_arrival_day_))),
        run_ahead_(owner.has_pool_ && feedback_ == nullptr),
        queue_(std::min(first_arrival_day_, 0L), kernel_.span().horizon) {
    if (feedback_ != nullptr) in_state_.assign(kernel_.model().states(), 0);
  }

  void execute() {
    admit_initial_stock();
    if (owner_.has_pool_)
      queue_.push(event_of(activation_time_, EventKind::activation, 0));
    for (long day = queue_.first_day(); day <= queue_.last_day(); ++day) {
      // A day's arrivals are drawn once everything before the day has happened.
      if (day >= first_arrival_day_) queue_arrivals_of_day(day);
      queue_.open_day(day);
      QueuedEvent event;
      while (queue_.pop(event)) {
        retire_before(event);
        prefetch_ahead();
        dispatch(event);
      }
      retire_before(event_of(static_cast<double>(day + 1), EventKind::activation, 0));
    }
    report_stays_at_horizon();
    if (owner_.has_pool_) observer_.on_pool_change(infinity, census_);
  }

 private:
  bool active() const { return active_; }

  // --- children -------------------------------------------------------------------------------

  std::uint32_t admit(const Individual& child) {
    std::uint32_t s;
    if (!free_.empty()) {
      s = free_.back();
      free_.pop_back();
    } else {
      if (slots_.size() >= no_unit) throw std::length_error("interacting replicate: too many children at once");
      s = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    ChildSlot& slot = slots_[s];
    slot.child = child;
    slot.unit = no_unit;
    slot.waiting = false;
    slot.alive = true;
    return s;
  }

  void release(std::uint32_t s) {
    ChildSlot& slot = slots_[s];
    slot.alive = false;
    free_.push_back(s);
  }

  void admit_initial_stock() {
    const auto& initial = kernel_.initial();
    slots_.reserve(initial.size() + 1024);
    for (std::size_t row = 0; row < initial.size(); ++row) {
      std::uint32_t s = admit(materialize_initial_child(initial[row], row, key_));
      count_entering(slots_[s].child.state);
      schedule(s, 0.0);
    }
  }

  // --- the shared load --------------------------------------------------------------------------

  void count_entering(int state) {
    if (feedback_ != nullptr) in_state_[static_cast<std::size_t>(state)] += 1;
  }

  void count_leaving(int state) {
    if (feedback_ != nullptr) in_state_[static_cast<std::size_t>(state)] -= 1;
  }

  double load() const {
    double total = 0.0;
    for (std::size_t s = 0; s < in_state_.size(); ++s) total += feedback_->weight[s] * static_cast<double>(in_state_[s]);
    return total;
  }

  /// Whether the child's queued move happens under the load now (thinning; load_feedback.hpp).
  bool load_allows(const ChildSlot& slot, double time) const {
    if (feedback_ == nullptr || slot.plan_exit == nullptr) return true;
    double p = feedback_->acceptance(slot.plan_exit->load_response, load(), time);
    if (p >= 1.0) return true;
    RandomStream stream = make_stream(key_, slot.child.id, Purpose::load_feedback, slot.child.events);
    return draw_uniform(stream) < p;
  }

  /// A move the load held back: the child stays, and its next move is planned afresh from now.
  void hold_back(std::uint32_t s, double time) {
    slots_[s].child.events += 1;
    schedule(s, time);
  }

  /// Moves the child (apply_move), keeping the count of children by state.
  void relocate(std::uint32_t s, int to, double time, const Exit* exit) {
    Individual& child = slots_[s].child;
    count_leaving(child.state);
    apply_move(child, to, time, exit, observer_);
    count_entering(to);
  }

  /// Every child still in care at the horizon closes its last stay, in the order of the ids, so
  /// that real-valued tallies add up in an order that depends on nothing but the children.
  void report_stays_at_horizon() {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> by_id;  // (queue id, slot)
    for (std::uint32_t s = 0; s < slots_.size(); ++s)
      if (slots_[s].alive) by_id.emplace_back(queue_id(slots_[s].child.id), s);
    std::sort(by_id.begin(), by_id.end());
    // In the order of the ids the slots are scattered: load each a few children ahead.
    constexpr std::size_t ahead = 8;
    for (std::size_t i = 0; i < by_id.size(); ++i) {
      if (i + ahead < by_id.size()) prefetch(&slots_[by_id[i + ahead].second]);
      observer_.on_stay(slots_[by_id[i].second].child, infinity);
    }
  }

  // --- the queue --------------------------------------------------------------------------------

  void queue_arrivals_of_day(long day) {
    arrivals_.clear();
    outcomes_.clear();
    kernel_.arrivals().arrivals_on_day(day, key_, arrivals_, outcomes_);
    double horizon = kernel_.span().horizon;
    for (const RuleOutcome& outcome : outcomes_)
      if (outcome.child.entered < horizon) observer_.on_arrival_rule(outcome);
    for (const Individual& child : arrivals_) {
      if (child.entered >= horizon) continue;
      std::uint32_t s = admit(child);
      if (arrival_may_run_ahead(child))
        arrive(s);
      else
        queue_.push(event_of(child.entered, EventKind::arrival, queue_id(child.id), s));
    }
  }

  // --- running ahead of the queue ---------------------------------------------------------------
  //
  // Without a feedback, the pool is the only way children interact, so a child's event that
  // neither touches the pool nor can be touched by it may happen as soon as it is known, ahead
  // of the queue: it changes nothing any other event reads, and reads nothing they change. Such
  // an event is handled exactly as it would be from the queue (the same stream, the same event
  // number, the same moves), so every path, and the pool's own sequence of events, are unchanged;
  // only the order in which observers hear of different children's events differs. The pool
  // touches a child only while it waits in the fallback (a freed unit may bring it back) and at
  // activation (children then in the guarded state take units); a move touches the pool only if
  // the child gives back a unit, asks for one, or stops waiting. With a feedback every event
  // changes the load that every other child's moves read: nothing runs ahead.

  /// Whether the child's planned move may happen now rather than at its place in the queue.
  bool may_run_ahead(const ChildSlot& slot, const PlannedMove& plan) const {
    if (!run_ahead_) return false;
    if (!active()) return plan.time < activation_time_;  // the pool binds nothing before then
    return !slot.waiting && slot.unit == no_unit && plan.to != spec_.guarded_state;
  }

  /// Whether an arrival may be handled when its day's arrivals are drawn.
  bool arrival_may_run_ahead(const Individual& child) const {
    if (!run_ahead_) return false;
    if (!active()) return child.entered < activation_time_;
    return child.state != spec_.guarded_state;
  }

  /// Starts loading what the event a few places ahead will touch, so that it is in cache when
  /// its turn comes: a child's slot, or a unit of the pool.
  void prefetch_ahead() const {
    const QueuedEvent* ahead = queue_.peek_ahead(6);
    if (ahead == nullptr) return;
    if (touches_child(*ahead)) prefetch(&slots_[ahead->target]);
  }

  /// Idle units leave when their time comes, in the queue's order of events: each one due
  /// before `next` (an event, or the start of a day) leaves now. They wait in the pool rather
  /// than on the queue, so that an idle spell that ends in use costs no event.
  void retire_before(const QueuedEvent& next) {
    if (!owner_.has_pool_) return;
    while (auto departure = pool_.departure_by(next.time)) {
      QueuedEvent retirement = event_of(departure->time, EventKind::retirement, departure->unit);
      if (!(retirement < next)) return;
      pool_.retire_next();
      report(departure->time);
    }
  }

  bool touches_child(const QueuedEvent& event) const {
    auto kind = static_cast<EventKind>(event.kind());
    return (kind == EventKind::move || kind == EventKind::arrival) && event.target < slots_.size();
  }

  void dispatch(const QueuedEvent& event) {
    switch (static_cast<EventKind>(event.kind())) {
      case EventKind::activation: activate(event.time); break;
      case EventKind::retirement: break;  // never queued: see retire_before
      case EventKind::recruitment: recruit(event.time); break;
      case EventKind::arrival: arrive(event.target); break;
      case EventKind::move: move(event); break;
    }
  }

  /// Plans the child's next move from `from`: moves that may run ahead happen now, one after
  /// another, and the first that may not is queued (the event carries its event number).
  void schedule(std::uint32_t s, double from) {
    ChildSlot& slot = slots_[s];
    const double horizon = kernel_.span().horizon;
    while (auto plan = kernel_.plan_next(slot.child, from, key_)) {
      if (!(plan->time < horizon)) return;  // never happens (the queue would drop it)
      if (!may_run_ahead(slot, *plan)) {
        slot.plan_exit = plan->exit;
        queue_.push(event_of(plan->time, EventKind::move, queue_id(slot.child.id), s, slot.child.events));
        return;
      }
      relocate(s, plan->to, plan->time, plan->exit);
      if (kernel_.absorbing(slot.child.state)) return finish(s);
      from = plan->time;
    }
  }

  // --- what happens -----------------------------------------------------------------------------

  /// The pool starts to bind: its first units join, and the children then in the guarded state
  /// take them, in the order of their ids (the units in the order they joined, which is the
  /// order they would be taken idle); the units left over idle.
  void activate(double time) {
    active_ = true;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> holders;  // (id, slot), in id order
    for (std::uint32_t s = 0; s < slots_.size(); ++s) {
      const ChildSlot& slot = slots_[s];
      if (slot.alive && slot.child.state == spec_.guarded_state && slot.child.entered <= time)
        holders.emplace_back(slot.child.id, s);
    }
    std::sort(holders.begin(), holders.end());
    for (long u = 0; u < spec_.units_at_start; ++u) {
      auto holder = static_cast<std::size_t>(u);
      if (holder < holders.size())
        slots_[holders[holder].second].unit = unit_id(pool_.add_unit_in_use());
      else
        idle(unit_id(pool_.add_unit()), false, time);
    }
    queue_.push(event_of(pool_.next_recruitment(time), EventKind::recruitment, 0));
    report(time);
  }

  void recruit(double time) {
    offer(unit_id(pool_.add_unit()), false, time, 0);
    queue_.push(event_of(pool_.next_recruitment(time), EventKind::recruitment, 0));
    report(time);
  }

  void arrive(std::uint32_t s) {
    ChildSlot& slot = slots_[s];
    Individual& child = slot.child;
    if (active() && child.state == spec_.guarded_state) {
      slot.unit = unit_or_none(pool_.take_idle());
      if (slot.unit == no_unit) child.state = divert(s);
    }
    count_entering(child.state);
    observer_.on_arrival(child);
    double time = child.entered;
    bool absorbed = finish_if_absorbed(s);
    report(time);
    if (!absorbed) schedule(s, time);
  }

  void move(const QueuedEvent& event) {
    std::uint32_t s = event.target;
    ChildSlot& slot = slots_[s];
    // Stale: the child has left, or moved since this event was queued.
    if (!slot.alive || queue_id(slot.child.id) != event.id() || slot.child.events != event.version) return;
    if (!load_allows(slot, event.time)) return hold_back(s, event.time);
    const PlannedMove plan{event.time, destination_of(slot.plan_exit), slot.plan_exit};
    int from = slot.child.state;
    std::uint32_t released = from == spec_.guarded_state ? slot.unit : no_unit;
    if (released != no_unit) pool_.prefetch(released);  // it idles at the end of the move
    int to = plan.to;
    if (active() && to == spec_.guarded_state) {
      std::uint32_t unit = unit_or_none(pool_.take_idle());
      if (unit == no_unit && from == spec_.fallback_state) return stay_waiting(s, plan.time);
      if (unit == no_unit) to = divert(s);
      slot.unit = unit;
    } else if (from == spec_.guarded_state) {
      slot.unit = no_unit;
    }
    if (to != spec_.fallback_state) set_waiting(s, false);
    relocate(s, to, plan.time, plan.exit);
    std::uint64_t id = slot.child.id;
    bool absorbed = finish_if_absorbed(s);
    if (released != no_unit && active())
      offer(released, plan.exit != nullptr && plan.exit->strains_unit, plan.time, id);
    report(plan.time);
    if (!absorbed) schedule(s, plan.time);
  }

  /// The child was to enter the guarded state, but no unit is idle: it goes to the fallback.
  int divert(std::uint32_t s) {
    census_.diverted += 1;
    set_waiting(s, spec_.return_from_fallback);
    return spec_.fallback_state;
  }

  /// A waiting child whose own move would take it to the guarded state stays where it is.
  void stay_waiting(std::uint32_t s, double time) {
    slots_[s].child.events += 1;
    set_waiting(s, spec_.return_from_fallback);
    report(time);
    schedule(s, time);
  }

  void set_waiting(std::uint32_t s, bool waiting) {
    ChildSlot& slot = slots_[s];
    if (slot.waiting == waiting) return;
    slot.waiting = waiting;
    census_.waiting += waiting ? 1 : -1;
    if (waiting) waiting_.push_back(Waiter{s, slot.child.id});
  }

  /// A unit has come free (or joined): the longest-waiting child takes it, or it idles.
  void offer(std::uint32_t unit, bool strained, double time, std::uint64_t except) {
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      const ChildSlot& slot = slots_[it->slot];
      bool eligible = slot.alive && slot.child.id == it->id && slot.waiting &&
                      slot.child.state == spec_.fallback_state;
      if (!eligible) {
        it = waiting_.erase(it);
        continue;
      }
      if (it->id == except) {
        ++it;
        continue;
      }
      std::uint32_t s = it->slot;
      waiting_.erase(it);
      return bring_back(s, unit, time);
    }
    idle(unit, strained, time);
  }

  void bring_back(std::uint32_t s, std::uint32_t unit, double time) {
    set_waiting(s, false);
    ChildSlot& slot = slots_[s];
    slot.unit = unit;
    census_.returned += 1;
    relocate(s, spec_.guarded_state, time, &owner_.return_exit_);
    settle(s, time);
  }

  /// The unit idles; the pool keeps when it will leave (retire_before).
  void idle(std::uint32_t unit, bool strained, double time) { pool_.make_idle(unit, strained, time); }

  /// After a child's state changes: done if absorbed, otherwise its next move is planned.
  void settle(std::uint32_t s, double time) {
    if (!finish_if_absorbed(s)) schedule(s, time);
  }

  /// Whether the child has been absorbed, and if so finishes it. An event's handler finishes
  /// the child, updates the pool and reports the census before it plans the child's next move,
  /// so that observers hear of the pool as it is at the event's time before they hear of any
  /// later event that runs ahead of the queue.
  bool finish_if_absorbed(std::uint32_t s) {
    if (!kernel_.absorbing(slots_[s].child.state)) return false;
    finish(s);
    return true;
  }

  /// The child has been absorbed: its last stay lasts for ever, and its slot is free.
  void finish(std::uint32_t s) {
    set_waiting(s, false);
    observer_.on_stay(slots_[s].child, infinity);
    release(s);
  }

  /// Tells the observers the census when it has changed since they were last told.
  void report(double time) {
    if (!active()) return;
    census_.units = pool_.units();
    census_.idle = pool_.idle();
    if (reported_ && same_census(census_, last_reported_)) return;
    observer_.on_pool_change(time, census_);
    last_reported_ = census_;
    reported_ = true;
  }

  int destination_of(const Exit* exit) const { return exit != nullptr ? exit->to : kernel_.model().age_out_state; }

  static std::uint32_t unit_id(std::uint64_t unit) {
    if (unit >= no_unit) throw std::length_error("interacting replicate: too many pool units");
    return static_cast<std::uint32_t>(unit);
  }
  static std::uint32_t unit_or_none(std::optional<std::uint64_t> unit) { return unit ? unit_id(*unit) : no_unit; }

  const InteractingReplicate& owner_;
  const ReplicateKernel& kernel_;
  const ResourcePoolSpec& spec_;
  StreamKey key_;
  LifeObserver& observer_;
  ResourcePool pool_;
  long first_arrival_day_;
  const LoadFeedbackSpec* feedback_;     // null: no feedback
  double activation_time_;               // when the pool starts to bind (with a pool)
  bool run_ahead_;                       // whether events may run ahead of the queue
  std::vector<std::int64_t> in_state_;  // children by state (kept only with feedback)
  bool active_ = false;
  std::vector<ChildSlot> slots_;
  std::vector<std::uint32_t> free_;  // slots to reuse
  CalendarQueue queue_;
  std::deque<Waiter> waiting_;
  std::vector<Individual> arrivals_;
  std::vector<RuleOutcome> outcomes_;
  PoolCensus census_;
  PoolCensus last_reported_;
  bool reported_ = false;
};

InteractingReplicate::InteractingReplicate(const ReplicateKernel& kernel, ResourcePoolSpec pool)
    : InteractingReplicate(kernel, std::optional<ResourcePoolSpec>(pool), std::nullopt) {}

InteractingReplicate::InteractingReplicate(const ReplicateKernel& kernel, std::optional<ResourcePoolSpec> pool,
                                           std::optional<LoadFeedbackSpec> feedback)
    : kernel_(kernel), pool_(pool.value_or(ResourcePoolSpec{})), has_pool_(pool.has_value()),
      feedback_(std::move(feedback)) {
  if (!pool && !feedback_) throw std::invalid_argument("interacting replicate: neither a pool nor a feedback");
  if (feedback_ && feedback_->weight.size() != kernel.model().states())
    throw std::invalid_argument("interacting replicate: the feedback needs one load weight per state");
  return_exit_.to = pool_.guarded_state;
  return_exit_.tag = pool_return_tag;
}

void InteractingReplicate::run_block(std::size_t, StreamKey key, LifeObserver& observer) const {
  Run(*this, key, observer).execute();
}

}  // namespace carecast::engine
