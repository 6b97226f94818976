// `carecast backtest` end to end, on records simulated from a known model
// (calibration_records.hpp): it writes its report and leaves no working files; it compares
// exactly the months of the horizon; a cut outside the records, a period break on or after the
// cut or before the first record, and records without episodes are refused; errors in the
// user's population table name that table (never the back-test's temporary copy or scenario); a
// misspelt ageing-out state and placeholder cells are warned of on stderr.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "calibration_records.hpp"
#include "e2e_test_support.hpp"

namespace carecast::e2e {
namespace {

/// A quick back-test of episodes.csv (2 replicates, the cells of recovery.yaml but one period).
std::string backtest(const std::string& extra) {
  return "backtest episodes.csv --age-bands 0,12 --duration-bands 0,1 --ageing-out-state aged_out -r 2 " + extra;
}

std::string with_population() { return " --population " + quoted(recovery_population().string()); }

TEST(BacktestCommand, WritesTheReportAndNoWorkingFiles) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  CommandResult result = folder.carecast(
      "backtest episodes.csv --cut 2024-01-01 --horizon 12 -r 20 --age-bands 0,12 --duration-bands 0,1 "
      "--ageing-out-state aged_out --population " + quoted(recovery_population().string()) + " -o bt.h5");
  ASSERT_EQ(result.status, 0) << result;
  EXPECT_NE(result.out.find("inside 90 %"), std::string::npos) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"episodes.csv", "sim.h5", "bt.h5"})) << joined(folder.files());
  // summary prints the same report again from the file, without fitting or simulating.
  CommandResult again = folder.carecast("summary bt.h5");
  ASSERT_EQ(again.status, 0) << again;
  EXPECT_NE(again.out.find("Back-test file bt.h5: episodes episodes.csv, fitted before 2024-01-01"), std::string::npos)
      << again;
  std::string report = result.out.substr(result.out.find("Back-test:"));
  EXPECT_NE(again.out.find(report), std::string::npos) << "expected the report\n" << report << again;
}

TEST(BacktestCommand, NeverWritesTheReportOverTheRecordsItReads) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  std::string records = read_text(folder.work() / "episodes.csv");
  CommandResult result = folder.carecast(backtest("--cut 2024-01-01 -o episodes.csv --force"));
  EXPECT_EQ(result.status, 3) << result;
  EXPECT_NE(result.err.find("is a file this command reads"), std::string::npos) << result;
  EXPECT_TRUE(read_text(folder.work() / "episodes.csv") == records) << "the records were changed";
  EXPECT_EQ(folder.files(), (std::set<std::string>{"episodes.csv", "sim.h5"})) << joined(folder.files());
}

TEST(BacktestCommand, ACutOutsideTheRecordsIsRefused) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  CommandResult result = folder.carecast("backtest episodes.csv --cut 2030-01-01 -o bt.h5");
  EXPECT_EQ(result.status, 1) << result;
  EXPECT_NE(result.err.find("2030-01-01"), std::string::npos) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"episodes.csv", "sim.h5"})) << joined(folder.files());
}

// The horizon is months after the cut: 1 compares one date and 13 thirteen (the simulation runs
// whole years, but the months past the horizon are not compared). The dates are the cut's day of
// the month, or the month's last day where the month is shorter.
TEST(BacktestCommand, ComparesExactlyTheMonthsOfTheHorizon) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  struct Case {
    std::string args;
    std::string period;
  };
  for (const Case& c : {Case{"--cut 2024-01-01 --horizon 1", "2024-02-01 to 2024-02-01 (1 dates)"},
                        Case{"--cut 2024-01-01 --horizon 12", "2024-02-01 to 2025-01-01 (12 dates)"},
                        Case{"--cut 2024-01-01 --horizon 13", "2024-02-01 to 2025-02-01 (13 dates)"},
                        Case{"--cut 2023-01-31 --horizon 3", "2023-02-28 to 2023-04-30 (3 dates)"}}) {
    CommandResult result = folder.carecast(backtest(c.args + with_population() + " -f -o bt.h5"));
    ASSERT_EQ(result.status, 0) << result;
    EXPECT_NE(result.out.find(c.period), std::string::npos) << "expected " << c.period << result;
  }
}

