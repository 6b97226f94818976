// check_comparable: an alternative must have the base's horizon, non-exit states and money.
// Each difference is refused at the alternative's key (the file and line where it was written,
// even through extends), naming the key path and both values and where the base writes its
// value; scenarios that differ in what they simulate or in what care costs, but count money
// alike, are accepted, including one that gives the same price index by another key.
#include "models/scenario/comparison_checks.hpp"

#include <gtest/gtest.h>
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <string>

#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

namespace fs = std::filesystem;
using test_support::input_error_of;
using test_support::scenarios_dir;
using test_support::ScratchFolder;

class ComparisonChecks : public ::testing::Test {
 protected:
  ScratchFolder scratch;
  Scenario base = read_scenario(scenarios_dir() / "baseline.yaml");

  /// A scenario that extends the baseline with `body` (from its second line on).
  Scenario alternative(const std::string& name, const std::string& body) {
    return read_scenario(
        scratch.write(name, "extends: " + (scenarios_dir() / "baseline.yaml").string() + "\n" + body));
  }

  /// The error comparing `alt` with the baseline; fails the test if there is none.
  InputError refusal(const Scenario& alt) {
    auto error = input_error_of([&] { check_comparable(base, alt); });
    if (!error) {
      ADD_FAILURE() << "'" << alt.path << "' was accepted";
      return InputError({}, "", "");
    }
    return *error;
  }

  /// The line of the baseline that starts with `start` (after its indentation), 1-based.
  static int baseline_line(const std::string& start) {
    std::ifstream in(scenarios_dir() / "baseline.yaml");
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      if (line.find_first_not_of(' ') != std::string::npos && line.substr(line.find_first_not_of(' ')).rfind(start, 0) == 0)
        return number;
    }
    return 0;
  }
};

void expect_holds(const InputError& error, const std::vector<std::string>& parts) {
  for (const std::string& part : parts)
    EXPECT_NE(std::string(error.what()).find(part), std::string::npos) << "'" << part << "' in " << error.what();
}

TEST_F(ComparisonChecks, RefusesAnotherDiscountRateAtItsKeyWithBothValues) {
  Scenario alt = alternative("disc10.yaml", "name: Baseline at 10 % discount\ncosts: {discount_rate: 0.10}\n");
  InputError error = refusal(alt);
  EXPECT_EQ(error.key_path(), "costs.discount_rate");
  EXPECT_EQ(error.where().file, alt.path);
  EXPECT_EQ(error.where().line, 3);
  std::string base_at = fmt::format("baseline.yaml:{}:", baseline_line("discount_rate:"));
  expect_holds(error, {"0.1 here", "but 0.035 in the base scenario", base_at, "same money", "discount rate"});
}

TEST_F(ComparisonChecks, RefusesAnotherPriceYearCurrencyOrPriceGrowth) {
  struct Case {
    const char* body;
    const char* key;
    std::vector<std::string> parts;
  };
  for (const Case& c : {Case{"costs: {price_year: 2025}\n", "costs.price_year", {"2025 here", "but 2019 in the base"}},
                        Case{"costs: {currency: EUR}\n", "costs.currency", {"'EUR' here", "but 'DKK' in the base"}},
                        Case{"costs: {price_growth_per_year: 0.03}\n", "costs.price_growth_per_year",
                             {"prices of 2025 at 1.19405 times those of the price year 2019 here",
                              "but prices of 2025 at 1.12616 times those of the price year 2019 in the base"}}}) {
    InputError error = refusal(alternative("alt.yaml", c.body));
    EXPECT_EQ(error.key_path(), c.key) << c.body;
    EXPECT_EQ(error.where().line, 2) << c.body;
    expect_holds(error, c.parts);
  }
}

TEST_F(ComparisonChecks, RefusesAScenarioWithoutCostsAgainstOneWithThem) {
  InputError error = refusal(alternative("nocost.yaml", "costs: ~\n"));
  EXPECT_EQ(error.key_path(), "costs");
  EXPECT_EQ(error.where().line, 2);
  expect_holds(error, {"no costs section here", "but a costs section in the base scenario"});
}

TEST_F(ComparisonChecks, RefusesAnotherHorizonNamingTheKeyAndBothValues) {
  struct Case {
    const char* body;
    const char* key;
    std::vector<std::string> parts;
  };
  for (const Case& c :
       {Case{"simulation: {start: 2025-01-01, years: 5, grid: monthly}\n", "simulation.years",
             {"5 years (to 2030-01-01) here", "but 10 years (to 2035-01-01) in the base scenario", "the same start date, horizon (years or end), grid and reporting years"}},
        Case{"simulation: {start: 2025-07-01, years: 10}\n", "simulation.start", {"2025-07-01 here", "but 2025-01-01"}},
        Case{"simulation: {start: 2025-01-01, years: ~, end: 2034-07-01}\n", "simulation.end",
             {"ending on 2034-07-01 here", "but 10 years (to 2035-01-01) in the base scenario"}},
        Case{"simulation: {start: 2025-01-01, years: 10, grid: quarterly}\n", "simulation.grid",
             {"quarterly here", "but monthly in the base"}}}) {
    InputError error = refusal(alternative("short.yaml", c.body));
    EXPECT_EQ(error.key_path(), c.key) << c.body;
    EXPECT_EQ(error.where().line, 2) << c.body;
    EXPECT_GT(error.where().column, 0) << c.body;
  }
}

