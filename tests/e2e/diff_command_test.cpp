// `carecast diff` end to end: two runs that differ only in their thread count are the same
// (exit 0); another seed differs (exit 1) and says where; a file that is not a result is an
// error of exit status 2, and a missing file a usage error.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "e2e_test_support.hpp"

namespace carecast::e2e {
namespace {

std::string baseline() { return quoted((scenarios_dir() / "baseline.yaml").string()); }

class DiffCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* run : {"--threads 1 -o one.h5", "--threads 2 -o two.h5", "--seed 7 -o seven.h5"}) {
      CommandResult result = folder.carecast("run " + baseline() + " -r 3 -q " + run);
      ASSERT_EQ(result.status, 0) << result;
    }
  }
  TestFolder folder;
};

TEST_F(DiffCommand, RunsOnOtherThreadCountsAreTheSame) {
  CommandResult run = folder.carecast("diff one.h5 two.h5");
  EXPECT_EQ(run.status, 0) << run;
  EXPECT_NE(run.out.find("The runs have the same scenario, seed, replicates, parameter uncertainty and carecast version."), std::string::npos)
      << run;
  EXPECT_NE(run.out.find("Identical (23 of 23 arrays)"), std::string::npos) << run;
  EXPECT_NE(run.out.find("Result: the same."), std::string::npos) << run;
}

TEST_F(DiffCommand, AnotherSeedDiffersAndSaysWhere) {
  CommandResult run = folder.carecast("diff one.h5 seven.h5 --tolerance 1e-12");
  EXPECT_EQ(run.status, 1) << run;
  EXPECT_NE(run.out.find("seed: 20250101 and 7"), std::string::npos) << run;
  EXPECT_NE(run.out.find("stock                  differs"), std::string::npos) << run;
  EXPECT_NE(run.out.find("Result: they differ"), std::string::npos) << run;
  EXPECT_TRUE(run.err.empty()) << run;
}

TEST_F(DiffCommand, WhatIsNotAResultIsRefused) {
  std::ofstream(folder.work() / "notes.txt") << "not a result\n";
  CommandResult text = folder.carecast("diff one.h5 notes.txt");
  EXPECT_EQ(text.status, 2) << text;
  EXPECT_NE(text.err.find("notes.txt"), std::string::npos) << text;
  CommandResult missing = folder.carecast("diff one.h5 nothing.h5");
  EXPECT_EQ(missing.status, 3) << missing;
  CommandResult tolerance = folder.carecast("diff one.h5 two.h5 --tolerance -1");
  EXPECT_EQ(tolerance.status, 3) << tolerance;
}

// run --parameter-uncertainty leaves the scenario text as it is: the files said "the same
// scenario" though their arrays differed. The root attribute parameter_uncertainty tells them apart.
TEST(DiffCommandFacts, ParameterUncertaintyFromTheCommandLineIsAFactOfTheRun) {
  TestFolder folder;
  std::string text;
  {
    std::ifstream in(e2e_data_dir() / "markov.yaml");
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  text.replace(text.find("{age: [0, 12], rate: 0.4}"), 25, "{age: [0, 12], rate: 0.4, se: 0.1}");
  std::ofstream(folder.work() / "estimated.yaml") << text;
  fs::copy_file(e2e_data_dir() / "markov_population.csv", folder.work() / "markov_population.csv");
  ASSERT_EQ(folder.carecast("run estimated.yaml -r 4 -q -o fixed.h5").status, 0);
  ASSERT_EQ(folder.carecast("run estimated.yaml -r 4 -q -o drawn.h5 --parameter-uncertainty").status, 0);
  CommandResult run = folder.carecast("diff fixed.h5 drawn.h5");
  EXPECT_EQ(run.status, 1) << run;
  EXPECT_NE(run.out.find("estimated rates: fixed and drawn per replicate"), std::string::npos) << run;
}

}  // namespace
}  // namespace carecast::e2e
