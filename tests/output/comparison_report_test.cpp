// The printed comparison: money that rounds to zero reads 0.0, never -0.0 (in the yearly cost
// and cumulative net cost, and in the net present value), while a difference that does not
// round to zero keeps its sign.
#include "output/comparison_report.hpp"

#include <gtest/gtest.h>

#include "output/fixed_decimals.hpp"
#include "output/paired_comparison.hpp"

namespace carecast::output {
namespace {

Metric yearly(std::string name, std::vector<double> values) {
  return Metric{std::move(name), {"year"}, {2}, std::move(values), 2};
}

/// Two replicates, two years, costs in whole currency units.
ScenarioMetrics by_hand(std::vector<double> cost) {
  return ScenarioMetrics{{yearly("breakdowns", {1, 1, 1, 1}), yearly("cost", cost), yearly("cost_discounted", cost)},
                         {"2025-01-01", "2026-01-01"},
                         {"foster"},
                         {}};
}

std::string line_starting(const std::string& text, const std::string& start) {
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    std::string line = text.substr(at, end - at);
    if (line.rfind(start, 0) == 0) return line;
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return "(none)";
}

TEST(ComparisonReport, MoneyThatRoundsToZeroReadsZeroNotMinusZero) {
  // Year 1: the alternative costs 30,000 less in replicate 0 and 10,000 more in replicate 1
  // (mean -0.01 m); year 2: 2,000,000 less in both (-2.0 m), which keeps its sign.
  ScenarioMetrics base = by_hand({5e6, 5e6, /**/ 5e6, 5e6});
  ScenarioMetrics alternative = by_hand({5e6 - 30000, 3e6, /**/ 5e6 + 10000, 3e6});
  ComparisonResult result;
  result.scenarios = {{"base", {}, "none", base}, {"alt", {}, "none", alternative}};
  result.comparisons = {compare_paired(base, alternative, "base", "alt")};
  result.run.replicates = 2;
  std::string text = format_comparison(result, "DKK");
  EXPECT_EQ(text.find("-0.0"), std::string::npos) << text;
  std::string first = line_starting(text, "2025-01-01");
  EXPECT_NE(first.find("0.0 (0.0 to 0.0)"), std::string::npos) << first;
  EXPECT_NE(line_starting(text, "2026-01-01").find("-2.0 (-2.0 to -2.0)"), std::string::npos) << text;
  EXPECT_NE(text.find("DKK 2.0 m"), std::string::npos) << text;
}

/// by_hand with a cost by category: care only, or care and an intervention of 1 a year.
ScenarioMetrics with_categories(std::vector<double> cost, bool intervention) {
  ScenarioMetrics metrics = by_hand(cost);
  metrics.categories = {"care:foster", "intervention:team"};
  std::vector<double> by_category;
  for (double c : cost) by_category.insert(by_category.end(), {c, intervention ? 1.0 : 0.0});
  metrics.metrics.push_back(Metric{"cost_by_category", {"year", "category"}, {2, 2}, by_category, 2});
  return metrics;
}

TEST(ComparisonReport, PaybackGivesItsDateAndALeverWithoutCostOfItsOwnIsSaidToBeSo) {
  ScenarioMetrics base = with_categories({5e6, 5e6, /**/ 5e6, 5e6}, false);
  for (bool intervention : {false, true}) {
    ScenarioMetrics alternative = with_categories({5e6, 3e6, /**/ 5e6, 3e6}, intervention);
    ComparisonResult result;
    result.scenarios = {{"base", {}, "none", base}, {"alt", {}, "none", alternative}};
    result.comparisons = {compare_paired(base, alternative, "base", "alt")};
    result.run.replicates = 2;
    std::string text = format_comparison(result, "DKK");
    // Nothing differs in the first year: the payback year is the second, when the saving begins.
    EXPECT_NE(text.find("year 2 of the horizon (from 2026-01-01)"), std::string::npos) << text;
    EXPECT_NE(text.find("the same, discounted"), std::string::npos) << text;
    EXPECT_EQ(text.find("Its interventions cost what the base's cost") != std::string::npos, !intervention) << text;
  }
}

TEST(FixedDecimals, DropsTheMinusOfARoundedZeroOnly) {
  EXPECT_EQ(fixed_decimals(-0.04, 1), "0.0");
  EXPECT_EQ(fixed_decimals(-0.0, 1), "0.0");
  EXPECT_EQ(fixed_decimals(-0.4, 0), "0");
  EXPECT_EQ(fixed_decimals(-0.06, 1), "-0.1");
  EXPECT_EQ(fixed_decimals(-12.0, 1), "-12.0");
  EXPECT_EQ(fixed_decimals(0.04, 1), "0.0");
  EXPECT_EQ(fixed_decimals(3.25, 2), "3.25");
}

}  // namespace
}  // namespace carecast::output
