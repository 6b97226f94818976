#pragma once
// The event queue of an interacting replicate: every event of the replicate, in the order of
// (time, kind, id), with nothing at or after the horizon. A calendar in two levels, so that
// pushing an event touches memory that is already in cache:
//   - one bucket per day for the days of the current window (a block of 64 days), and one
//     bucket per later block; events are appended to them unsorted;
//   - when the window moves on to a block, that block's events are spread over its days;
//   - when a day begins, its bucket is sorted once (a pass on the time of day, then insertion),
//     and events that fall later on the same day join a small heap beside it.
// A binary heap over all pending events (a hundred thousand at England scale) costs a dozen
// cache misses a pop; here an event is written twice and sorted once among a few hundred.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/event_buckets.hpp"
#include "engine/queued_event.hpp"

namespace carecast::engine {

class CalendarQueue {
 public:
  /// Days `first_day` to the day holding the horizon; events at or after `horizon` are dropped.
  CalendarQueue(long first_day, double horizon);

  long first_day() const { return first_day_; }
  /// The last day holding times before the horizon.
  long last_day() const { return first_day_ + days_ - 1; }

  /// Queues an event at or after the start of the open day (or of the first day).
  void push(const QueuedEvent& event);
  /// Starts day `day` (days are opened in order): its events become the ones to pop.
  void open_day(long day);
  /// The open day's next event, in order; false when the day has none left.
  bool pop(QueuedEvent& event);
  /// The event `ahead` places after the next in the open day's sorted bucket, if any (a hint
  /// for prefetching what it will touch; events pushed into the open day are not seen).
  const QueuedEvent* peek_ahead(std::size_t ahead) const {
    return next_ + ahead < today_.size() ? &today_[next_ + ahead] : nullptr;
  }

 private:
  static constexpr long window_days = 64;

  long day_of(double time) const;
  std::size_t block_bucket(long day) const {
    return static_cast<std::size_t>(window_days + (day - first_day_) / window_days);
  }
  void move_window_to(long day);
  void sort_today(long day);

  long first_day_;
  long days_ = 0;
  double horizon_;
  long open_day_;                // the day open, first_day_ - 1 before the first
  long window_start_;            // first day of the window (fine buckets 0..window_days-1)
  EventBuckets buckets_;         // [day in window], then [block]
  std::vector<QueuedEvent> today_;        // the open day's bucket, sorted
  std::size_t next_ = 0;                  // next of today_ to pop
  std::vector<QueuedEvent> later_today_;  // pushed into the open day: a min-heap
  std::vector<QueuedEvent> scratch_;      // for moving a block and sorting a day
  std::vector<std::uint32_t> slices_;     // for sorting: events per slice of the day
  std::vector<std::uint8_t> slice_of_event_;  // for sorting: each event's slice
};

}  // namespace carecast::engine
