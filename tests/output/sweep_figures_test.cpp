// The figures a sweep compares, each checked against a sum taken directly from a run's tallies
// (the baseline over two years, which has support states, breakdowns and costs).
#include "output/sweep_figures.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "engine/communicator.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "output/output_error.hpp"

namespace carecast::output {
namespace {

std::size_t handle_of(const std::vector<engine::TallyArray>& arrays, const std::string& name) {
  for (std::size_t h = 0; h < arrays.size(); ++h)
    if (arrays[h].name == name) return h;
  throw std::out_of_range(name);
}

class SweepFiguresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    models::Scenario scenario =
        models::read_scenario(std::filesystem::path(CARECAST_SOURCE_DIR) / "scenarios" / "baseline.yaml");
    scenario.simulation.span = std::chrono::years{2};
    models::RunOptions options;
    options.replicates = 3;
    engine::SingleProcess process;
    result_ = new models::RunResult(models::simulate(scenario, options, process));
  }
  static void TearDownTestSuite() { delete result_; }
  static const models::RunResult& result() { return *result_; }
  bool is(std::size_t state, const char* kind) const { return result().states[state].kind == kind; }

  static models::RunResult* result_;
};
models::RunResult* SweepFiguresTest::result_ = nullptr;

TEST_F(SweepFiguresTest, AreTheFiveFiguresInOrderWithOneValuePerReplicate) {
  std::vector<HorizonFigure> figures = horizon_figures(result());
  ASSERT_EQ(figures.size(), 5u);
  const char* names[] = {"placed_at_end", "new_placements", "breakdowns", "cost", "cost_discounted"};
  for (std::size_t f = 0; f < 5; ++f) {
    EXPECT_EQ(figures[f].name, names[f]);
    EXPECT_EQ(figures[f].values.size(), 3u);
  }
  EXPECT_FALSE(is_money_figure("breakdowns"));
  EXPECT_TRUE(is_money_figure("cost_discounted"));
}

TEST_F(SweepFiguresTest, EachIsTheSumOfItsTallyOverTheHorizon) {
  std::vector<HorizonFigure> figures = horizon_figures(result());
  const engine::TallyLayout& layout = *result().layout;
  std::size_t states = result().states.size(), points = result().grid_dates.size();
  for (std::size_t r = 0; r < 3; ++r) {
    const engine::Tally& tally = result().replicates[r];
    auto stock = tally.counts(handle_of(layout.counts(), "stock"));
    auto entries = tally.counts(handle_of(layout.counts(), "entries"));
    auto transitions = tally.counts(handle_of(layout.counts(), "transitions"));
    auto breakdowns = tally.counts(handle_of(layout.counts(), "breakdowns"));
    auto costs = tally.sums(handle_of(layout.sums(), "costs"));
    auto discounted = tally.sums(handle_of(layout.sums(), "costs_discounted"));
    double placed = 0, placements = 0, broken = 0, cost = 0, cost_discounted = 0;
    for (std::size_t s = 0; s < states; ++s)
      if (is(s, "placement")) placed += static_cast<double>(stock[(points - 1) * states + s]);
    for (std::size_t i = 0; i + 1 < points; ++i)
      for (std::size_t to = 0; to < states; ++to) {
        if (!is(to, "placement")) continue;
        placements += static_cast<double>(entries[i * states + to]);
        for (std::size_t from = 0; from < states; ++from)
          if (is(from, "support")) placements += static_cast<double>(transitions[(i * states + from) * states + to]);
      }
    for (std::int64_t b : breakdowns) broken += static_cast<double>(b);
    for (double c : costs) cost += c;
    for (double c : discounted) cost_discounted += c;
    EXPECT_EQ(figures[0].values[r], placed);
    EXPECT_EQ(figures[1].values[r], placements);
    EXPECT_EQ(figures[2].values[r], broken);
    EXPECT_NEAR(figures[3].values[r], cost, 1e-6 * cost);
    EXPECT_NEAR(figures[4].values[r], cost_discounted, 1e-6 * cost);
    EXPECT_GT(placed, 0);
    EXPECT_GT(placements, 0);
    EXPECT_GT(cost, cost_discounted);
  }
}

TEST(SweepFigures, AnAnalyticResultHasNoReplicatesToCompare) {
  models::RunResult analytic;
  EXPECT_THROW(horizon_figures(analytic), OutputError);
}

}  // namespace
}  // namespace carecast::output
