// `carecast validate` end to end: it shows the horizon and the money as carecast will count them
// (each state's cost a day and a year, the price factor of each reporting year, the discount),
// and prints a located warning, still exiting 0, for a cost that looks typed in the wrong unit.
// A run of the same scenario prints the warning too, and still runs.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "e2e_test_support.hpp"

namespace carecast::e2e {
namespace {

std::string baseline() { return quoted((scenarios_dir() / "baseline.yaml").string()); }

TEST(ValidateCommand, ShowsTheHorizonAndTheMoneyAsCounted) {
  TestFolder folder;
  CommandResult run = folder.carecast("validate " + baseline());
  EXPECT_EQ(run.status, 0) << run;
  EXPECT_EQ(run.err, "") << run;
  for (const char* part : {"2025-01-01 to 2035-01-01 (10 years)", "Money: DKK in 2019 prices; discounted at 3.5 % a year",
                           "foster                              1286.79           470000",
                           "price factor of each reporting year (its index over 2019's): 2025 1.126, 2026 1.149"})
    EXPECT_NE(run.out.find(part), std::string::npos) << part << "\n" << run;
}

TEST(ValidateCommand, WarnsOfAYearlyAmountUnderPerDayAndStillAcceptsIt) {
  TestFolder folder;
  std::ofstream(folder.work() / "perday.yaml")
      << "extends: " << (scenarios_dir() / "baseline.yaml").string()
      << "\nsimulation: {replicates: 2}\ncosts:\n  per_year: {institution: ~}\n  per_day: {institution: 1160000}\n";
  std::string warning = "carecast: warning: perday.yaml:5:26: at 'costs.per_day.institution': 'institution' costs "
                        "1160000.00 a day";
  CommandResult check = folder.carecast("validate perday.yaml");
  EXPECT_EQ(check.status, 0) << check;
  EXPECT_NE(check.err.find(warning), std::string::npos) << check;
  EXPECT_NE(check.err.find("was a yearly amount given under per_day?"), std::string::npos) << check;
  CommandResult run = folder.carecast("run perday.yaml -q -o r.h5");
  EXPECT_EQ(run.status, 0) << run;
  EXPECT_NE(run.err.find(warning), std::string::npos) << run;
}

}  // namespace
}  // namespace carecast::e2e
