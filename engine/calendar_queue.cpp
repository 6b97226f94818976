#include "engine/calendar_queue.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::engine {

namespace {

bool later(const QueuedEvent& a, const QueuedEvent& b) { return b < a; }

/// A day is cut into this many slices of time for sorting its bucket.
constexpr std::uint32_t slices_per_day = 256;  // a slice fits a byte
/// Buckets this small are sorted by insertion alone.
constexpr std::size_t small_bucket = 32;

void insertion_sort(std::vector<QueuedEvent>& events) {
  for (std::size_t i = 1; i < events.size(); ++i) {
    QueuedEvent event = events[i];
    std::size_t j = i;
    for (; j > 0 && event < events[j - 1]; --j) events[j] = events[j - 1];
    events[j] = event;
  }
}

long days_between(long first_day, double horizon) {
  auto end = static_cast<long>(std::ceil(horizon));
  return end > first_day ? end - first_day : 0;
}

}  // namespace

CalendarQueue::CalendarQueue(long first_day, double horizon)
    : first_day_(first_day), days_(days_between(first_day, horizon)), horizon_(horizon),
      open_day_(first_day - 1), window_start_(first_day),
      buckets_(static_cast<std::size_t>(window_days + (days_ + window_days - 1) / window_days)) {
  slices_.resize(slices_per_day + 1);
}

long CalendarQueue::day_of(double time) const {
  auto day = static_cast<long>(time);  // floor(time), without a libm call
  day -= static_cast<double>(day) > time;
  return std::max(first_day_, day);
}

void CalendarQueue::push(const QueuedEvent& event) {
  if (!(event.time < horizon_)) return;  // never reached
  long day = day_of(event.time);
  if (day <= open_day_) {
    later_today_.push_back(event);
    std::push_heap(later_today_.begin(), later_today_.end(), later);
  } else if (day < window_start_ + window_days) {
    buckets_.append(static_cast<std::size_t>(day - window_start_), event);
  } else {
    buckets_.append(block_bucket(day), event);
  }
}

void CalendarQueue::open_day(long day) {
  if (day >= window_start_ + window_days) move_window_to(day);
  open_day_ = day;
  today_.clear();
  buckets_.drain_into(static_cast<std::size_t>(day - window_start_), today_);
  sort_today(day);
  next_ = 0;
}

/// The window moves to the block holding `day`, and that block's events go to their days.
void CalendarQueue::move_window_to(long day) {
  window_start_ = first_day_ + (day - first_day_) / window_days * window_days;
  buckets_.drain(block_bucket(day), [this](const QueuedEvent* events, std::uint32_t count) {
    for (std::uint32_t i = 0; i < count; ++i)
      buckets_.append(static_cast<std::size_t>(day_of(events[i].time) - window_start_), events[i]);
  });
}

/// Sorts the open day's events: a counting pass puts them in order of their slice of the day
/// (the slice grows with the time), then insertion sorts within slices. The result is the full
/// order of QueuedEvent, whatever the slices.
void CalendarQueue::sort_today(long day) {
  const std::size_t n = today_.size();
  if (n > small_bucket) {
    const auto start = static_cast<double>(day);
    slice_of_event_.resize(n);
    std::fill(slices_.begin(), slices_.end(), 0u);
    for (std::size_t i = 0; i < n; ++i) {
      double at = (today_[i].time - start) * static_cast<double>(slices_per_day);  // in [0, slices)
      auto slice = at > 0.0 ? std::min(static_cast<std::uint32_t>(at), std::uint32_t{slices_per_day - 1}) : 0u;
      slice_of_event_[i] = static_cast<std::uint8_t>(slice);
      slices_[slice + 1] += 1;
    }
    for (std::size_t s = 1; s <= slices_per_day; ++s) slices_[s] += slices_[s - 1];
    scratch_.resize(n);
    for (std::size_t i = 0; i < n; ++i) scratch_[slices_[slice_of_event_[i]]++] = today_[i];
    today_.swap(scratch_);
  }
  insertion_sort(today_);
}

bool CalendarQueue::pop(QueuedEvent& event) {
  bool in_today = next_ < today_.size();
  if (!later_today_.empty() && (!in_today || later_today_.front() < today_[next_])) {
    std::pop_heap(later_today_.begin(), later_today_.end(), later);
    event = later_today_.back();
    later_today_.pop_back();
    return true;
  }
  if (!in_today) return false;
  event = today_[next_++];
  return true;
}

}  // namespace carecast::engine
