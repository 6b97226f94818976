// `carecast calibrate`, `carecast backtest` and `run --episodes` end to end: simulated episodes
// round-trip into a model file, whose fitted hazards match those the episodes were simulated
// from, and that a scenario includes and runs; bad records give a located
// error (file, line, child), exit status 1 and no file; an existing model is not overwritten
// without --force; a back-test writes its report and leaves no working files behind.
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include <cmath>
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

/// The hazard of recovery.yaml (per year) from `from` to `to` in the row of model.yaml with these
/// lower edges of age and time in state and this period (0 before 2023-01-01, 1 from it).
double true_rate(const std::string& from, const std::string& to, double age, double duration, int period) {
  if (from == "foster" && to == "home") return age >= 12 ? 0.35 : (duration < 1 ? 0.6 : 0.25);
  if (from == "foster" && to == "residential") return 0.2;  // the breakdown; no prior-breakdown factor
  if (from == "residential" && to == "foster") return period == 0 ? 0.5 : 0.3;
  if (from == "residential" && to == "home") return 0.15;
  ADD_FAILURE() << "unexpected transition " << from << " -> " << to;
  return 0.0;
}

TEST(CalibrateCommand, SimulatedEpisodesCalibrateIntoAModelAScenarioRuns) {
  TestFolder folder;
  CommandResult run = folder.carecast(simulate_episodes());
  ASSERT_EQ(run.status, 0) << run;
  // The bands on which recovery.yaml's hazards are constant: age [0, 12), [12, inf) x time in
  // state [0, 1), [1, inf) x period before / from 2023-01-01.
  CommandResult fitted = folder.carecast(calibrate("--period-breaks 2023-01-01"));
  ASSERT_EQ(fitted.status, 0) << fitted;
  EXPECT_NE(fitted.out.find("foster"), std::string::npos) << fitted;
  std::string model = read_text(folder.work() / "model.yaml");
  for (const char* key : {"transitions:", "se:", "ci95:", "events:", "exposure_years:", "calibration:"})
    EXPECT_NE(model.find(key), std::string::npos) << key;

  // Each fitted rate lies within 4 of its own standard errors of the true hazard: 4 transitions
  // x 8 cells = 32 comparisons, and z = 4.0 is Bonferroni over them (two-sided 6e-5 each, about
  // 0.002 for the whole test). Rows with fewer than 10 events are skipped, as in
  // tests/models/hazard_recovery_test.cpp (the normal approximation is poor there).
  YAML::Node file = YAML::Load(model);
  ASSERT_TRUE(file["transitions"].IsSequence());
  int rows = 0, compared = 0;
  for (const YAML::Node& t : file["transitions"]) {
    auto from = t["from"].as<std::string>(), to = t["to"].as<std::string>();
    for (const YAML::Node& row : t["hazard"]) {
      ++rows;
      if (row["events"].as<double>() < 10.0) continue;
      ASSERT_TRUE(row["age"] && row["duration"] && row["period"]) << YAML::Dump(row);
      int period = row["period"][0].IsNull() ? 0 : 1;
      double truth = true_rate(from, to, row["age"][0].as<double>(), row["duration"][0].as<double>(), period);
      double rate = row["rate"].as<double>(), se = row["se"].as<double>();
      ASSERT_GT(se, 0.0) << YAML::Dump(row);
      EXPECT_LE(std::abs(rate - truth), 4.0 * se) << from << " -> " << to << ": " << YAML::Dump(row)
                                                  << "\ntrue hazard " << truth;
      ++compared;
    }
  }
  EXPECT_EQ(rows, 32) << "4 transitions x 8 cells";
  EXPECT_GE(compared, 24) << "most rows have enough events to be compared";

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
