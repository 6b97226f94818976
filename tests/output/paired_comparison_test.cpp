// Paired comparison under common random numbers:
//  - an intervention with no effect and no cost gives a difference of exactly zero in every
//    figure of every replicate;
//  - for family support for 12-17-year-olds against the baseline, the paired interval of the
//    10-year cumulative net cost is at least 5 times narrower than the interval of the same
//    difference between two independent runs (different seeds);
//  - the payback year is the first year from which the cumulative net cost stays at or below 0.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "engine/communicator.hpp"
#include "engine/replicate_statistics.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "output/output_error.hpp"
#include "output/paired_comparison.hpp"

namespace carecast::output {
namespace {

std::filesystem::path scenarios() { return std::filesystem::path(CARECAST_SOURCE_DIR) / "scenarios"; }

ScenarioMetrics run(const models::Scenario& scenario, std::size_t replicates, std::uint64_t seed) {
  models::RunOptions options;
  options.replicates = replicates;
  options.seed = seed;
  options.seed_given = true;
  engine::SingleProcess process;
  return scenario_metrics(models::simulate(scenario, options, process));
}

TEST(PairedComparison, AnInterventionWithZeroEffectAndZeroCostChangesNothing) {
  models::Scenario base = models::read_scenario(scenarios() / "baseline.yaml");
  models::Scenario null = models::read_scenario(scenarios() / "family-support-12-17.yaml");
  base.simulation.years = null.simulation.years = 4;
  models::InterventionSpec& support = null.interventions.list[0];
  support.uptake = models::UncertainValue::fixed(1.0);
  support.entry_rate->multiplier = models::UncertainValue::fixed(1.0);
  support.cost = {};
  support.hazards.push_back({std::nullopt, models::HazardScope::all, models::UncertainValue::fixed(1.0)});
  PairedComparison c = compare_paired(run(base, 8, 5), run(null, 8, 5), "base", "null");
  ASSERT_GE(c.differences.size(), 10u);
  for (const Metric& m : c.differences) {
    if (m.name == "payback_year") continue;  // not a difference: see below
    for (double v : m.values) ASSERT_EQ(v, 0.0) << m.name;
  }
  // Nothing spent, nothing saved: the cumulative net cost is 0, at or below 0 from the first year.
  for (double year : c.find("payback_year")->values) EXPECT_EQ(year, 1.0);
  EXPECT_EQ(c.mean_payback_year, std::optional<std::size_t>(1));
}

double interval_width(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return engine::quantile_of_sorted(values, 0.95) - engine::quantile_of_sorted(values, 0.05);
}

TEST(PairedComparison, CommonRandomNumbersNarrowTheIntervalOfTheCumulativeNetCost) {
  models::Scenario base = models::read_scenario(scenarios() / "baseline.yaml");
  models::Scenario support = models::read_scenario(scenarios() / "family-support-12-17.yaml");
  constexpr std::size_t replicates = 100;
  ScenarioMetrics b = run(base, replicates, 11), paired = run(support, replicates, 11);
  ScenarioMetrics independent = run(support, replicates, 12);
  auto last_year_of = [](const PairedComparison& c) {
    const Metric& m = *c.find("cumulative_net_cost");
    std::vector<double> last;
    for (std::size_t r = 0; r < m.replicates; ++r) last.push_back(m.values[r * m.cells() + m.cells() - 1]);
    return last;
  };
  double narrow = interval_width(last_year_of(compare_paired(b, paired, "base", "support")));
  double wide = interval_width(last_year_of(compare_paired(b, independent, "base", "support")));
  RecordProperty("paired_width", std::to_string(narrow));
  RecordProperty("independent_width", std::to_string(wide));
  EXPECT_GT(narrow, 0.0);
  EXPECT_GE(wide / narrow, 5.0) << "paired " << narrow << ", independent " << wide;
}

TEST(PairedComparison, PaybackIsTheFirstYearFromWhichTheCumulativeNetCostStaysAtOrBelowZero) {
  EXPECT_EQ(payback_year({5, 3, -1, -4}), std::optional<std::size_t>(3));
  EXPECT_EQ(payback_year({5, -1, 2, -4}), std::optional<std::size_t>(4));
  EXPECT_EQ(payback_year({-1, -2}), std::optional<std::size_t>(1));
  EXPECT_EQ(payback_year({1, 2, 0.5}), std::nullopt);
}

TEST(PairedComparison, RefusesRunsOfOtherYears) {
  models::Scenario base = models::read_scenario(scenarios() / "baseline.yaml");
  models::Scenario shorter = base;
  base.simulation.years = 3;
  shorter.simulation.years = 2;
  EXPECT_THROW(compare_paired(run(base, 2, 1), run(shorter, 2, 1), "base", "shorter"), OutputError);
}

}  // namespace
}  // namespace carecast::output
