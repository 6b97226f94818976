// Paired comparison under common random numbers:
//  - an intervention with no effect and no cost gives a difference of exactly zero in every
//    figure of every replicate;
//  - for family support for 12-17-year-olds against the baseline, the paired interval of the
//    10-year cumulative net cost is at least 5 times narrower than the interval of the same
//    difference between two independent runs (different seeds);
//  - the payback year is the first year from which the cumulative net cost stays at or below 0;
//  - on two runs written by hand (docs/model.md, 'Paired comparison'): a difference is the
//    alternative minus the base, replicate by replicate; the cost categories are the union of
//    both runs', a category one run lacks counting 0 there; the cumulative net cost sums the
//    yearly differences in `cost`, and its discounted twin those in `cost_discounted`; the net
//    present value is minus the last cumulative discounted net cost; the payback year (per
//    replicate and of the mean path) and the share paying back follow the discounted path.
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
  base.simulation.span = null.simulation.span = std::chrono::years{4};
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
  // Nothing spent, nothing saved: no year differs from the base's, so none pays back.
  for (double year : c.find("payback_year")->values) EXPECT_EQ(year, 0.0);
  EXPECT_EQ(c.mean_payback_year, std::nullopt);
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

// A programme from the second year, in a replicate where it never costs more than it saves,
// was said to pay back in the first year, before it started.
TEST(PairedComparison, NoYearBeforeTheAlternativeFirstDiffersPaysBack) {
  EXPECT_EQ(payback_year({0, -1, -2}), std::optional<std::size_t>(2));
  EXPECT_EQ(payback_year({0, 0, 3, -1}), std::optional<std::size_t>(4));
  EXPECT_EQ(payback_year({0, 0, 0}), std::nullopt);
  EXPECT_EQ(payback_year({0, 2, 2, -1}), std::optional<std::size_t>(4));
}

// Two runs by hand: 2 replicates, 3 simulated years, money in whole units. The base pays for
// adoptions, a category the alternative lacks; the alternative pays for family support, which
// the base lacks, and lists its categories in another order. `cost_discounted` is what a run
// with a discount rate of 100 % gives, cost[k] / 2^k (k = 0 for the first year), so that every
// figure below is exact in binary. The base also has school changes, which the alternative lacks.
Metric per_replicate(std::string name, std::vector<std::string> dimensions, std::vector<std::size_t> shape,
                     std::vector<double> values) {
  return Metric{std::move(name), std::move(dimensions), std::move(shape), std::move(values), 2};
}

ScenarioMetrics hand_made(std::vector<std::string> categories, std::vector<Metric> metrics) {
  return ScenarioMetrics{std::move(metrics), {"2025-01-01", "2026-01-01", "2027-01-01"}, {"foster"},
                         std::move(categories)};
}

ScenarioMetrics hand_made_base() {
  return hand_made({"care:foster", "care:adopted", "one_off:entry"},
                   {per_replicate("breakdowns", {"year"}, {3}, {5, 6, 7, /**/ 4, 4, 4}),
                    per_replicate("school_changes", {"year"}, {3}, {1, 1, 1, /**/ 2, 2, 2}),
                    per_replicate("cost", {"year"}, {3}, {13, 13, 13, /**/ 14, 14, 18}),
                    per_replicate("cost_discounted", {"year"}, {3}, {13, 6.5, 3.25, /**/ 14, 7, 4.5}),
                    per_replicate("cost_by_category", {"year", "category"}, {3, 3},
                                  {10, 2, 1, 10, 2, 1, 10, 2, 1, /**/ 12, 0, 2, 12, 0, 2, 12, 4, 2})});
}

ScenarioMetrics hand_made_alternative() {
  return hand_made({"care:foster", "one_off:entry", "intervention:family_support"},
                   {per_replicate("breakdowns", {"year"}, {3}, {5, 3, 2, /**/ 6, 4, 1}),
                    per_replicate("cost", {"year"}, {3}, {15, 9, 9, /**/ 13, 18, 15}),
                    per_replicate("cost_discounted", {"year"}, {3}, {15, 4.5, 2.25, /**/ 13, 9, 3.75}),
                    per_replicate("cost_by_category", {"year", "category"}, {3, 3},
                                  {10, 1, 4, 6, 1, 2, 6, 1, 2, /**/ 11, 0, 2, 12, 4, 2, 12, 1, 2})});
}

PairedComparison hand_made_comparison() {
  return compare_paired(hand_made_base(), hand_made_alternative(), "base", "support");
}

std::vector<double> values_of(const PairedComparison& c, const std::string& name) {
  const Metric* m = c.find(name);
  if (!m) ADD_FAILURE() << "no figure '" << name << "'";
  return m ? m->values : std::vector<double>{};
}

