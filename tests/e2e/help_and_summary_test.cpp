// `carecast --help` and each command's --help exit 0 and mention every option; `carecast
// summary` prints a table by year of a result file.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "e2e_test_support.hpp"

namespace carecast::e2e {
namespace {

struct Help {
  std::string args;
  std::vector<std::string> mentions;
};

void PrintTo(const Help& help, std::ostream* out) { *out << help.args; }

class HelpText : public ::testing::TestWithParam<Help> {};

TEST_P(HelpText, ExitsZeroAndMentionsEveryOption) {
  TestFolder folder;
  CommandResult result = folder.carecast(GetParam().args);
  EXPECT_EQ(result.status, 0) << result;
  for (const std::string& word : GetParam().mentions)
    EXPECT_NE(result.out.find(word), std::string::npos) << "help should mention " << word << result;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

INSTANTIATE_TEST_SUITE_P(
    Commands, HelpText,
    ::testing::Values(
        Help{"--help", {"run", "validate", "summary", "--help", "--version", "Exit codes"}},
        Help{"run --help",
             {"SCENARIO", "-o,--output", "-r,--replicates", "-t,--threads", "-s,--seed", "-f,--force",
              "--analytic", "-q,--quiet", "-h,--help"}},
        Help{"validate --help", {"SCENARIO", "-h,--help"}},
        Help{"summary --help", {"RESULT", "-h,--help"}}),
    [](const ::testing::TestParamInfo<Help>& info) {
      std::string name = info.param.args == "--help" ? "carecast" : info.param.args.substr(0, info.param.args.find(' '));
      return name;
    });

TEST(Version, NamesTheProgram) {
  TestFolder folder;
  CommandResult result = folder.carecast("--version");
  EXPECT_EQ(result.status, 0) << result;
  EXPECT_EQ(result.out.rfind("carecast ", 0), 0u) << result;
}

TEST(SummaryCommand, PrintsATableWithTheYears) {
  TestFolder folder;
  CommandResult run = folder.carecast("run " + quoted((scenarios_dir() / "baseline.yaml").string()) +
                                      " --replicates 4 -q -o out.h5");
  ASSERT_EQ(run.status, 0) << run;
  CommandResult summary = folder.carecast("summary out.h5");
  EXPECT_EQ(summary.status, 0) << summary;
  // The baseline runs ten years from 2025-01-01: stocks on 1 January of 2025-2035, flows in
  // each of 2025-2034, each year on a line of its own.
  for (int year = 2025; year <= 2034; ++year) {
    std::string line_start = "\n" + std::to_string(year) + " ";
    EXPECT_NE(summary.out.find(line_start), std::string::npos) << "no row for " << year << summary;
    EXPECT_NE(summary.out.find(std::to_string(year) + "-01-01"), std::string::npos) << summary;
  }
  EXPECT_NE(summary.out.find("2035-01-01"), std::string::npos) << summary;
  for (const char* label : {"Foster family", "Residential institution", "entries", "exits"})
    EXPECT_NE(summary.out.find(label), std::string::npos) << label << summary;
  EXPECT_EQ(folder.files(), std::set<std::string>{"out.h5"});
}

TEST(SummaryCommand, AFileThatIsNotAResultIsReportedAsSuch) {
  TestFolder folder;
  std::ofstream(folder.work() / "not_a_result.h5") << "hello\n";
  CommandResult summary = folder.carecast("summary not_a_result.h5");
  EXPECT_NE(summary.status, 0) << summary;
  EXPECT_NE(summary.err.find("not_a_result.h5"), std::string::npos) << summary;
  // Reading a file is not writing one: the message must not say the result cannot be written.
  EXPECT_EQ(summary.err.find("cannot write"), std::string::npos) << summary;
}

TEST(SummaryCommand, AMissingFileIsAUsageError) {
  TestFolder folder;
  CommandResult summary = folder.carecast("summary nothing_here.h5");
  EXPECT_EQ(summary.status, 3) << summary;
  EXPECT_NE(summary.err.find("nothing_here.h5"), std::string::npos) << summary;
}

TEST(CommandLine, AMisspeltCommandIsNamedWithTheClosestOne) {
  TestFolder folder;
  CommandResult result = folder.carecast("sumary out.h5");
  EXPECT_EQ(result.status, 3) << result;
  EXPECT_NE(result.err.find("unknown command 'sumary' (did you mean 'summary'?); the commands are run, validate, "
                            "summary, export, compare, calibrate, backtest"),
            std::string::npos)
      << result;
}

TEST(CommandLine, AWholeNumberOptionSaysWhatItExpects) {
  TestFolder folder;
  std::string scenario = quoted((scenarios_dir() / "baseline.yaml").string());
  for (std::string bad : {"2.5", "abc", "0", "-3"}) {
    CommandResult result = folder.carecast("run " + scenario + " -o out.h5 -q -r " + bad);
    EXPECT_EQ(result.status, 3) << result;
    EXPECT_NE(result.err.find("expected a whole number from 1 to 1000000, found '" + bad + "'"), std::string::npos)
        << result;
  }
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

TEST(CommandLine, AMisspeltOptionIsNamedEvenWhenARequiredOneIsMissing) {
  TestFolder folder;
  CommandResult result = folder.carecast("export out.h5 --cvs tables");
  EXPECT_EQ(result.status, 3) << result;
  EXPECT_NE(result.err.find("carecast export: not understood: --cvs tables"), std::string::npos) << result;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

}  // namespace
}  // namespace carecast::e2e
