// Arrivals: a Poisson number per (day, group), each with a deterministic id, a time in the day,
// an age in the group's range and a first state from the group's entry mix.
#include "engine/arrival_schedule.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

#include "engine/child_id.hpp"

namespace carecast::engine {
namespace {

ArrivalGroup group(double min_age, double max_age, PiecewiseRate per_day, std::vector<int> states,
                   std::vector<double> shares, std::size_t key = 0) {
  ArrivalGroup g;
  g.key = key;
  g.min_age_days = min_age;
  g.max_age_days = max_age;
  g.per_day = std::move(per_day);
  g.first_states = std::move(states);
  g.first_state_shares = std::move(shares);
  return g;
}

class ArrivalScheduleTest : public ::testing::Test {
 protected:
  // Group 0: 3 a day, ages 1–10 years, first state 1, 2 or 3 with shares 0.5/0.3/0.2.
  // Group 1: 0.5 a day before day 100 and 2 a day from then on, ages 13–16 years, state 4.
  // Group 2: none at all.
  ArrivalSchedule schedule{{
      group(365.0, 3650.0, PiecewiseRate(3.0), {1, 2, 3}, {0.5, 0.3, 0.2}, 0),
      group(13 * 365.0, 16 * 365.0,
            PiecewiseRate(Axis(), Axis(), Axis({-infinity, 100.0, infinity}), {0.5, 2.0}), {4},
            {1.0}, 1),
      group(0.0, 365.0, PiecewiseRate(0.0), {1}, {1.0}, 2),
  }};
  StreamKey key{2024, 3};