TEST(PairedComparison, ADifferenceIsTheAlternativeMinusTheBaseInTheSameReplicate) {
  PairedComparison c = hand_made_comparison();
  EXPECT_EQ(c.base, "base");
  EXPECT_EQ(c.alternative, "support");
  // breakdowns: r0 5−5, 3−6, 2−7; r1 6−4, 4−4, 1−4.
  EXPECT_EQ(values_of(c, "breakdowns"), (std::vector<double>{0, -3, -5, /**/ 2, 0, -3}));
  // cost: r0 15−13, 9−13, 9−13; r1 13−14, 18−14, 15−18. Negative: the alternative saves.
  EXPECT_EQ(values_of(c, "cost"), (std::vector<double>{2, -4, -4, /**/ -1, 4, -3}));
  // cost_discounted: r0 15−13, 4.5−6.5, 2.25−3.25; r1 13−14, 9−7, 3.75−4.5.
  EXPECT_EQ(values_of(c, "cost_discounted"), (std::vector<double>{2, -2, -1, /**/ -1, 2, -0.75}));
  // Only the base has school changes: a difference needs both, so there is none.
  EXPECT_EQ(c.find("school_changes"), nullptr);
}

TEST(PairedComparison, CostCategoriesAreTheUnionOfBothRunsAndCountZeroWhereARunLacksOne) {
  PairedComparison c = hand_made_comparison();
  // The base's categories in its order, then the alternative's the base lacks.
  EXPECT_EQ(c.categories,
            (std::vector<std::string>{"care:foster", "care:adopted", "one_off:entry", "intervention:family_support"}));
  const Metric* by_category = c.find("cost_by_category");
  ASSERT_NE(by_category, nullptr);
  EXPECT_EQ(by_category->shape, (std::vector<std::size_t>{3, 4}));
  // Per year: foster alt − base; adopted 0 − base (the alternative has none); entry alt − base,
  // read from the alternative's second column and the base's third; family support alt − 0.
  EXPECT_EQ(by_category->values, (std::vector<double>{0, -2, 0, 4,     // r0, year 1: 10−10, 0−2, 1−1, 4−0
                                                      -4, -2, 0, 2,    //     year 2: 6−10, 0−2, 1−1, 2−0
                                                      -4, -2, 0, 2,    //     year 3: the same
                                                      -1, 0, -2, 2,    // r1, year 1: 11−12, 0−0, 0−2, 2−0
                                                      0, 0, 2, 2,      //     year 2: 12−12, 0−0, 4−2, 2−0
                                                      0, -4, -1, 2}));  //    year 3: 12−12, 0−4, 1−2, 2−0
}

TEST(PairedComparison, CumulativeNetCostSumsTheYearlyDifferencesFromTheFirstYear) {
  PairedComparison c = hand_made_comparison();
  // Nominal: r0 2, 2−4, 2−4−4; r1 −1, −1+4, −1+4−3.
  EXPECT_EQ(values_of(c, "cumulative_net_cost"), (std::vector<double>{2, -2, -6, /**/ -1, 3, 0}));
  // Discounted: r0 2, 2−2, 2−2−1; r1 −1, −1+2, −1+2−0.75.
  EXPECT_EQ(values_of(c, "cumulative_net_cost_discounted"), (std::vector<double>{2, 0, -1, /**/ -1, 1, 0.25}));
}

TEST(PairedComparison, NetPresentValueIsMinusTheCumulativeDiscountedNetCostOfTheLastYear) {
  PairedComparison c = hand_made_comparison();
  // r0 saves 1 over the horizon once discounted; r1 costs 0.25 more (although its nominal
  // cumulative net cost ends at 0: its savings come late and are discounted more).
  EXPECT_EQ(values_of(c, "net_present_value"), (std::vector<double>{1, -0.25}));
}

TEST(PairedComparison, PaybackFollowsTheCumulativeDiscountedNetCostPerReplicateAndOfTheMean) {
  PairedComparison c = hand_made_comparison();
  // r0 (2, 0, −1): at or below 0 from year 2 on, 0 included. r1 (−1, 1, 0.25): below 0 in year 1
  // but above 0 at the horizon, so none (0); nominally (−1, 3, 0) it would pay back in year 3.
  EXPECT_EQ(values_of(c, "payback_year"), (std::vector<double>{2, 0}));
  EXPECT_EQ(c.share_paying_back, 0.5);
  // The mean path ((2−1)/2, (0+1)/2, (−1+0.25)/2) = (0.5, 0.5, −0.375) pays back in year 3,
  // later than either replicate's own figure (2 and none).
  EXPECT_EQ(c.mean_payback_year, std::optional<std::size_t>(3));
}

TEST(PairedComparison, RefusesRunsOfOtherYears) {
  models::Scenario base = models::read_scenario(scenarios() / "baseline.yaml");
  models::Scenario shorter = base;
  base.simulation.span = std::chrono::years{3};
  shorter.simulation.span = std::chrono::years{2};
  EXPECT_THROW(compare_paired(run(base, 2, 1), run(shorter, 2, 1), "base", "shorter"), OutputError);
}

}  // namespace
}  // namespace carecast::output
