// Demography drives entries: doubling the population (the population section's scale) doubles
// the expected entries of every age group on every day exactly, and the simulated entries
// double within Monte Carlo error.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "engine/communicator.hpp"
#include "models/model_builder.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

/// The baseline, without the foster-carer pool, with its population scaled by `scale`.
Scenario baseline_with_population_scale(const std::filesystem::path& folder, double scale) {
  std::filesystem::path file = folder / ("scaled-" + std::to_string(scale) + ".yaml");
  std::ofstream(file) << "extends: " << (test_support::scenarios_dir() / "baseline.yaml").string() << "\n"
                      << "foster_carers: ~\n"
                      << "population:\n  table: "
                      << (test_support::scenarios_dir() / "data" / "dk_municipality_population.csv").string()
                      << "\n  scale: " << scale << "\n";
  Scenario s = read_scenario(file);
  s.simulation.span = std::chrono::years{5};
  return s;
}

std::vector<double> total_entries(const RunResult& result) {
  std::vector<double> totals;
  for (const engine::Tally& tally : result.replicates) {
    double n = 0.0;
    for (std::int64_t v : tally.counts(result.layout->count_handle("entries"))) n += static_cast<double>(v);
    totals.push_back(n);
  }
  return totals;
}

TEST(PopulationScaling, DoublingThePopulationDoublesExpectedAndSimulatedEntries) {
  test_support::ScratchFolder folder;
  Scenario single = baseline_with_population_scale(folder.path(), 1.0);
  Scenario twice = baseline_with_population_scale(folder.path(), 2.0);
  CompiledScenario a = compile_scenario(single), b = compile_scenario(twice);
  ASSERT_EQ(a.arrivals.groups().size(), b.arrivals.groups().size());
  for (std::size_t g = 0; g < a.arrivals.groups().size(); ++g)
    for (long day = -3650; day < 1826; day += 91)
      EXPECT_DOUBLE_EQ(b.arrivals.expected_on_day(g, day), 2.0 * a.arrivals.expected_on_day(g, day));

  RunOptions options;
  options.replicates = 40;
  engine::SingleProcess process;
  std::vector<double> x = total_entries(simulate(single, options, process));
  std::vector<double> y = total_entries(simulate(twice, options, process));
  // Both runs draw each day's count from the same (day, group) stream, so x and y are correlated:
  // the standard error comes from the spread of the paired differences y - 2x, not from Poisson
  // variances that assume independence.
  double mean_x = 0, mean_d = 0;
  std::vector<double> d(x.size());
  for (std::size_t r = 0; r < x.size(); ++r) {
    d[r] = y[r] - 2.0 * x[r];
    mean_x += x[r] / x.size(), mean_d += d[r] / d.size();
  }
  double ss = 0.0;
  for (double v : d) ss += (v - mean_d) * (v - mean_d);
  double se = std::sqrt(ss / static_cast<double>(d.size() - 1) / static_cast<double>(d.size()));
  EXPECT_GT(mean_x, 200.0);
  EXPECT_GT(se, 0.0) << "the two runs are not identical";
  EXPECT_NEAR(mean_d, 0.0, 4.0 * se);
}

}  // namespace
}  // namespace carecast::models
