// ResourcePool: the units of one replicate's pool. Idle units are taken longest-idle first; the
// departure drawn for one idle spell is forgotten once that spell has ended; attrition and
// recruitment times are keyed draws (the same key gives the same times); a unit whose last child
// left by a straining exit leaves at the strained rate.
#include "engine/resource_pool.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace carecast::engine {
namespace {

constexpr double horizon = 1e6;  // days: beyond every time these tests reach

ResourcePoolSpec spec_with(double attrition, double strained, double recruitment = 0.0) {
  ResourcePoolSpec spec;
  spec.guarded_state = 0;
  spec.fallback_state = 1;
  spec.attrition_per_day = attrition;
  spec.strained_attrition_per_day = strained;
  spec.recruitment_per_day = recruitment;
  return spec;
}

TEST(ResourcePool, UnitsGetIdsCountingUpAndStartTaken) {
  ResourcePoolSpec spec = spec_with(0.0, 0.0);
  ResourcePool pool(spec, StreamKey{1, 0}, 0.0, horizon);
  EXPECT_EQ(pool.add_unit(), 0u);
  EXPECT_EQ(pool.add_unit(), 1u);
  EXPECT_EQ(pool.units(), 2);
  EXPECT_EQ(pool.idle(), 0);
  EXPECT_FALSE(pool.take_idle().has_value()) << "a new unit is not idle until made so";
}

TEST(ResourcePool, AUnitInUseAsItJoinsDrawsWhatAUnitIdledAndTakenAtOnceDraws) {
  ResourcePoolSpec spec = spec_with(0.01, 0.05);
  ResourcePool idled(spec, StreamKey{3, 2}, 0.0, horizon);
  ResourcePool in_use(spec, StreamKey{3, 2}, 0.0, horizon);
  for (int i = 0; i < 3; ++i) {
    std::uint64_t unit = idled.add_unit();
    idled.make_idle(unit, false, 0.0);
    EXPECT_EQ(idled.take_idle(), std::optional<std::uint64_t>(unit));
    EXPECT_EQ(in_use.add_unit_in_use(), unit);
  }
  EXPECT_EQ(in_use.units(), 3);
  EXPECT_EQ(in_use.idle(), 0);
  EXPECT_FALSE(in_use.take_idle().has_value()) << "a unit in use is not idle";
  // Given back, each unit draws the same departure in both pools (its second idle spell).
  for (std::uint64_t unit : {2u, 0u, 1u}) {
    double a = idled.make_idle(unit, unit == 0, 10.0 + static_cast<double>(unit));
    double b = in_use.make_idle(unit, unit == 0, 10.0 + static_cast<double>(unit));
    EXPECT_EQ(a, b) << "unit " << unit;
    EXPECT_TRUE(std::isfinite(a));
  }
  EXPECT_EQ(idled.take_idle(), std::optional<std::uint64_t>(2)) << "taken in the order they idled";
  EXPECT_EQ(in_use.take_idle(), std::optional<std::uint64_t>(2)) << "taken in the order they idled";
  // Nothing was left behind from the first spells: both pools retire the same units at the
  // same times, and no others.
  for (int i = 0; i < 2; ++i) {
    auto a = idled.departure_by(horizon / 2);
    auto b = in_use.departure_by(horizon / 2);
    ASSERT_TRUE(a.has_value() && b.has_value());
    EXPECT_EQ(a->unit, b->unit);
    EXPECT_EQ(a->time, b->time);
    idled.retire_next();
    in_use.retire_next();
  }
  EXPECT_FALSE(idled.departure_by(horizon / 2).has_value());
  EXPECT_FALSE(in_use.departure_by(horizon / 2).has_value());
}

TEST(ResourcePool, TakesTheLongestIdleUnitFirst) {
  ResourcePoolSpec spec = spec_with(0.0, 0.0);
  ResourcePool pool(spec, StreamKey{1, 0}, 0.0, horizon);
  for (int i = 0; i < 4; ++i) pool.add_unit();
  // Idle in the order 2, 0, 3, 1.
  EXPECT_EQ(pool.make_idle(2, false, 1.0), infinity) << "no attrition: the unit never leaves";
  pool.make_idle(0, false, 2.0);
  pool.make_idle(3, false, 3.0);
  pool.make_idle(1, false, 4.0);
  EXPECT_EQ(pool.idle(), 4);
  EXPECT_EQ(pool.take_idle(), std::optional<std::uint64_t>(2));
  EXPECT_EQ(pool.take_idle(), std::optional<std::uint64_t>(0));
  // A unit given back joins the end of the queue.
  pool.make_idle(2, false, 5.0);
  EXPECT_EQ(pool.take_idle(), std::optional<std::uint64_t>(3));
  EXPECT_EQ(pool.take_idle(), std::optional<std::uint64_t>(1));
  EXPECT_EQ(pool.take_idle(), std::optional<std::uint64_t>(2));
  EXPECT_FALSE(pool.take_idle().has_value());
  EXPECT_EQ(pool.idle(), 0);
  EXPECT_EQ(pool.units(), 4);
}

/// Every departure up to `until`, retiring each, walking time forward in steps of `step`.
std::vector<std::pair<double, std::uint64_t>> retire_all(ResourcePool& pool, double from, double until, double step) {
  std::vector<std::pair<double, std::uint64_t>> seen;
  for (double t = from;; t = std::min(t + step, until)) {
    while (auto due = pool.departure_by(t)) {
      seen.emplace_back(due->time, due->unit);
      pool.retire_next();
    }
    if (t == until) return seen;
  }
}

TEST(ResourcePool, AnEndedIdleSpellNeverRetiresTheUnit) {
  ResourcePoolSpec spec = spec_with(0.01, 0.05);
  ResourcePool pool(spec, StreamKey{5, 2}, 0.0, horizon);
  std::uint64_t a = pool.add_unit(), b = pool.add_unit();
  pool.make_idle(a, false, 0.0);
  double b_leaves = pool.make_idle(b, false, 0.0);

  // a is taken (its first idle spell ends), then idles again: the departure drawn for the
  // first spell must not remove it.
  ASSERT_EQ(pool.take_idle(), std::optional<std::uint64_t>(a));
  double a_leaves = pool.make_idle(a, false, 10.0);
  EXPECT_EQ(pool.units(), 2);
  EXPECT_EQ(pool.idle(), 2);
  double first = std::min(a_leaves, b_leaves);
  EXPECT_FALSE(pool.departure_by(std::nextafter(first, 0.0)).has_value()) << "nothing before the first";
  auto next = pool.departure_by(first);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->unit, a_leaves < b_leaves ? a : b);
  EXPECT_EQ(next->time, first);
  pool.retire_next();
  EXPECT_EQ(pool.units(), 1);
  EXPECT_EQ(pool.idle(), 1);
  // The retired unit's place in the idle queue is skipped.
  std::uint64_t left = a_leaves < b_leaves ? b : a;
  EXPECT_EQ(pool.take_idle(), std::optional<std::uint64_t>(left));
  EXPECT_FALSE(pool.take_idle().has_value());
  EXPECT_TRUE(retire_all(pool, first, horizon - 1.0, 1000.0).empty()) << "a unit in use does not leave";
  EXPECT_EQ(pool.units(), 1);
}

