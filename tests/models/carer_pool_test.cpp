// The foster-carer pool through models::simulate, on the baseline over three years. With far
// more families than children ever need, the results are those of the same scenario without
// the pool (every count array both record is identical, replicate by replicate). With far too few,
// children are diverted to the fallback and moved back when a family frees up, and the fallback
// holds more children than without the pool.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"
#include "simulation_runs.hpp"

namespace carecast::models {
namespace {

constexpr std::size_t replicates = 4;

Scenario baseline() {
  return read_scenario(test_support::data_dir() / "scenario" / "baseline_short.yaml");
}

RunResult run(const Scenario& scenario) { return test_support::run_replicates(scenario, replicates, 4711); }


TEST(CarerPool, WithAmpleFamiliesTheResultsAreThoseWithoutThePool) {
  Scenario ample = baseline();
  ASSERT_TRUE(ample.carer_pool.enabled);
  ample.carer_pool.families = 100000;
  Scenario off = baseline();
  off.carer_pool.enabled = false;
  RunResult with_pool = run(ample);
  RunResult without = run(off);
  ASSERT_EQ(with_pool.replicates.size(), replicates);
  ASSERT_EQ(without.replicates.size(), replicates);

  std::size_t compared = 0;
  for (const auto& array : without.layout->counts()) {
    for (std::size_t r = 0; r < replicates; ++r)
      EXPECT_EQ(test_support::count_array(with_pool, r, array.name), test_support::count_array(without, r, array.name))
          << array.name << " in replicate " << r;
    compared += 1;
  }
  EXPECT_GE(compared, 10u);
  // Real-valued sums (expected exam passes) hold the same terms, but the pool's single event
  // queue adds them in another order than the independent kernel's blocks: equal to rounding.
  for (std::size_t h = 0; h < without.layout->sums().size(); ++h) {
    const std::string& name = without.layout->sums()[h].name;
    std::size_t other = with_pool.layout->sum_handle(name);
    for (std::size_t r = 0; r < replicates; ++r) {
      auto x = with_pool.replicates[r].sums(other);
      auto y = without.replicates[r].sums(h);
      ASSERT_EQ(x.size(), y.size());
      for (std::size_t i = 0; i < x.size(); ++i)
        EXPECT_NEAR(x[i], y[i], 1e-12 * std::max(1.0, std::abs(y[i]))) << name << "[" << i << "] in replicate " << r;
    }
  }
  // The pool was on, and never short.
  for (std::size_t r = 0; r < replicates; ++r) {
    auto flows = test_support::count_array(with_pool, r, "carer_pool_flows");
    std::int64_t moved = 0;
    for (std::int64_t n : flows) moved += n;
    EXPECT_EQ(moved, 0) << "replicate " << r;
    // On the start date the pool has its 100000 families, the children then in foster care hold
    // one each, and nobody waits.
    auto census = test_support::count_array(with_pool, r, "carer_pool");  // [time, measure]
    auto stock = test_support::count_array(with_pool, r, "stock");       // [time, state]
    auto in_foster = stock[static_cast<std::size_t>(ample.carer_pool.state)];
    EXPECT_GT(in_foster, 0);
    EXPECT_EQ(census[0], 100000) << "families on the start date";
    EXPECT_EQ(census[1], 100000 - in_foster) << "free families on the start date";
    EXPECT_EQ(census[2], 0) << "children waiting on the start date";
  }
  EXPECT_THROW((void)without.layout->count_handle("carer_pool"), std::exception);
}

TEST(CarerPool, WithFarTooFewFamiliesChildrenAreDivertedAndMovedBack) {
  Scenario scarce = baseline();
  scarce.carer_pool.families = 60;
  scarce.carer_pool.recruitment_per_year = 3;
  Scenario off = baseline();
  off.carer_pool.enabled = false;
  RunResult with_pool = run(scarce);
  RunResult without = run(off);
  const int foster = scarce.carer_pool.state;
  ASSERT_EQ(foster, scarce.state_index("foster"));
  const int fallback = scarce.state_index("institution");
  ASSERT_EQ(fallback, scarce.carer_pool.fallback);
  const std::size_t states = scarce.states.size(), points = with_pool.grid_days.size();

  std::int64_t diverted = 0, returned = 0, waiting_points = 0;
  std::int64_t fallback_with = 0, fallback_without = 0, foster_with = 0, foster_without = 0;
  for (std::size_t r = 0; r < replicates; ++r) {
    auto flows = test_support::count_array(with_pool, r, "carer_pool_flows");  // [interval][diverted, returned]
    for (std::size_t i = 0; i + 1 < points; ++i) {
      diverted += flows[i * 2 + 0];
      returned += flows[i * 2 + 1];
    }
    auto census = test_support::count_array(with_pool, r, "carer_pool");  // [time][families, free, waiting]
    auto stock = test_support::count_array(with_pool, r, "stock");
    for (std::size_t t = 1; t < points; ++t) {
      std::int64_t families = census[t * 3 + 0], free = census[t * 3 + 1], waiting = census[t * 3 + 2];
      EXPECT_GE(free, 0);
      EXPECT_LE(free, families);
      waiting_points += waiting > 0;
      // Every family in use holds a child in foster care.
      EXPECT_LE(families - free, stock[t * states + static_cast<std::size_t>(foster)]) << "point " << t;
    }
    auto stock_off = test_support::count_array(without, r, "stock");
    std::size_t last = (points - 1) * states;
    fallback_with += stock[last + static_cast<std::size_t>(fallback)];
    fallback_without += stock_off[last + static_cast<std::size_t>(fallback)];
    foster_with += stock[last + static_cast<std::size_t>(foster)];
    foster_without += stock_off[last + static_cast<std::size_t>(foster)];
  }
  EXPECT_GT(diverted, 20);
  EXPECT_GT(returned, 5);
  EXPECT_GT(waiting_points, 0);
  EXPECT_GT(fallback_with, fallback_without);
  EXPECT_LT(foster_with, foster_without);
}

}  // namespace
}  // namespace carecast::models
