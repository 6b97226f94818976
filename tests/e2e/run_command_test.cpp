// `carecast run` end to end: it writes the result, never overwrites one without --force (exit
// status 2, the first file untouched), gives bit-identical results for any number of threads
// and different results for another seed, and reports command-line and output problems with
// their documented exit statuses.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>

#include "e2e_test_support.hpp"
#include "output/result_file.hpp"

namespace carecast::e2e {
namespace {

std::string baseline() { return quoted((scenarios_dir() / "baseline.yaml").string()); }

int h5diff(const TestFolder& folder, const std::string& a, const std::string& b) {
  std::string line = "cd " + quoted(folder.work().string()) + " && h5diff --exclude-path /run_info " + a + " " +
                     b + " >/dev/null 2>&1";
  int raw = std::system(line.c_str());
  return raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

TEST(RunCommand, WritesTheResultAndNeverOverwritesItWithoutForce) {
  TestFolder folder;
  CommandResult first = folder.carecast("run " + baseline() + " --replicates 8 -o out.h5");
  ASSERT_EQ(first.status, 0) << first;
  ASSERT_EQ(folder.files(), std::set<std::string>{"out.h5"}) << joined(folder.files());
  {
    output::ResultFile result(folder.work() / "out.h5");
    EXPECT_EQ(result.provenance().replicates, 8u);
    EXPECT_EQ(result.provenance().seed, 20250101u);
    EXPECT_EQ(result.states().size(), 10u);
    EXPECT_EQ(result.grid_dates().front(), "2025-01-01");
    EXPECT_EQ(result.grid_dates().back(), "2035-01-01");
    EXPECT_FALSE(result.has_analytic_stock());
  }
  std::string bytes = read_text(folder.work() / "out.h5");
  auto written_at = fs::last_write_time(folder.work() / "out.h5");

  CommandResult second = folder.carecast("run " + baseline() + " --replicates 8 --seed 99 -o out.h5");
  EXPECT_EQ(second.status, 2) << second;
  EXPECT_NE(second.err.find("out.h5"), std::string::npos) << second;
  EXPECT_NE(second.err.find("--force"), std::string::npos) << second;
  EXPECT_EQ(folder.files(), std::set<std::string>{"out.h5"}) << joined(folder.files());
  EXPECT_TRUE(read_text(folder.work() / "out.h5") == bytes) << "the first result was changed";
  EXPECT_EQ(fs::last_write_time(folder.work() / "out.h5"), written_at);

  CommandResult forced = folder.carecast("run " + baseline() + " --replicates 8 --seed 99 -o out.h5 --force -q");
  EXPECT_EQ(forced.status, 0) << forced;
  EXPECT_EQ(folder.files(), std::set<std::string>{"out.h5"}) << joined(folder.files());
  output::ResultFile result(folder.work() / "out.h5");
  EXPECT_EQ(result.provenance().seed, 99u);
  EXPECT_EQ(result.provenance().replicates, 8u);
}

TEST(RunCommand, ResultsDoNotDependOnTheNumberOfThreadsButOnTheSeed) {
  TestFolder folder;
  for (const char* run : {"--threads 1 -o one.h5", "--threads 2 -o two.h5", "--threads 2 --seed 7 -o seven.h5"}) {
    CommandResult result = folder.carecast("run " + baseline() + " --replicates 6 -q " + run);
    ASSERT_EQ(result.status, 0) << result;
  }
  EXPECT_EQ(folder.files(), (std::set<std::string>{"one.h5", "two.h5", "seven.h5"}));
  EXPECT_EQ(h5diff(folder, "one.h5", "two.h5"), 0) << "one and two threads gave different results";
  EXPECT_EQ(h5diff(folder, "one.h5", "seven.h5"), 1) << "another seed should give another result";
  // The thread count is recorded, though, where the volatile facts of a run belong.
  EXPECT_EQ(output::ResultFile(folder.work() / "one.h5").provenance().threads, 1);
  EXPECT_EQ(output::ResultFile(folder.work() / "two.h5").provenance().threads, 2);
}

TEST(RunCommand, WithCaseloadFeedbackResultsDoNotDependOnTheNumberOfThreads) {
  TestFolder folder;
  std::string scenario = quoted((scenarios_dir() / "caseworker-shortage.yaml").string());
  for (const char* run : {"--threads 1 -o one.h5", "--threads 2 -o two.h5"}) {
    CommandResult result = folder.carecast("run " + scenario + " --replicates 6 -q " + run);
    ASSERT_EQ(result.status, 0) << result;
  }
  EXPECT_EQ(h5diff(folder, "one.h5", "two.h5"), 0) << "one and two threads gave different results";
  EXPECT_NE(output::ResultFile(folder.work() / "one.h5").find_array("caseload_breakdown_multiplier"), nullptr);
}

TEST(RunCommand, TheDefaultOutputIsTheScenarioNameInTheCurrentFolder) {
  TestFolder folder;
  CommandResult result = folder.carecast("run " + quoted((malformed_dir() / "valid_minimal.yaml").string()) + " -q");
  EXPECT_EQ(result.status, 0) << result;
  EXPECT_EQ(folder.files(), std::set<std::string>{"valid_minimal.h5"}) << joined(folder.files());
}

// The seed is read as simulation.seed is: decimal, the whole 64-bit range, nothing else (no
// octal 010, no hex, no silent clamp of a number too large).
TEST(RunCommand, TheSeedIsADecimalWholeNumberOf64Bits) {
  TestFolder folder;
  std::string run = "run " + quoted((malformed_dir() / "valid_minimal.yaml").string()) + " -q --replicates 1 ";
  ASSERT_EQ(folder.carecast(run + "-s 010 -o ten.h5").status, 0);
  EXPECT_EQ(output::ResultFile(folder.work() / "ten.h5").provenance().seed, 10u);
  ASSERT_EQ(folder.carecast(run + "-s 18446744073709551615 -o largest.h5").status, 0);
  EXPECT_EQ(output::ResultFile(folder.work() / "largest.h5").provenance().seed, UINT64_MAX);
  for (const char* seed : {"18446744073709551616", "0x10", "-1", "1e3"}) {
    CommandResult refused = folder.carecast(run + "-s " + seed + " -o refused.h5");
    EXPECT_EQ(refused.status, 3) << refused;
    EXPECT_NE(refused.err.find("expected a whole number from 0 to 18446744073709551615, found '" + std::string(seed) + "'"),
              std::string::npos)
        << refused;
  }
  EXPECT_EQ(folder.files(), (std::set<std::string>{"largest.h5", "ten.h5"})) << joined(folder.files());
}

TEST(RunCommand, AFolderThatDoesNotExistIsAnOutputError) {
  TestFolder folder;
  CommandResult result = folder.carecast("run " + baseline() + " --replicates 2 -o missing/out.h5");
  EXPECT_EQ(result.status, 2) << result;
  EXPECT_NE(result.err.find("missing"), std::string::npos) << result;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

TEST(RunCommand, AMissingScenarioIsAnInputError) {
  TestFolder folder;
  CommandResult result = folder.carecast("run no_such_scenario.yaml -o out.h5");
  EXPECT_EQ(result.status, 1) << result;
  EXPECT_NE(result.err.find("no_such_scenario.yaml"), std::string::npos) << result;
  EXPECT_NE(result.err.find("does not exist"), std::string::npos) << result;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

TEST(RunCommand, AnEpisodeFileThatIsTheResultFileIsAUsageErrorBeforeAnythingRuns) {
  TestFolder folder;
  CommandResult first = folder.carecast("run " + baseline() + " --replicates 2 -o same.h5 -q");
  ASSERT_EQ(first.status, 0) << first;
  std::string bytes = read_text(folder.work() / "same.h5");
  for (const std::string& episodes : {std::string("same.h5"), std::string("./same.h5"), std::string("../work/same.h5")}) {
    CommandResult result =
        folder.carecast("run " + baseline() + " --replicates 2 -o same.h5 --episodes " + episodes + " --force -q");
    EXPECT_EQ(result.status, 3) << result;
    EXPECT_NE(result.err.find("--episodes"), std::string::npos) << result;
    EXPECT_NE(result.err.find("--output"), std::string::npos) << result;
    EXPECT_EQ(folder.files(), std::set<std::string>{"same.h5"}) << joined(folder.files());
    EXPECT_TRUE(read_text(folder.work() / "same.h5") == bytes) << "the result was changed";
  }
  CommandResult fresh = folder.carecast("run " + baseline() + " --replicates 2 -o new.h5 --episodes new.h5 -q");
  EXPECT_EQ(fresh.status, 3) << fresh;
  EXPECT_EQ(folder.files(), std::set<std::string>{"same.h5"}) << joined(folder.files());
}

TEST(RunCommand, NoOutputIsWrittenOverAFileTheScenarioReadsEvenWithForce) {
  TestFolder folder;
  fs::copy_file(malformed_dir() / "valid_minimal_population.csv", folder.work() / "valid_minimal_population.csv");
  fs::copy_file(malformed_dir() / "valid_minimal.yaml", folder.work() / "base.yaml");
  {
    std::ofstream mine(folder.work() / "mine.yaml");
    mine << "extends: base.yaml\nname: Mine\n";
  }
  const std::set<std::string> inputs{"base.yaml", "mine.yaml", "valid_minimal_population.csv"};
  std::map<std::string, std::string> bytes;
  for (const std::string& name : inputs) bytes[name] = read_text(folder.work() / name);
  for (const std::string& name : inputs) {
    for (const std::string& option : {std::string("-o ") + name, "-o r.h5 --episodes ./" + name}) {
      CommandResult result = folder.carecast("run mine.yaml " + option + " --force -q");
      EXPECT_EQ(result.status, 3) << result;
      EXPECT_NE(result.err.find("is a file this command reads"), std::string::npos) << result;
      EXPECT_EQ(folder.files(), inputs) << joined(folder.files());
      EXPECT_TRUE(read_text(folder.work() / name) == bytes[name]) << name << " was changed";
    }
  }
}

TEST(RunCommand, EpisodeReplicatesBeyondTheRunAreACommandLineError) {
  TestFolder folder;
  CommandResult result = folder.carecast("run " + baseline() + " -r 2 -o r.h5 --episodes e.csv --episode-replicates 0,5 -q");
  EXPECT_EQ(result.status, 3) << result;
  EXPECT_NE(result.err.find("--episode-replicates: replicate 5 does not exist: the run has 2 replicates, numbered 0 to 1"),
            std::string::npos)
      << result;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

TEST(RunCommand, WritesTheResultAndTheEpisodeFileTogether) {
  TestFolder folder;
  CommandResult result = folder.carecast("run " + baseline() + " --replicates 2 -o r.h5 --episodes e.csv -q");
  ASSERT_EQ(result.status, 0) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"e.csv", "r.h5"})) << joined(folder.files());
  EXPECT_EQ(read_text(folder.work() / "e.csv").rfind("child_id,birth_date,", 0), 0u);
  CommandResult again = folder.carecast("run " + baseline() + " --replicates 2 -o other.h5 --episodes e.csv -q");
  EXPECT_EQ(again.status, 2) << again;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"e.csv", "r.h5"})) << joined(folder.files());
}

TEST(RunCommand, AWrongCommandLineIsAUsageError) {
  TestFolder folder;
  for (const std::string& args : {std::string("run"), "run " + baseline() + " --bogus",
                                  "run " + baseline() + " --replicates 0", "run " + baseline() + " --threads x",
                                  "run " + baseline() + " -o ''", std::string("frobnicate"), std::string("")}) {
    CommandResult result = folder.carecast(args);
    EXPECT_EQ(result.status, 3) << result;
    EXPECT_FALSE(result.err.empty()) << result;
  }
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

// `-o -q` took the flag as the file name, and wrote a result named -q.
TEST(RunCommand, AnOutputNameThatIsAnOptionIsRefused) {
  TestFolder folder;
  for (const std::string& args : {"run " + baseline() + " -r 2 -o -q", "run " + baseline() + " -r 2 --episodes -q"}) {
    CommandResult result = folder.carecast(args);
    EXPECT_EQ(result.status, 3) << result;
    EXPECT_NE(result.err.find("found '-q', an option; to name such a path, write ./-q"), std::string::npos) << result;
  }
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

}  // namespace
}  // namespace carecast::e2e
