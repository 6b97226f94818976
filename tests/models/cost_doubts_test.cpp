// doubts_about_costs: costs that are valid but look mistaken become located warnings (the
// scenario is still read): a price index that falls, a daily cost a hundred times the median of
// the other states' or a hundredth of it. The shipped scenarios raise none.
#include "models/scenario/cost_doubts.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::scenarios_dir;
using test_support::ScratchFolder;

class CostDoubts : public ::testing::Test {
 protected:
  ScratchFolder scratch;

  /// The baseline, with `costs` (from the second line on) over its costs section.
  Scenario with_costs(const std::string& costs) {
    return read_scenario(
        scratch.write("doubt.yaml", "extends: " + (scenarios_dir() / "baseline.yaml").string() + "\ncosts:\n" + costs));
  }
};

TEST_F(CostDoubts, TheShippedScenariosRaiseNone) {
  for (const char* name : {"baseline.yaml", "england-la.yaml", "family-support-12-17.yaml", "caseload-norm-25.yaml"})
    EXPECT_TRUE(read_scenario(scenarios_dir() / name).warnings.empty()) << name;
}

TEST_F(CostDoubts, AYearlyAmountUnderPerDayIsDoubtedAtItsKey) {
  Scenario scenario = with_costs("  per_year: {institution: ~}\n  per_day: {institution: 1160000}\n");
  ASSERT_EQ(scenario.warnings.size(), 1u);
  const InputError& warning = scenario.warnings.front();
  EXPECT_EQ(warning.key_path(), "costs.per_day.institution");
  EXPECT_EQ(warning.where().line, 4);
  EXPECT_NE(warning.problem().find("was a yearly amount given under per_day?"), std::string::npos) << warning.what();
}

TEST_F(CostDoubts, ADailyAmountUnderPerYearIsDoubtedAndAFactorOfTenIsNot) {
  Scenario daily = with_costs("  per_year: {foster: 1286}\n");
  ASSERT_EQ(daily.warnings.size(), 1u);
  EXPECT_EQ(daily.warnings.front().key_path(), "costs.per_year.foster");
  EXPECT_NE(daily.warnings.front().problem().find("was a daily amount given under per_year?"), std::string::npos);
  // 47,000 a year is a tenth of the baseline's foster care: cheap, but not a unit typed wrong.
  EXPECT_TRUE(with_costs("  per_year: {foster: 47000}\n").warnings.empty());
}

TEST_F(CostDoubts, AFallingPriceIndexIsDoubtedOnceAtTheFirstFall) {
  scratch.write("drop-costs.yaml", "costs: ~\n");
  std::string index = "{2019: 100";  // rising a point a year, but for 2022 (and 2023 as typed, twice)
  for (int year = 2020; year <= 2034; ++year)
    index += fmt::format(", {}: {}", year, year == 2022 ? 100.5 : year == 2023 ? 100.25 : 100.0 + (year - 2019));
  Scenario scenario = read_scenario(scratch.write(
      "index.yaml", "extends: " + (scenarios_dir() / "baseline.yaml").string() +
                        "\ninclude: drop-costs.yaml\ncosts:\n  price_year: 2019\n  per_year: {foster: 470000, "
                        "institution: 1160000, family_support: 150000}\n  price_index: " + index + "}\n"));
  ASSERT_EQ(scenario.warnings.size(), 1u) << (scenario.warnings.size() > 1 ? scenario.warnings[1].what() : "");
  const InputError& warning = scenario.warnings.front();
  EXPECT_EQ(warning.key_path(), "costs.price_index.2022");
  EXPECT_EQ(warning.where().line, 6);
  EXPECT_NE(warning.problem().find("falls from 102 in 2021 to 100.5 in 2022"), std::string::npos) << warning.what();
}

}  // namespace
}  // namespace carecast::models