TEST(ResourcePool, DeparturesComeInOrderOfTimeForTheIdleSpellsStillGoingOn) {
  ResourcePoolSpec spec = spec_with(0.004, 0.02);
  const double start = -30.0, end = 3650.0;
  ResourcePool pool(spec, StreamKey{8, 1}, start, end);
  const std::uint64_t n = 400;
  std::vector<double> leaves(n);
  for (std::uint64_t u = 0; u < n; ++u) {
    pool.add_unit();
    leaves[u] = pool.make_idle(u, u % 3 == 0, -10.0);
  }
  // The first half are taken; the first quarter idle again later, with new departures.
  for (std::uint64_t u = 0; u < n / 2; ++u) ASSERT_EQ(pool.take_idle(), std::optional<std::uint64_t>(u));
  for (std::uint64_t u = 0; u < n / 4; ++u) leaves[u] = pool.make_idle(u, false, 5.0);

  std::vector<std::pair<double, std::uint64_t>> expected;
  for (std::uint64_t u = 0; u < n; ++u)
    if ((u < n / 4 || u >= n / 2) && leaves[u] < end) expected.emplace_back(leaves[u], u);
  std::sort(expected.begin(), expected.end());
  ASSERT_GT(expected.size(), n / 2) << "most leave before the end";
  EXPECT_EQ(retire_all(pool, 5.0, end, 7.0), expected);
  EXPECT_EQ(pool.units(), static_cast<std::int64_t>(n - expected.size()));
  EXPECT_EQ(pool.idle(), static_cast<std::int64_t>(3 * n / 4 - expected.size()));
}

TEST(ResourcePool, AttritionTimesAreKeyedByReplicateUnitAndIdleSpell) {
  ResourcePoolSpec spec = spec_with(0.002, 0.01);
  auto leave_times = [&](StreamKey key) {
    ResourcePool pool(spec, key, 0.0, horizon);
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) pool.add_unit();
    for (std::uint64_t u = 0; u < 5; ++u) times.push_back(pool.make_idle(u, u % 2 == 1, 100.0));
    // A second idle spell of unit 0.
    EXPECT_EQ(pool.take_idle(), std::optional<std::uint64_t>(0));
    times.push_back(pool.make_idle(0, false, 100.0));
    return times;
  };
  std::vector<double> first = leave_times(StreamKey{9, 3});
  EXPECT_EQ(first, leave_times(StreamKey{9, 3})) << "the same key gives the same times";
  for (double t : first) {
    EXPECT_GT(t, 100.0);
    EXPECT_TRUE(std::isfinite(t));
  }
  EXPECT_NE(first[5], first[0]) << "each idle spell draws afresh";
  EXPECT_NE(first[2], first[0]) << "each unit draws from its own stream";
  std::vector<double> other_replicate = leave_times(StreamKey{9, 4});
  std::vector<double> other_seed = leave_times(StreamKey{10, 3});
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_NE(first[i], other_replicate[i]) << i;
    EXPECT_NE(first[i], other_seed[i]) << i;
  }

  // The draw does not depend on what happened to other units: unit 3's first idle spell
  // leaves at the same time in a pool where units 0-2 never idled.
  ResourcePool alone(spec, StreamKey{9, 3}, 0.0, horizon);
  for (int i = 0; i < 5; ++i) alone.add_unit();
  EXPECT_EQ(alone.make_idle(3, true, 100.0), first[3]);
}

