// ResourcePool: the units of one replicate's pool. Idle units are taken longest-idle first; a
// retirement scheduled for one idle spell does nothing once that spell has ended; attrition and
// recruitment times are keyed draws (the same key gives the same times); a unit whose last child
// left by a straining exit leaves at the strained rate.
#include "engine/resource_pool.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

namespace carecast::engine {
namespace {

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
  ResourcePool pool(spec, StreamKey{1, 0});
  EXPECT_EQ(pool.add_unit(), 0u);
  EXPECT_EQ(pool.add_unit(), 1u);
  EXPECT_EQ(pool.units(), 2);
  EXPECT_EQ(pool.idle(), 0);
  EXPECT_FALSE(pool.take_idle().has_value()) << "a new unit is not idle until made so";
}

TEST(ResourcePool, TakesTheLongestIdleUnitFirst) {
  ResourcePoolSpec spec = spec_with(0.0, 0.0);
  ResourcePool pool(spec, StreamKey{1, 0});
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

TEST(ResourcePool, AStaleRetirementDoesNothing) {
  ResourcePoolSpec spec = spec_with(0.01, 0.05);
  ResourcePool pool(spec, StreamKey{5, 2});
  std::uint64_t a = pool.add_unit(), b = pool.add_unit();
  pool.make_idle(a, false, 0.0);
  std::uint32_t first_spell = pool.version(a);
  pool.make_idle(b, false, 0.0);

  // a is taken (its first idle spell ends), then idles again: the retirement drawn for the
  // first spell must not remove it.
  ASSERT_EQ(pool.take_idle(), std::optional<std::uint64_t>(a));
  EXPECT_FALSE(pool.retire_if_idle(a, first_spell)) << "a taken unit is not retired";
  pool.make_idle(a, false, 10.0);
  std::uint32_t second_spell = pool.version(a);
  EXPECT_NE(second_spell, first_spell);
  EXPECT_FALSE(pool.retire_if_idle(a, first_spell)) << "a retirement from an earlier idle spell";
  EXPECT_EQ(pool.units(), 2);
  EXPECT_EQ(pool.idle(), 2);

  // The current spell's retirement removes it, once.
  EXPECT_TRUE(pool.retire_if_idle(a, second_spell));
  EXPECT_FALSE(pool.retire_if_idle(a, second_spell));
  EXPECT_EQ(pool.units(), 1);
  EXPECT_EQ(pool.idle(), 1);
  // Its stale place in the idle queue (ahead of b) is skipped.
  EXPECT_EQ(pool.take_idle(), std::optional<std::uint64_t>(b));
  EXPECT_FALSE(pool.take_idle().has_value());
  EXPECT_EQ(pool.idle(), 0);
  EXPECT_EQ(pool.units(), 1);
}

TEST(ResourcePool, AttritionTimesAreKeyedByReplicateUnitAndIdleSpell) {
  ResourcePoolSpec spec = spec_with(0.002, 0.01);
  auto leave_times = [&](StreamKey key) {
    ResourcePool pool(spec, key);
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
  ResourcePool alone(spec, StreamKey{9, 3});
  for (int i = 0; i < 5; ++i) alone.add_unit();
  EXPECT_EQ(alone.make_idle(3, true, 100.0), first[3]);
}

TEST(ResourcePool, RecruitmentTimesAreKeyedByHowManyUnitsJoinedSoFar) {
  ResourcePoolSpec spec = spec_with(0.0, 0.0, 0.05);
  ResourcePool a(spec, StreamKey{4, 1}), b(spec, StreamKey{4, 1}), c(spec, StreamKey{4, 2});
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
  EXPECT_EQ(ResourcePool(none, StreamKey{4, 1}).next_recruitment(3.0), infinity);
}

TEST(ResourcePool, MeanRecruitmentGapIsOneOverTheRate) {
  const double rate = 0.02;  // per day
  ResourcePoolSpec spec = spec_with(0.0, 0.0, rate);
  ResourcePool pool(spec, StreamKey{21, 0});
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
  ResourcePool pool(spec, StreamKey{77, 5});
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
  ResourcePool pool(spec, StreamKey{1, 1});
  pool.add_unit();
  EXPECT_EQ(pool.make_idle(0, false, 5.0), infinity);
  ASSERT_TRUE(pool.take_idle().has_value());
  EXPECT_LT(pool.make_idle(0, true, 5.0), infinity) << "strained: it may leave";
}

}  // namespace
}  // namespace carecast::engine
