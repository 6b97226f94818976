#pragma once
// When each idle unit of a pool would leave if it stayed idle. The replicate consults the first
// of them before each event instead of queuing a retirement per idle spell: hundreds of
// thousands of spells a replicate at England scale, four in five of which end in use first.
//
// Two tiers, so that a spell ending in use costs next to nothing:
//   - departures in the blocks of days reached so far sit in a small binary min-heap that knows
//     each unit's place in it, so a unit taken into use is withdrawn at once;
//   - later departures are appended to the bucket of their block (16 days) with the idle spell
//     they belong to; when the block is reached, those whose spell is still going on join the
//     heap, and the others (taken in the meantime) are dropped.
#include <cstdint>
#include <vector>

#include "engine/event_buckets.hpp"

namespace carecast::engine {

class IdleDepartures {
 public:
  struct Departure {
    double time;
    std::uint32_t unit;
    /// Earlier time first; at the same time the lower unit (the order of the event queue).
    bool operator<(const Departure& other) const {
      return time < other.time || (time == other.time && unit < other.unit);
    }
  };

  /// Departures from `start` on; those at or after `horizon` never happen and are not kept.
  IdleDepartures(double start, double horizon);

  /// Idle spell `spell` of the unit ends at `time` if the unit is still idle then. True if the
  /// departure is among those reached (in the heap; see withdraw).
  bool add(std::uint32_t unit, std::uint32_t spell, double time);
  /// The unit was taken into use: its departure, reached, is withdrawn (one not reached yet is
  /// dropped when reached, by its spell).
  void withdraw(std::uint32_t unit);
  /// The end of the blocks reached: departures before it are in the heap.
  double reached_end() const { return reached_end_; }
  /// Makes every departure at or before `time` visible to first(). `admit(unit, spell)` tells
  /// whether a departure not yet reached still counts (and may note that it now is reached).
  /// Times must not decrease.
  template <class Admit>
  void reach(double time, Admit admit) {
    while (time >= reached_end_ && next_block_ < blocks_) open_block(admit);
  }
  bool empty() const { return heap_.empty(); }
  /// The first to leave among those reached (not empty()).
  const Departure& first() const { return heap_.front(); }
  /// Removes first().
  void pop_first() { withdraw(heap_.front().unit); }

 private:
  static constexpr double block_days = 16.0;
  static constexpr std::uint32_t absent = UINT32_MAX;

  /// The next block's departures whose spells are still going on join the heap. (A departure
  /// waits in a bucket as a queued event: its time, its unit as target, its spell as version.)
  template <class Admit>
  void open_block(Admit admit) {
    later_.drain(next_block_, [&](const QueuedEvent* later, std::uint32_t count) {
      for (std::uint32_t i = 0; i < count; ++i)
        if (admit(later[i].target, later[i].version)) push(later[i].target, later[i].time);
    });
    next_block_ += 1;
    reached_end_ = block_start(next_block_);
  }
  double block_start(std::size_t block) const { return start_ + static_cast<double>(block) * block_days; }
  void push(std::uint32_t unit, double time);
  void place(std::size_t at, const Departure& departure);
  void sift_up(std::size_t at);
  void sift_down(std::size_t at);

  double start_;
  double horizon_;
  std::size_t blocks_;                   // of block_days from start_ to the horizon
  EventBuckets later_;                   // by block; those before next_block_ are reached (empty)
  std::size_t next_block_ = 0;
  double reached_end_;                   // the end of the blocks reached
  std::vector<Departure> heap_;
  std::vector<std::uint32_t> place_of_;  // by unit: its index in heap_, or absent
};

}  // namespace carecast::engine
