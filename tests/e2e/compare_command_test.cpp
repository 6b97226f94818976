// carecast compare: runs the base and the alternatives on the same seed, writes the comparison
// file and prints the paired table; refuses an existing file without --force, and scenarios of
// other years or other states before running, leaving nothing behind.
#include <gtest/gtest.h>

#include "e2e_test_support.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"

namespace carecast::e2e {
namespace {

std::string scenario(const char* name) { return quoted((scenarios_dir() / name).string()); }

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

  CommandResult again = folder.carecast("compare " + args);
  EXPECT_EQ(again.status, 2) << again;
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again;
}

TEST(CompareCommand, RefusesScenariosOfOtherYearsBeforeRunning) {
  TestFolder folder;
  std::filesystem::path shorter = folder.work() / "../shorter.yaml";
  std::ofstream(shorter) << "extends: " << (scenarios_dir() / "baseline.yaml").string()
                         << "\nsimulation: {start: 2025-01-01, years: 5, grid: monthly, replicates: 4, seed: 1}\n";
  CommandResult run = folder.carecast("compare " + scenario("baseline.yaml") + " " + quoted(shorter.string()) + " -o c.h5");
  EXPECT_EQ(run.status, 1) << run;
  EXPECT_NE(run.err.find("the same start date, years and grid"), std::string::npos) << run;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

TEST(CompareCommand, RefusesScenariosOfOtherStatesBeforeRunning) {
  TestFolder folder;
  std::filesystem::path england = folder.work() / "../england-from-2025.yaml";
  std::ofstream(england) << "extends: " << (scenarios_dir() / "england-la.yaml").string()
                         << "\nsimulation: {start: 2025-01-01, years: 10, grid: monthly}\n";
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
