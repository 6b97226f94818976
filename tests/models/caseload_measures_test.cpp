// Caseload, checked independently: at every grid point FTE needed equals the weighted open
// cases divided by that year's norm, caseload per worker the weighted cases divided by that
// year's staffing, and the months above the norm are counted from those.
#include <gtest/gtest.h>

#include "engine/communicator.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

TEST(CaseloadMeasures, FteNeededIsWeightedOpenCasesOverTheNormAtEveryGridPoint) {
  Scenario scenario = read_scenario(test_support::scenarios_dir() / "caseload-norm-25.yaml");
  scenario.simulation.span = std::chrono::years{3};
  scenario.caseload.weights[static_cast<std::size_t>(scenario.state_index("institution"))] = 1.5;
  scenario.caseload.norm = YearTable(std::map<int, double>{{2025, 30.0}, {2027, 25.0}});
  RunOptions options;
  options.replicates = 5;
  engine::SingleProcess single;
  RunResult result = simulate(scenario, options, single);
  const auto& layout = *result.layout;
  std::size_t states = scenario.states.size();
  for (const engine::Tally& tally : result.replicates) {
    auto stock = tally.counts(layout.count_handle("stock"));
    auto fte = tally.sums(layout.sum_handle("fte_needed"));
    auto per_worker = tally.sums(layout.sum_handle("caseload_per_worker"));
    auto above = tally.sums(layout.sum_handle("months_above_norm"));
    std::vector<double> months(3, 0.0);
    for (std::size_t t = 0; t < result.grid_dates.size(); ++t) {
      double weighted = 0.0;
      for (std::size_t s = 0; s < states; ++s)
        if (!scenario.is_exit(static_cast<int>(s)))
          weighted += scenario.caseload.weights[s] * static_cast<double>(stock[t * states + s]);
      int year = std::stoi(result.grid_dates[t].substr(0, 4));
      double norm = year >= 2027 ? 25.0 : 30.0, staff = year >= 2026 ? 10.0 : 8.0;
      EXPECT_DOUBLE_EQ(fte[t], weighted / norm) << result.grid_dates[t];
      EXPECT_DOUBLE_EQ(per_worker[t], weighted / staff) << result.grid_dates[t];
      if (t + 1 < result.grid_dates.size() && weighted / staff > norm) months[t / 12] += 1;
    }
    for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(above[k], months[k]) << "year " << k;
    EXPECT_GT(fte[0], 5.0) << "the baseline municipality has some 250 open cases";
  }
}

}  // namespace
}  // namespace carecast::models