TEST(BacktestCommand, APeriodBreakOnOrAfterTheCutIsAUsageError) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  for (const char* breaks : {"2024-01-01", "2023-01-01,2024-06-01"}) {
    CommandResult result =
        folder.carecast(backtest(std::string("--cut 2024-01-01 --period-breaks ") + breaks + " -o bt.h5"));
    EXPECT_EQ(result.status, 3) << result;
    EXPECT_NE(result.err.find("is on or after the cut 2024-01-01"), std::string::npos) << result;
    EXPECT_NE(result.err.find("--period-breaks"), std::string::npos) << result;
  }
  // Before the first record (the simulation starts on 2020-01-01), likewise: the check is the
  // one calibrate makes.
  CommandResult early = folder.carecast(backtest("--cut 2024-01-01 --period-breaks 2019-01-01 -o bt.h5"));
  EXPECT_EQ(early.status, 3) << early;
  EXPECT_NE(early.err.find("the period break 2019-01-01 (--period-breaks) is on or before the first record's start"),
            std::string::npos)
      << early;
  EXPECT_NE(early.err.find("and before the cut 2024-01-01"), std::string::npos) << early;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"episodes.csv", "sim.h5"})) << joined(folder.files());
}

// The table is the user's: a bad value is located at its own file and line, and a table that
// stops before the horizon says which age and year it lacks and what it must cover.
TEST(BacktestCommand, ErrorsInThePopulationTableNameTheUsersTable) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  std::ofstream(folder.work() / "badpop.csv") << "age,year,population\n0,2020,20000\n1,2020,abc\n";
  CommandResult bad = folder.carecast(backtest("--cut 2024-01-01 --population badpop.csv -o bt.h5"));
  EXPECT_EQ(bad.status, 1) << bad;
  EXPECT_NE(bad.err.find("badpop.csv:3"), std::string::npos) << bad;
  EXPECT_EQ(bad.err.find(".backtest-"), std::string::npos) << "names the temporary copy" << bad;

  std::string rows = "age,year,population\n";
  for (int year = 2020; year <= 2024; ++year)
    for (int age = 0; age < 18; ++age) rows += std::to_string(age) + "," + std::to_string(year) + ",20000\n";
  std::ofstream(folder.work() / "shortpop.csv") << rows;
  CommandResult short_table = folder.carecast(backtest("--cut 2024-01-01 --horizon 24 --population shortpop.csv -o bt.h5"));
  EXPECT_EQ(short_table.status, 1) << short_table;
  EXPECT_NE(short_table.err.find("shortpop.csv: the population table has no row for age 0 in 2025"),
            std::string::npos)
      << short_table;
  EXPECT_NE(short_table.err.find("to 2025 (the horizon's last year)"), std::string::npos) << short_table;
  EXPECT_EQ(short_table.err.find("scenario.yaml"), std::string::npos) << short_table;
  EXPECT_EQ(short_table.err.find(".backtest-"), std::string::npos) << short_table;
  // Twelve months from 2024-01-01 need nothing after 2024.
  CommandResult enough = folder.carecast(backtest("--cut 2024-01-01 --horizon 12 --population shortpop.csv -o bt.h5"));
  EXPECT_EQ(enough.status, 0) << enough;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"episodes.csv", "sim.h5", "badpop.csv", "shortpop.csv", "bt.h5"}))
      << joined(folder.files());
}

TEST(BacktestCommand, RecordsWithoutEpisodesAreAnInputError) {
  TestFolder folder;
  std::ofstream(folder.work() / "gho.csv") << "child_id,birth_date,start,end,state,reason\n";
  CommandResult result = folder.carecast("backtest gho.csv --cut 2024-01-01 -o bt.h5");
  EXPECT_EQ(result.status, 1) << result;
  EXPECT_NE(result.err.find("gho.csv: the file holds no episode records"), std::string::npos) << result;
  EXPECT_EQ(result.err.find("0000-00-00"), std::string::npos) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"gho.csv"})) << joined(folder.files());
}

TEST(BacktestCommand, WarnsOnStderrOfAMisspeltAgeingOutStateAndOfPlaceholderCells) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  CommandResult result = folder.carecast("backtest episodes.csv --cut 2024-01-01 --horizon 3 -r 2 -q "
                                         "--ageing-out-state aged_ot -o bt.h5");
  ASSERT_EQ(result.status, 0) << result;
  EXPECT_NE(result.err.find("the ageing-out state 'aged_ot' (--ageing-out-state) never occurs in the records"),
            std::string::npos)
      << result;
  EXPECT_NE(result.err.find("aged_out"), std::string::npos) << result;
  // The default bands leave age [0, 1) x time in state [2, inf) without exposure.
  EXPECT_NE(result.err.find("are placeholders"), std::string::npos) << result;
}

}  // namespace
}  // namespace carecast::e2e
