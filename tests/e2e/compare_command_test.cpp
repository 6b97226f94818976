// carecast compare: runs the base and the alternatives on the same seed, writes the comparison
// file (whose cumulative net cost is the running sum of the alternative's yearly cost minus the
// base's, as stored for each scenario in the same file) and prints the paired table; refuses an
// existing file without --force, and scenarios of other years, other states or other money
// (currency, price year, price index, discount rate) before running, leaving nothing behind.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "e2e_test_support.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"

namespace carecast::e2e {
namespace {

std::string scenario(const char* name) { return quoted((scenarios_dir() / name).string()); }

/// cost_by_category [replicate, year, category] of a scenario group, summed over its own
/// categories: the yearly cost [replicate, year].
output::hdf5::NdArray<double> yearly_cost(hid_t file, const std::string& scenario) {
  auto by_category =
      output::hdf5::read_number_dataset<double>(file, "/scenarios/" + scenario + "/replicates/cost_by_category");
  std::size_t categories = by_category.shape.at(2);
  output::hdf5::NdArray<double> cost{{}, {by_category.shape[0], by_category.shape[1]}};
  for (std::size_t cell = 0; cell < by_category.values.size(); cell += categories) {
    double total = 0.0;
    for (std::size_t c = 0; c < categories; ++c) total += by_category.values[cell + c];
    cost.values.push_back(total);
  }
  return cost;
}

/// The stored cumulative net cost of `alternative` is Σ_{j ≤ k} (cost_alternative[j] − cost_base[j]),
/// replicate by replicate, from the scenarios' own cost_by_category in the same file. Each
/// scenario has its own categories (each alternative adds its intervention), so each is summed
/// over its own. The tolerance is relative to the money on either side of the subtraction.
void expect_cumulative_net_cost(hid_t file, const std::string& base, const std::string& alternative) {
  auto base_cost = yearly_cost(file, base), alternative_cost = yearly_cost(file, alternative);
  std::string stored_path = "/comparisons/" + alternative + "/replicates/cumulative_net_cost";
  auto stored = output::hdf5::read_number_dataset<double>(file, stored_path);
  ASSERT_EQ(stored.shape, base_cost.shape) << alternative;
  ASSERT_EQ(alternative_cost.shape, base_cost.shape) << alternative;
  std::size_t replicates = stored.shape[0], years = stored.shape[1];
  for (std::size_t r = 0; r < replicates; ++r) {
    double net = 0.0, money = 0.0;
    for (std::size_t k = 0; k < years; ++k) {
      std::size_t i = r * years + k;
      net += alternative_cost.values[i] - base_cost.values[i];
      money += std::abs(alternative_cost.values[i]) + std::abs(base_cost.values[i]);
      EXPECT_NEAR(stored.values[i], net, 1e-9 * money) << alternative << ", replicate " << r << ", year " << k + 1;
    }
  }
}

TEST(CompareCommand, WritesPairedDifferencesAndPrintsTheTable) {
  TestFolder folder;
  std::string args = scenario("baseline.yaml") + " " + scenario("family-support-12-17.yaml") +
                     " " + scenario("kinship-first.yaml") + " -o fs.h5 -r 6 -t 2";
  CommandResult run = folder.carecast("compare " + args);
  ASSERT_EQ(run.status, 0) << run;
  EXPECT_NE(run.out.find("Family support for 12-17-year-olds minus Baseline"), std::string::npos) << run;
  EXPECT_NE(run.out.find("Net present value"), std::string::npos) << run;
  EXPECT_NE(run.out.find("Payback"), std::string::npos) << run;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"fs.h5"}));

  output::hdf5::File file = output::hdf5::open_file_read_only(folder.work() / "fs.h5");
  EXPECT_EQ(output::hdf5::read_string_attribute(file.get(), "kind"), "comparison");
  EXPECT_EQ(output::hdf5::read_number_attribute<std::uint64_t>(file.get(), "replicates"), 6u);
  for (const char* path : {"/comparisons/Family support for 12-17-year-olds/replicates/cumulative_net_cost",
                           "/comparisons/Kinship first/summary/net_present_value",
                           "/scenarios/Baseline - Danish municipality of ~100,000/replicates/cost_by_category",
                           "/axes/category", "/years/start"})
    EXPECT_TRUE(output::hdf5::exists(file.get(), path)) << path;
  auto years = output::hdf5::read_string_dataset(file.get(), "/years/start");
  EXPECT_EQ(years.size(), 10u);
  for (const char* alternative : {"Family support for 12-17-year-olds", "Kinship first"})
    expect_cumulative_net_cost(file.get(), "Baseline - Danish municipality of ~100,000", alternative);

  CommandResult again = folder.carecast("compare " + args);
  EXPECT_EQ(again.status, 2) << again;
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again;

  // summary prints the file's tables again, word for word after the first line.
  CommandResult summary = folder.carecast("summary fs.h5");
  ASSERT_EQ(summary.status, 0) << summary;
  auto after_first_line = [](const std::string& text) { return text.substr(text.find('\n') + 1); };
  EXPECT_EQ(after_first_line(summary.out), after_first_line(run.out));
  EXPECT_NE(summary.out.find("Comparison file fs.h5: 3 scenarios, seed"), std::string::npos) << summary;
  EXPECT_EQ(folder.carecast("summary fs.h5 --combination 1").status, 3);
}

