// What a result file says about where it came from, on a real `carecast run`: the resolved
// scenario text and its hash as the scenario reader computes them, the seed and replicates, the
// version and commit the binary reports (`carecast --version`), and the facts of this run
// (threads, ranks, command line, host, times).
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "e2e_test_support.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "output/result_file.hpp"

namespace carecast::e2e {
namespace {

TEST(ResultProvenance, ARunRecordsItsScenarioSeedBinaryAndRun) {
  TestFolder folder;
  const fs::path scenario = scenarios_dir() / "baseline.yaml";
  CommandResult run = folder.carecast("run " + quoted(scenario.string()) + " -r 2 -t 1 -q -o out.h5");
  ASSERT_EQ(run.status, 0) << run;
  CommandResult version = folder.carecast("--version");
  ASSERT_EQ(version.status, 0) << version;
  std::smatch parts;  // "carecast 0.1.0 (<commit>)"
  ASSERT_TRUE(std::regex_search(version.out, parts, std::regex(R"(carecast (\S+) \((\S+)\))"))) << version;

  const models::Provenance p = output::ResultFile(folder.work() / "out.h5").provenance();
  const models::Scenario read = models::read_scenario(scenario);
  EXPECT_EQ(p.scenario_path, scenario.string());
  EXPECT_EQ(p.scenario_text, read.resolved_text);
  EXPECT_EQ(p.scenario_sha256, read.sha256);
  EXPECT_EQ(p.seed, read.simulation.seed);
  EXPECT_EQ(p.replicates, 2u);
  EXPECT_EQ(p.engine_version, parts[1].str());
  EXPECT_EQ(p.git_commit, parts[2].str());
  EXPECT_TRUE(std::regex_match(p.git_commit, std::regex("[0-9a-f]{40}(-dirty)?|unknown"))) << p.git_commit;
  EXPECT_EQ(p.threads, 1);
  EXPECT_EQ(p.ranks, 1);
  EXPECT_NE(p.command_line.find("run"), std::string::npos) << p.command_line;
  EXPECT_NE(p.command_line.find("baseline.yaml"), std::string::npos) << p.command_line;
  EXPECT_FALSE(p.host.empty());
  EXPECT_TRUE(std::regex_match(p.started_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << p.started_at;
  EXPECT_LE(p.started_at, p.finished_at);  // ISO 8601 in UTC orders as text
  EXPECT_GT(p.wall_seconds, 0.0);
}

}  // namespace
}  // namespace carecast::e2e