// Caseworkers costed in one scenario only: the "saving" was their whole cost (a review found an
// NPV of DKK 49 m between two scenarios that differed in that line alone). Parameter uncertainty
// in one only: the differences would be the drawn rates'.
TEST_F(ComparisonChecks, RefusesCaseworkersCostedOrRatesDrawnInOneScenarioOnly) {
  InputError staff = refusal(alternative("staff.yaml", "costs: {caseworker_per_year: 600000}\n"));
  EXPECT_EQ(staff.key_path(), "costs.caseworker_per_year");
  expect_holds(staff, {"caseworkers costed here", "but caseworkers not costed in the base"});
  Scenario pay_rise_base = alternative("staff2.yaml", "costs: {caseworker_per_year: 600000}\n");
  EXPECT_NO_THROW(check_comparable(pay_rise_base, alternative("rise.yaml", "costs: {caseworker_per_year: 650000}\n")));
  InputError drawn = refusal(alternative("drawn.yaml", "simulation: {parameter_uncertainty: true}\n"));
  EXPECT_EQ(drawn.key_path(), "simulation.parameter_uncertainty");
  expect_holds(drawn, {"parameter uncertainty on here", "mostly the drawn rates'"});
}

TEST_F(ComparisonChecks, AcceptsTheBasesHorizonGivenAsAnEndDate) {
  EXPECT_NO_THROW(check_comparable(base, alternative("to-2035.yaml", "simulation: {years: ~, end: 2035-01-01}\n")));
}

TEST_F(ComparisonChecks, AKeyWrittenInAnotherFileNamesThatFileAndTheScenario) {
  alternative("disc10.yaml", "costs: {discount_rate: 0.10}\n");
  Scenario alt = read_scenario(scratch.write("outer.yaml", "extends: disc10.yaml\nname: outer\n"));
  InputError error = refusal(alt);
  EXPECT_EQ(fs::path(error.where().file).filename(), "disc10.yaml");
  EXPECT_EQ(error.where().line, 2);
  expect_holds(error, {"in the scenario '" + alt.path + "'"});
}

TEST_F(ComparisonChecks, AcceptsScenariosThatDifferOnlyInWhatTheySimulateOrWhatCareCosts) {
  EXPECT_NO_THROW(check_comparable(base, base));
  EXPECT_NO_THROW(check_comparable(base, read_scenario(scenarios_dir() / "family-support-12-17.yaml")));
  EXPECT_NO_THROW(check_comparable(base, alternative("dearer.yaml", "costs: {per_year: {foster: 600000}}\n")));
}

TEST_F(ComparisonChecks, AcceptsTheSamePriceIndexGivenByAnotherKey) {
  // The baseline's prices grow by 2 % a year from 2019; the same as a table, over a dropped
  // costs section (an included file sets it to ~), with the baseline's other money. Then the
  // same table with 2030 dearer.
  scratch.write("drop-costs.yaml", "costs: ~\n");
  std::string table;
  for (int year = 2019; year <= 2034; ++year)
    table += fmt::format("{}{}: {}", table.empty() ? "" : ", ", year, 100.0 * std::pow(1.02, year - 2019));
  std::string costs = "costs:\n  currency: DKK\n  price_year: 2019\n  per_year: {foster: 470000}\n"
                      "  discount_rate: 0.035\n  price_index: {" + table + "}\n";
  Scenario same = alternative("table.yaml", "include: drop-costs.yaml\n" + costs);
  EXPECT_NO_THROW(check_comparable(base, same));

  Scenario dearer = alternative(
      "table2.yaml", "include: drop-costs.yaml\n" + costs.substr(0, costs.find("price_index")) + "price_index: {" +
                         table.substr(0, table.find("2030: ")) + "2030: 200" +
                         table.substr(table.find(", 2031:")) + "}\n");
  InputError error = refusal(dearer);
  EXPECT_EQ(error.key_path(), "costs.price_index");
  expect_holds(error, {"prices of 2030 at 2 times", "('costs.price_growth_per_year')"});
}

TEST_F(ComparisonChecks, RefusesOtherStatesNamingBoth) {
  Scenario england = read_scenario(scratch.write(
      "england.yaml", "extends: " + (scenarios_dir() / "england-la.yaml").string() +
                          "\nsimulation: {start: 2025-01-01, years: 10, grid: monthly, year_begins: 01-01}\n"));
  InputError error = refusal(england);
  EXPECT_EQ(error.key_path(), "states");
  expect_holds(error, {"the same states that are not exits", "kinship, foster, institution",
                       "in the scenario '" + england.path + "'"});
}

}  // namespace
}  // namespace carecast::models