// A sweep as the alternative: each combination is compared with the base, named by its values,
// with its own net present value and payback, and one table lists them all. A sweep as the base
// is refused.
TEST(CompareCommand, EachCombinationOfASweepIsAnAlternative) {
  TestFolder folder;
  std::ofstream(folder.work() / "two.yaml") << "extends: " << (scenarios_dir() / "family-support-12-17.yaml").string()
                                            << "\nsweep: {interventions.family_support_12_17.uptake: [0.2, 0.5]}\n";
  CommandResult run = folder.carecast("compare " + scenario("baseline.yaml") + " two.yaml -o c.h5 -r 4");
  ASSERT_EQ(run.status, 0) << run;
  for (const char* name : {"Family support for 12-17-year-olds [uptake = 0.2]", "Family support for 12-17-year-olds [uptake = 0.5]"}) {
    EXPECT_NE(run.out.find(std::string(name) + " minus Baseline"), std::string::npos) << name << run;
    std::size_t overview = run.out.find("Every alternative against Baseline");
    ASSERT_NE(overview, std::string::npos) << run;
    EXPECT_NE(run.out.find(name, overview), std::string::npos) << name << run;
  }
  output::hdf5::File file = output::hdf5::open_file_read_only(folder.work() / "c.h5");
  EXPECT_TRUE(output::hdf5::exists(file.get(), "/comparisons/Family support for 12-17-year-olds [uptake = 0.5]"));
  CommandResult base = folder.carecast("compare two.yaml " + scenario("baseline.yaml") + " -o d.h5 -r 4");
  EXPECT_EQ(base.status, 1) << base;
  EXPECT_NE(base.err.find("takes one as an alternative (each combination against the base), not as the base"),
            std::string::npos) << base;
}

TEST(CompareCommand, NeverWritesTheComparisonOverAScenarioItReads) {
  TestFolder folder;
  fs::copy_file(malformed_dir() / "valid_minimal.yaml", folder.work() / "base.yaml");
  fs::copy_file(malformed_dir() / "valid_minimal_population.csv", folder.work() / "valid_minimal_population.csv");
  std::string base = read_text(folder.work() / "base.yaml");
  for (const std::string& target : {std::string("base.yaml"), std::string("valid_minimal_population.csv")}) {
    CommandResult result = folder.carecast("compare base.yaml base.yaml -r 2 --force -o " + target);
    EXPECT_EQ(result.status, 3) << result;
    EXPECT_NE(result.err.find("is a file this command reads"), std::string::npos) << result;
  }
  EXPECT_TRUE(read_text(folder.work() / "base.yaml") == base) << "the scenario was changed";
  EXPECT_EQ(folder.files(), (std::set<std::string>{"base.yaml", "valid_minimal_population.csv"}))
      << joined(folder.files());
}

// A '/' in a scenario's name would make HDF5 look for a group inside a group: it is written '-'.
TEST(CompareCommand, AScenarioNameWithASlashIsWrittenWithADash) {
  TestFolder folder;
  fs::copy_file(malformed_dir() / "valid_minimal_population.csv", folder.work() / "valid_minimal_population.csv");
  std::string text = read_text(malformed_dir() / "valid_minimal.yaml");
  std::ofstream(folder.work() / "base.yaml") << text;
  std::string renamed = text;
  renamed.replace(renamed.find("name: Minimal"), std::string("name: Minimal").size(), "name: Kin/foster");
  std::ofstream(folder.work() / "slash.yaml") << renamed;
  CommandResult result = folder.carecast("compare base.yaml slash.yaml -r 2 -q -o c.h5");
  ASSERT_EQ(result.status, 0) << result;
  output::hdf5::File file = output::hdf5::open_file_read_only(folder.work() / "c.h5");
  EXPECT_TRUE(H5Lexists(file.get(), "/comparisons/Kin-foster", H5P_DEFAULT) > 0);
}

