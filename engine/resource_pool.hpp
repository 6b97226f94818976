#pragma once
// A finite pool of units (e.g. foster families) that one state needs: a child entering that
// state takes an idle unit, and gives it back when it leaves. Units join by recruitment (a
// Poisson process) and leave by attrition while idle; a unit whose last child left by a
// straining exit leaves at a higher rate. This class holds the units of one replicate and when
// each idle one would leave; the interacting replicate decides when to take, give back and
// recruit them, and retires the one due to leave first when its time comes.
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "engine/axis.hpp"
#include "engine/idle_departures.hpp"
#include "engine/prefetch.hpp"
#include "engine/random_stream.hpp"

namespace carecast::engine {

struct ResourcePoolSpec {
  int guarded_state = -1;    // the state that needs a unit
  int fallback_state = -1;   // where a child goes when no unit is idle
  long units_at_start = 0;   // on the activation day
  double activation = 0.0;   // day offset from which the pool binds; before it, no limit
  double recruitment_per_day = 0.0;
  double attrition_per_day = 0.0;           // of an idle unit
  double strained_attrition_per_day = 0.0;  // of an idle unit whose last child left by a straining exit
  bool return_from_fallback = true;         // a freed unit goes to the longest-waiting child
};

class ResourcePool {
 public:
  /// The pool of one replicate whose days run from `start` to `horizon` (finite).
  ResourcePool(const ResourcePoolSpec& spec, StreamKey key, double start, double horizon);

  /// Adds a unit, not yet idle, and returns its id (ids count up from 0).
  std::uint64_t add_unit();
  /// Adds a unit that is in use from the moment it joins, and returns its id: the same as
  /// add_unit, make_idle and take_idle at one time with no other unit idle, but without drawing
  /// the departure of an idle spell that ends as it begins. The spell still counts, so the
  /// unit's later draws are those it would have had.
  std::uint64_t add_unit_in_use();
  /// The longest-idle unit, now taken; nothing if none is idle.
  std::optional<std::uint64_t> take_idle();
  /// Makes a unit idle at `time` and returns when it will leave if still idle then.
  double make_idle(std::uint64_t unit, bool strained, double time);
  /// The idle unit due to leave first, and when, if that is at or before `time` (and before
  /// the horizon). Times asked must not decrease.
  std::optional<IdleDepartures::Departure> departure_by(double time) {
    if (time >= departures_.reached_end()) reach(time);
    if (departures_.empty() || departures_.first().time > time) return std::nullopt;
    return departures_.first();
  }
  /// Removes the unit departure_by() named: it has left.
  void retire_next();
  /// Starts loading what giving the unit back will touch.
  void prefetch(std::uint64_t unit) const {
    if (unit < units_.size()) engine::prefetch(&units_[unit]);
  }

  /// When the recruit after `recruited` so far joins, given the previous recruitment time.
  double next_recruitment(double after) const;
  std::int64_t units() const { return alive_; }
  std::int64_t idle() const { return idle_count_; }

 private:
  struct Unit {
    bool alive = true;
    bool idle = false;
    bool departure_reached = false;  // its idle spell's departure is in departures_' heap
    std::uint32_t version = 0;  // counts idle spells; also the unit's own event number
  };

  void reach(double time);

  const ResourcePoolSpec& spec_;
  StreamKey key_;
  std::vector<Unit> units_;
  std::deque<std::uint64_t> idle_queue_;  // may hold retired units, skipped when taken
  IdleDepartures departures_;             // of the idle units that may leave
  std::int64_t alive_ = 0;
  std::int64_t idle_count_ = 0;
};

}  // namespace carecast::engine