  std::size_t group_of(const Individual& child) const {
    return static_cast<std::size_t>((child.id >> 16) & 0xfff);
  }
};

TEST_F(ArrivalScheduleTest, ExpectedPerDayFollowsThePeriodTable) {
  EXPECT_EQ(schedule.groups().size(), 3u);
  EXPECT_EQ(schedule.expected_on_day(0, -50), 3.0);
  EXPECT_EQ(schedule.expected_on_day(0, 1000), 3.0);
  EXPECT_EQ(schedule.expected_on_day(1, 0), 0.5);
  EXPECT_EQ(schedule.expected_on_day(1, 99), 0.5);
  EXPECT_EQ(schedule.expected_on_day(1, 100), 2.0);
  EXPECT_EQ(schedule.expected_on_day(2, 10), 0.0);
}

TEST_F(ArrivalScheduleTest, MeanAndVarianceOfDailyCountsArePoisson) {
  const long days = 4000;
  std::vector<double> counts0, counts1_late;
  double early1 = 0.0;
  std::vector<Individual> out;
  for (long day = 0; day < days; ++day) {
    out.clear();
    schedule.arrivals_on_day(day, key, out);
    std::size_t by_group[3] = {0, 0, 0};
    for (const Individual& child : out) by_group[group_of(child)] += 1;
    EXPECT_EQ(by_group[2], 0u);
    counts0.push_back(static_cast<double>(by_group[0]));
    if (day < 100)
      early1 += static_cast<double>(by_group[1]);
    else
      counts1_late.push_back(static_cast<double>(by_group[1]));
  }
  auto mean_of = [](const std::vector<double>& v) {
    double s = 0.0;
    for (double x : v) s += x;
    return s / static_cast<double>(v.size());
  };
  auto variance_of = [&](const std::vector<double>& v) {
    double m = mean_of(v), s = 0.0;
    for (double x : v) s += (x - m) * (x - m);
    return s / static_cast<double>(v.size() - 1);
  };
  // Poisson(λ) over n days: SE of the mean sqrt(λ/n); SE of the sample variance
  // sqrt((μ4 - σ^4)/n) with μ4 = λ(1 + 3λ), σ^4 = λ².
  auto n0 = static_cast<double>(counts0.size());
  EXPECT_NEAR(mean_of(counts0), 3.0, 4.0 * std::sqrt(3.0 / n0));
  EXPECT_NEAR(variance_of(counts0), 3.0, 4.0 * std::sqrt((3.0 + 2.0 * 9.0) / n0));
  auto n1 = static_cast<double>(counts1_late.size());
  EXPECT_NEAR(mean_of(counts1_late), 2.0, 4.0 * std::sqrt(2.0 / n1));
  // 100 early days at 0.5: total ~ Poisson(50).
  EXPECT_NEAR(early1, 50.0, 4.0 * std::sqrt(50.0));
}

TEST_F(ArrivalScheduleTest, ChildrenAreDeterministicAndIdsAreUniqueAndDecodable) {
  std::set<std::uint64_t> ids;
  std::vector<Individual> first, again;
  for (long day = -400; day < 400; ++day) {
    first.clear();
    again.clear();
    schedule.arrivals_on_day(day, key, first);
    schedule.arrivals_on_day(day, key, again);
    ASSERT_EQ(first.size(), again.size());
    std::map<std::size_t, std::size_t> next_index;
    for (std::size_t i = 0; i < first.size(); ++i) {
      const Individual& child = first[i];
      EXPECT_EQ(child.id, again[i].id);
      EXPECT_EQ(child.birth, again[i].birth);
      EXPECT_EQ(child.entered, again[i].entered);
      EXPECT_EQ(child.state, again[i].state);
      EXPECT_TRUE(ids.insert(child.id).second) << "duplicate id " << child.id;
      // The id is the arrival's day, group and index within that day and group.
      std::size_t g = group_of(child);
      ASSERT_LT(g, 2u);
      std::size_t index = next_index[g]++;
      EXPECT_EQ(child.id, arrival_child_id(day, g, index));
      EXPECT_EQ(child.events, 0u);
      EXPECT_EQ(child.history, (std::array<std::uint16_t, history_counters>{}));
    }
  }
  EXPECT_GT(ids.size(), 2000u);
}

TEST_F(ArrivalScheduleTest, TimesAgesAndFirstStatesFollowTheGroup) {
  const long days = 30000;
  std::vector<Individual> out;
  double n0 = 0.0, age_sum0 = 0.0, time_of_day_sum = 0.0;
  std::map<int, double> state_count0;
  for (long day = 0; day < days; ++day) {
    out.clear();
    schedule.arrivals_on_day(day, key, out);
    for (const Individual& child : out) {
      ASSERT_GE(child.entered, static_cast<double>(day));
      ASSERT_LT(child.entered, static_cast<double>(day + 1));
      double age = child.entered - child.birth;
      const ArrivalGroup& g = schedule.groups()[group_of(child)];
      ASSERT_GE(age, g.min_age_days - 1e-9);
      ASSERT_LT(age, g.max_age_days + 1e-9);
      if (group_of(child) == 1) {
        ASSERT_EQ(child.state, 4);
        continue;
      }
      n0 += 1.0;
      age_sum0 += age;
      time_of_day_sum += child.entered - day;
      state_count0[child.state] += 1.0;
    }
  }
  ASSERT_GT(n0, 80000.0);
  // Uniform age on [365, 3650): SE of the mean width/sqrt(12 n). Time of day: U(0,1).
  EXPECT_NEAR(age_sum0 / n0, 0.5 * (365.0 + 3650.0), 4.0 * 3285.0 / std::sqrt(12.0 * n0));
  EXPECT_NEAR(time_of_day_sum / n0, 0.5, 4.0 / std::sqrt(12.0 * n0));
  EXPECT_EQ(state_count0.size(), 3u);
  const std::map<int, double> shares{{1, 0.5}, {2, 0.3}, {3, 0.2}};
  for (auto [state, p] : shares)
    EXPECT_NEAR(state_count0[state] / n0, p, 4.0 * std::sqrt(p * (1.0 - p) / n0)) << state;
}

TEST_F(ArrivalScheduleTest, ArrivalsDependOnTheReplicateAndSeed) {
  auto all = [&](StreamKey k) {
    std::vector<Individual> out;
    for (long day = 0; day < 50; ++day) schedule.arrivals_on_day(day, k, out);
    return out;
  };
  auto base = all(key);
  for (StreamKey other : {StreamKey{2024, 4}, StreamKey{2025, 3}}) {
    auto changed = all(other);
    bool differs = changed.size() != base.size();
    for (std::size_t i = 0; !differs && i < base.size(); ++i)
      differs = base[i].id != changed[i].id || base[i].birth != changed[i].birth;
    EXPECT_TRUE(differs);
  }
}

TEST_F(ArrivalScheduleTest, AGroupsArrivalsDoNotDependOnLaterGroups) {
  // Common random numbers: adding a group leaves the earlier groups' arrivals unchanged.
  ArrivalSchedule only_first{{schedule.groups()[0]}};
  for (long day = 0; day < 200; ++day) {
    std::vector<Individual> both, single;
    schedule.arrivals_on_day(day, key, both);
    only_first.arrivals_on_day(day, key, single);
    std::vector<Individual> first_of_both;
    for (const Individual& child : both)
      if (group_of(child) == 0) first_of_both.push_back(child);
    ASSERT_EQ(first_of_both.size(), single.size());
    for (std::size_t i = 0; i < single.size(); ++i) {
      EXPECT_EQ(first_of_both[i].id, single[i].id);
      EXPECT_EQ(first_of_both[i].birth, single[i].birth);
      EXPECT_EQ(first_of_both[i].entered, single[i].entered);
      EXPECT_EQ(first_of_both[i].state, single[i].state);
    }
  }
}

TEST_F(ArrivalScheduleTest, AppendsWithoutClearing) {
  std::vector<Individual> out(2);
  schedule.arrivals_on_day(7, key, out);
  std::vector<Individual> fresh;
  schedule.arrivals_on_day(7, key, fresh);
  ASSERT_EQ(out.size(), fresh.size() + 2);
  for (std::size_t i = 0; i < fresh.size(); ++i) EXPECT_EQ(out[i + 2].id, fresh[i].id);
}

TEST(ArrivalSchedule, RejectsInvalidGroups) {
  EXPECT_THROW(ArrivalSchedule({group(0, 1, PiecewiseRate(1.0), {}, {})}), std::invalid_argument);
  EXPECT_THROW(ArrivalSchedule({group(0, 1, PiecewiseRate(1.0), {1, 2}, {1.0})}),
               std::invalid_argument);
  std::vector<ArrivalGroup> many(max_arrival_groups, group(0, 1, PiecewiseRate(0.0), {1}, {1.0}));
  for (std::size_t g = 0; g < many.size(); ++g) many[g].key = g;
  EXPECT_NO_THROW(ArrivalSchedule{many});
  many.back().key = 0;  // two groups with one key
  EXPECT_THROW(ArrivalSchedule{many}, std::invalid_argument);
  many.back().key = max_arrival_groups;  // a key beyond the id layout
  EXPECT_THROW(ArrivalSchedule{many}, std::invalid_argument);
  EXPECT_NO_THROW(ArrivalSchedule());
}

TEST(ArrivalSchedule, EmptyScheduleHasNoArrivals) {
  ArrivalSchedule none;
  std::vector<Individual> out;
  for (long day = -10; day < 10; ++day) none.arrivals_on_day(day, StreamKey{1, 1}, out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace carecast::engine
