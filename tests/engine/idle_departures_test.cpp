// IdleDepartures: the first departure is always the earliest (ties by unit) of those added and
// not withdrawn, across the blocks reached; a departure not yet reached is kept only if its idle
// spell is still going on when its block is reached; times at or after the horizon are dropped.
#include "engine/idle_departures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace carecast::engine {
namespace {

using Pair = std::pair<double, std::uint32_t>;

TEST(IdleDepartures, MatchesAnOrderedSetUnderRandomAddsAndWithdrawals) {
  const double start = -20.0, horizon = 2000.0;
  IdleDepartures departures(start, horizon);
  std::set<Pair> reference;                       // (time, unit) of the live departures
  std::vector<double> time_of(300, 0.0);          // by unit: its departure, if live
  std::vector<bool> live(300, false);             // by unit: idle, with a departure to come
  std::vector<std::uint32_t> spell_of(300, 0);
  auto admit = [&](std::uint32_t unit, std::uint32_t spell) { return live[unit] && spell_of[unit] == spell; };
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::uint32_t> pick(0, 299);
  std::exponential_distribution<double> wait(1.0 / 60.0);
  double now = start;
  std::size_t popped = 0, withdrawn = 0;
  while (now < horizon) {
    now += 0.7;
    departures.reach(now, admit);
    // Everything due by now leaves, in order.
    while (!departures.empty() && departures.first().time <= now) {
      ASSERT_FALSE(reference.empty());
      Pair expected = *reference.begin();
      ASSERT_EQ(departures.first().time, expected.first);
      ASSERT_EQ(departures.first().unit, expected.second);
      reference.erase(reference.begin());
      live[expected.second] = false;
      departures.pop_first();
      popped += 1;
    }
    ASSERT_TRUE(reference.empty() || reference.begin()->first > now);
    std::uint32_t unit = pick(rng);
    if (live[unit]) {  // in use again
      reference.erase({time_of[unit], unit});
      live[unit] = false;
      departures.withdraw(unit);
      withdrawn += 1;
    } else {  // idle from now
      spell_of[unit] += 1;
      double leaves = now + wait(rng);
      bool reached = departures.add(unit, spell_of[unit], leaves);
      EXPECT_EQ(reached, leaves < departures.reached_end() && leaves < horizon);
      if (leaves < horizon) {
        time_of[unit] = leaves;
        live[unit] = true;
        reference.insert({leaves, unit});
      }
    }
  }
  // Both ways out were exercised many times, so the comparisons above were not vacuous.
  EXPECT_GT(popped, 250u);
  EXPECT_GT(withdrawn, 250u);
}

TEST(IdleDepartures, TiesGoToTheLowerUnit) {
  IdleDepartures departures(0.0, 100.0);
  auto admit = [](std::uint32_t, std::uint32_t) { return true; };
  departures.add(7, 1, 50.0);
  departures.add(3, 1, 50.0);
  departures.add(5, 1, 60.0);
  departures.reach(50.0, admit);
  ASSERT_FALSE(departures.empty());
  EXPECT_EQ(departures.first().unit, 3u);
  departures.pop_first();
  EXPECT_EQ(departures.first().unit, 7u);
  departures.pop_first();
  EXPECT_EQ(departures.first().unit, 5u) << "reached with its block";
}

TEST(IdleDepartures, DropsTimesAtOrAfterTheHorizon) {
  IdleDepartures departures(0.0, 100.0);
  EXPECT_FALSE(departures.add(1, 1, 100.0));
  EXPECT_FALSE(departures.add(2, 1, 1e9));
  departures.reach(1e9, [](std::uint32_t, std::uint32_t) { return true; });
  EXPECT_TRUE(departures.empty());
  EXPECT_THROW(IdleDepartures(0.0, INFINITY), std::invalid_argument);
}

}  // namespace
}  // namespace carecast::engine
