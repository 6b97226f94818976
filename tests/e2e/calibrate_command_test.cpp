// `carecast calibrate`, `carecast backtest` and `run --episodes` end to end: simulated episodes
// round-trip into a model file that a scenario includes and runs; bad records give a located
// error (file, line, child), exit status 1 and no file; an existing model is not overwritten
// without --force; a back-test writes its report and leaves no working files behind.
#include <gtest/gtest.h>

#include <string>

#include "e2e_test_support.hpp"

namespace carecast::e2e {
namespace {

fs::path calibration_data() { return source_dir() / "tests" / "models" / "data" / "calibration"; }
fs::path episode_data() { return source_dir() / "tests" / "models" / "data" / "episodes"; }

std::string simulate_episodes() {
  return "run " + quoted((calibration_data() / "recovery.yaml").string()) +
         " -r 2 -q -o sim.h5 --episodes episodes.csv --episode-replicates 1";
}

std::string calibrate(const std::string& extra = "") {
  return "calibrate episodes.csv --age-bands 0,12 --duration-bands 0,1 --ageing-out-state aged_out -o model.yaml " +
         extra;
}

TEST(CalibrateCommand, SimulatedEpisodesCalibrateIntoAModelAScenarioRuns) {
  TestFolder folder;
  CommandResult run = folder.carecast(simulate_episodes());
  ASSERT_EQ(run.status, 0) << run;
  CommandResult fitted = folder.carecast(calibrate());
  ASSERT_EQ(fitted.status, 0) << fitted;
  EXPECT_NE(fitted.out.find("foster"), std::string::npos) << fitted;
  std::string model = read_text(folder.work() / "model.yaml");
  for (const char* key : {"transitions:", "se:", "ci95:", "events:", "exposure_years:", "calibration:"})
    EXPECT_NE(model.find(key), std::string::npos) << key;

  // A scenario that takes everything but the transitions from recovery.yaml and includes the model.
  std::ofstream(folder.work() / "calibrated.yaml")
      << "extends: " << (calibration_data() / "recovery.yaml").string() << "\n"
      << "include: model.yaml\n"
      << "simulation: {start: 2024-01-01, years: 2, grid: yearly, replicates: 4, seed: 5}\n"
      << "states:\n  - {name: foster, kind: placement}\n  - {name: residential, kind: placement}\n"
      << "  - {name: home, kind: exit}\n  - {name: aged_out, kind: exit}\n";
  CommandResult forward = folder.carecast("run calibrated.yaml -q -o forward.h5 --parameter-uncertainty");
  EXPECT_EQ(forward.status, 0) << forward;
}

TEST(CalibrateCommand, BadRecordsGiveALocatedErrorAndNoFile) {
  TestFolder folder;
  fs::copy_file(episode_data() / "ssda903_dec_before_decom.csv", folder.work() / "episodes.csv");
  CommandResult result = folder.carecast(
      "calibrate episodes.csv --format ssda903 --header " + quoted((episode_data() / "ssda903_header.csv").string()) +
      " --mapping " + quoted((source_dir() / "scenarios" / "ssda903-mapping.yaml").string()) + " -o model.yaml");
  EXPECT_EQ(result.status, 1) << result;
  EXPECT_NE(result.err.find("episodes.csv:"), std::string::npos) << result;
  EXPECT_NE(result.err.find("child"), std::string::npos) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"episodes.csv"})) << joined(folder.files());
}

TEST(CalibrateCommand, KeepsAnExistingModelUnlessForced) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  std::ofstream(folder.work() / "model.yaml") << "# mine\n";
  CommandResult refused = folder.carecast(calibrate());
  EXPECT_EQ(refused.status, 2) << refused;
  EXPECT_EQ(read_text(folder.work() / "model.yaml"), "# mine\n");
  CommandResult forced = folder.carecast(calibrate("--force -q"));
  EXPECT_EQ(forced.status, 0) << forced;
  EXPECT_NE(read_text(folder.work() / "model.yaml").find("transitions:"), std::string::npos);
}

TEST(BacktestCommand, WritesTheReportAndNoWorkingFiles) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  CommandResult result = folder.carecast(
      "backtest episodes.csv --cut 2024-01-01 --horizon 12 -r 20 --age-bands 0,12 --duration-bands 0,1 "
      "--ageing-out-state aged_out --population " + quoted((calibration_data() / "recovery_population.csv").string()) +
      " -o bt.h5");
  ASSERT_EQ(result.status, 0) << result;
  EXPECT_NE(result.out.find("inside 90 %"), std::string::npos) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"episodes.csv", "sim.h5", "bt.h5"})) << joined(folder.files());
}

TEST(BacktestCommand, ACutOutsideTheRecordsIsRefused) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  CommandResult result = folder.carecast("backtest episodes.csv --cut 2030-01-01 -o bt.h5");
  EXPECT_EQ(result.status, 1) << result;
  EXPECT_NE(result.err.find("2030-01-01"), std::string::npos) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"episodes.csv", "sim.h5"})) << joined(folder.files());
}

}  // namespace
}  // namespace carecast::e2e