TEST(CompareCommand, RefusesScenariosOfOtherYearsBeforeRunning) {
  TestFolder folder;
  std::filesystem::path shorter = folder.work() / "../shorter.yaml";
  std::ofstream(shorter) << "extends: " << (scenarios_dir() / "baseline.yaml").string()
                         << "\nsimulation: {start: 2025-01-01, years: 5, grid: monthly, replicates: 4, seed: 1}\n";
  CommandResult run = folder.carecast("compare " + scenario("baseline.yaml") + " " + quoted(shorter.string()) + " -o c.h5");
  EXPECT_EQ(run.status, 1) << run;
  EXPECT_NE(run.err.find("invalid input: " + shorter.string() + ":2:"), std::string::npos) << run;
  EXPECT_NE(run.err.find("at 'simulation.years': 5 years (to 2030-01-01) here, but 10 years (to 2035-01-01) in the base scenario"), std::string::npos)
      << run;
  EXPECT_NE(run.err.find("the same start date, horizon (years or end), grid and reporting years"), std::string::npos) << run;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

// disc10.yaml of the audit: only the discount rate differs, so nothing is simulated differently,
// yet the base's money subtracted from the alternative's gave an NPV of DKK 361.6 m. So too for
// another price year, currency or price growth: each is refused before anything runs, at the
// alternative's key, with both values.
TEST(CompareCommand, RefusesScenariosThatCountMoneyOtherwiseBeforeRunning) {
  struct Case {
    const char* costs;
    const char* refused;
  };
  for (const Case& c : {Case{"{discount_rate: 0.10}", "at 'costs.discount_rate': 0.1 here, but 0.035 in the base"},
                        Case{"{price_year: 2025}", "at 'costs.price_year': 2025 here, but 2019 in the base"},
                        Case{"{currency: EUR}", "at 'costs.currency': 'EUR' here, but 'DKK' in the base"},
                        Case{"{price_growth_per_year: 0.03}", "at 'costs.price_growth_per_year': prices of 2025 at"}}) {
    TestFolder folder;
    std::filesystem::path other = folder.work() / "../other-money.yaml";
    std::ofstream(other) << "extends: " << (scenarios_dir() / "baseline.yaml").string()
                         << "\nname: Baseline in other money\ncosts: " << c.costs << "\n";
    CommandResult run =
        folder.carecast("compare " + scenario("baseline.yaml") + " " + quoted(other.string()) + " -o d10.h5 -r 10");
    EXPECT_EQ(run.status, 1) << run;
    EXPECT_NE(run.err.find("invalid input: " + other.string() + ":3:"), std::string::npos) << run;
    EXPECT_NE(run.err.find(c.refused), std::string::npos) << run;
    EXPECT_NE(run.err.find("baseline.yaml:"), std::string::npos) << "where the base writes it: " << run;
    EXPECT_NE(run.err.find("same money"), std::string::npos) << run;
    EXPECT_EQ(run.out.find("Net present value"), std::string::npos) << "nothing ran: " << run;
    EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
  }
}

TEST(CompareCommand, RefusesScenariosOfOtherStatesBeforeRunning) {
  TestFolder folder;
  std::filesystem::path england = folder.work() / "../england-from-2025.yaml";
  std::ofstream(england) << "extends: " << (scenarios_dir() / "england-la.yaml").string()
                         << "\nsimulation: {start: 2025-01-01, years: 10, grid: monthly, year_begins: 01-01}\n";
  CommandResult run = folder.carecast("compare " + scenario("baseline.yaml") + " " + quoted(england.string()) +
                                      " -o c.h5 -r 200");
  EXPECT_EQ(run.status, 1) << run;
  EXPECT_NE(run.err.find("england-from-2025.yaml"), std::string::npos) << run;
  EXPECT_NE(run.err.find("at 'states'"), std::string::npos) << run;
  EXPECT_NE(run.err.find("the same states that are not exits"), std::string::npos) << run;
  EXPECT_NE(run.err.find("kinship, foster, institution"), std::string::npos) << run;
  EXPECT_EQ(run.out.find("written"), std::string::npos) << "nothing ran: " << run;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

}  // namespace
}  // namespace carecast::e2e
