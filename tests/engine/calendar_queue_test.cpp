// CalendarQueue: pops the events pushed before the horizon in the order a binary heap on
// (time, kind, id) would pop them (the queue the interacting replicate used before), whether
// they were pushed before their day opened or while it ran, ties in time included.
#include "engine/calendar_queue.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <queue>
#include <random>
#include <vector>

namespace carecast::engine {
namespace {

struct Later {
  bool operator()(const QueuedEvent& a, const QueuedEvent& b) const { return b < a; }
};

TEST(CalendarQueue, PopsAsABinaryHeapWouldDayByDay) {
  const long first_day = -100;
  const double horizon = 700.5;
  CalendarQueue queue(first_day, horizon);
  EXPECT_EQ(queue.first_day(), first_day);
  EXPECT_EQ(queue.last_day(), 700);
  std::priority_queue<QueuedEvent, std::vector<QueuedEvent>, Later> heap;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  auto push = [&](double time) {
    QueuedEvent event{time, QueuedEvent::order_of(static_cast<int>(rng() % 5), rng() % 1000), 0, 0};
    queue.push(event);
    heap.push(event);
  };
  // Ties in time are common on purpose: whole days, and the time of the event running.
  for (int i = 0; i < 20000; ++i) {
    double time = first_day + u(rng) * 900.0;
    push(u(rng) < 0.1 ? std::floor(time) : time);
  }
  std::size_t popped = 0;
  for (long day = queue.first_day(); day <= queue.last_day(); ++day) {
    queue.open_day(day);
    QueuedEvent event;
    while (queue.pop(event)) {
      ASSERT_FALSE(heap.empty());
      QueuedEvent expected = heap.top();
      heap.pop();
      ASSERT_EQ(event.time, expected.time) << popped;
      ASSERT_EQ(event.order, expected.order) << popped;
      ++popped;
      // Events queued while the day runs: at the same time, later the same day, or later on.
      double r = u(rng);
      if (r < 0.05)
        push(event.time);
      else if (r < 0.3)
        push(event.time + u(rng) * (u(rng) < 0.5 ? 0.2 : 300.0));
    }
  }
  // What is left in the heap is at or after the horizon, which the calendar drops.
  ASSERT_TRUE(heap.empty() || heap.top().time >= horizon);
  EXPECT_GT(popped, 20000u);
}

}  // namespace
}  // namespace carecast::engine