TEST(ResourcePool, RecruitmentTimesAreKeyedByHowManyUnitsJoinedSoFar) {
  ResourcePoolSpec spec = spec_with(0.0, 0.0, 0.05);
  ResourcePool a(spec, StreamKey{4, 1}, 0.0, horizon), b(spec, StreamKey{4, 1}, 0.0, horizon),
      c(spec, StreamKey{4, 2}, 0.0, horizon);
  EXPECT_EQ(a.next_recruitment(20.0), b.next_recruitment(20.0));
  EXPECT_GT(a.next_recruitment(20.0), 20.0);
  EXPECT_NE(a.next_recruitment(20.0), c.next_recruitment(20.0));
  // The gap is a function of the count only: the same after a later start.
  EXPECT_DOUBLE_EQ(a.next_recruitment(50.0) - 50.0, a.next_recruitment(20.0) - 20.0);
  double first_gap = a.next_recruitment(0.0);
  a.add_unit();
  double second_gap = a.next_recruitment(0.0);
  EXPECT_NE(first_gap, second_gap) << "the next recruit draws afresh";
  b.add_unit();
  EXPECT_EQ(b.next_recruitment(0.0), second_gap);

  ResourcePoolSpec none = spec_with(0.0, 0.0, 0.0);
  EXPECT_EQ(ResourcePool(none, StreamKey{4, 1}, 0.0, horizon).next_recruitment(3.0), infinity);
}

TEST(ResourcePool, MeanRecruitmentGapIsOneOverTheRate) {
  const double rate = 0.02;  // per day
  ResourcePoolSpec spec = spec_with(0.0, 0.0, rate);
  ResourcePool pool(spec, StreamKey{21, 0}, 0.0, horizon);
  const int n = 20000;
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    sum += pool.next_recruitment(0.0);
    pool.add_unit();
  }
  double mean = 1.0 / rate;
  EXPECT_NEAR(sum / n, mean, 4.0 * mean / std::sqrt(n));
}

TEST(ResourcePool, AStrainedUnitLeavesAtTheStrainedRate) {
  const double rate = 1.0 / 400.0, strained = 1.0 / 50.0;  // per day
  ResourcePoolSpec spec = spec_with(rate, strained);
  ResourcePool pool(spec, StreamKey{77, 5}, 0.0, horizon);
  const int n = 20000;
  double sum_plain = 0.0, sum_strained = 0.0;
  for (int i = 0; i < n; ++i) {
    std::uint64_t plain = pool.add_unit(), strained_unit = pool.add_unit();
    sum_plain += pool.make_idle(plain, false, 30.0) - 30.0;
    sum_strained += pool.make_idle(strained_unit, true, 30.0) - 30.0;
  }
  // Exponential idle times: the mean is 1/rate with standard error (1/rate)/sqrt(n).
  EXPECT_NEAR(sum_plain / n, 1.0 / rate, 4.0 / rate / std::sqrt(n));
  EXPECT_NEAR(sum_strained / n, 1.0 / strained, 4.0 / strained / std::sqrt(n));

  // Strain belongs to the idle spell: given back unstrained, the unit is back at the plain rate.
  double sum_after = 0.0;
  for (std::uint64_t u = 1; u < static_cast<std::uint64_t>(2 * n); u += 2) {
    ASSERT_TRUE(pool.take_idle().has_value());
    ASSERT_TRUE(pool.take_idle().has_value());
    sum_after += pool.make_idle(u, false, 0.0);
  }
  EXPECT_NEAR(sum_after / n, 1.0 / rate, 4.0 / rate / std::sqrt(n));
}

TEST(ResourcePool, NoAttritionMeansTheUnitNeverLeaves) {
  ResourcePoolSpec spec = spec_with(0.0, 0.01);
  ResourcePool pool(spec, StreamKey{1, 1}, 0.0, horizon);
  pool.add_unit();
  EXPECT_EQ(pool.make_idle(0, false, 5.0), infinity);
  ASSERT_TRUE(pool.take_idle().has_value());
  EXPECT_LT(pool.make_idle(0, true, 5.0), infinity) << "strained: it may leave";
}

}  // namespace
}  // namespace carecast::engine
