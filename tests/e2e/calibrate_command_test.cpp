// `carecast calibrate` and `run --episodes` end to end: simulated episodes round-trip into a model
// file, whose fitted hazards and entry rates match those the episodes were simulated from, and
// that a scenario includes and runs; bad records, and records without any episode, give a
// located error, exit status 1 and no file; an existing model is not overwritten without
// --force; placeholder cells and an ageing-out state the records never name are warned of on
// stderr; period breaks outside the records, --school-ages without a school_change column and
// other command-line mistakes are refused in plain words. (`backtest`: backtest_command_test.cpp;
// records with a faulty structure: malformed_records_test.cpp.)
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <string>

#include "calibration_records.hpp"
#include "e2e_test_support.hpp"

namespace carecast::e2e {
namespace {

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

TEST(CalibrateCommand, BadRecordsAreReportedBeforeAnExistingModel) {
  TestFolder folder;
  std::ofstream(folder.work() / "model.yaml") << "# mine\n";
  std::ofstream(folder.work() / "bad.csv") << "child_id,birth_date,start,end,state,reason\nA,2010-01-01,notadate,,foster,\n";
  CommandResult result = folder.carecast("calibrate bad.csv -o model.yaml");
  EXPECT_EQ(result.status, 1) << result;
  EXPECT_NE(result.err.find("bad.csv:2"), std::string::npos) << result;
  EXPECT_EQ(read_text(folder.work() / "model.yaml"), "# mine\n");
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

TEST(CalibrateCommand, NeverWritesTheModelOverTheRecordsItReads) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  std::string records = read_text(folder.work() / "episodes.csv");
  CommandResult result = folder.carecast("calibrate episodes.csv -o ./episodes.csv --force -q");
  EXPECT_EQ(result.status, 3) << result;
  EXPECT_NE(result.err.find("is a file this command reads"), std::string::npos) << result;
  EXPECT_TRUE(read_text(folder.work() / "episodes.csv") == records) << "the records were changed";
}

/// A population table of `per_age` children at each age 0 to `oldest` in every year 2020-2025.
std::string population_csv(int oldest, int per_age) {
  std::string text = "age,year,population\n";
  for (int age = 0; age <= oldest; ++age)
    for (int year = 2020; year <= 2025; ++year)
      text += std::to_string(age) + "," + std::to_string(year) + "," + std::to_string(per_age) + "\n";
  return text;
}

/// The row of entries.rate_per_1000 whose age band starts at `lower`.
YAML::Node entry_rate_row(const fs::path& model, double lower) {
  for (const YAML::Node& row : YAML::LoadFile(model.string())["entries"]["rate_per_1000"])
    if (row["age"][0].as<double>() == lower) return row;
  ADD_FAILURE() << "no entry rate row from age " << lower << " in " << model;
  return {};
}

// recovery.yaml brings in 2 per 1000 a year at every age 0-17 (it ages out at 18). A population
// table that goes on to age 40, as a real one by single year of age does, must give the open last
// band [16, inf) the same exposure as one that stops at 17, and the true rate.
TEST(CalibrateCommand, EntryRatesLeaveOutThePopulationAtAndAboveTheAgeingOutAge) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  std::ofstream(folder.work() / "population_0_40.csv") << population_csv(40, 20000);
  std::string common = "calibrate episodes.csv --age-bands 0,12 --duration-bands 0,1 --ageing-out-state aged_out "
                       "--entry-age-bands 0,16 -q --population ";
  CommandResult children = folder.carecast(common + quoted(recovery_population().string()) + " -o children.yaml");
  ASSERT_EQ(children.status, 0) << children;
  CommandResult all_ages = folder.carecast(common + "population_0_40.csv -o all_ages.yaml");
  ASSERT_EQ(all_ages.status, 0) << all_ages;
  YAML::Node last = entry_rate_row(folder.work() / "all_ages.yaml", 16);
  YAML::Node same = entry_rate_row(folder.work() / "children.yaml", 16);
  EXPECT_EQ(last["exposure_years"].as<std::string>(), same["exposure_years"].as<std::string>());
  EXPECT_EQ(last["rate"].as<std::string>(), same["rate"].as<std::string>());
  // Ages 16 and 17 over the six years 2020-2025 (from the first entry, early in 2020): about 240,000
  // person-years, about 480 entries; the rate lies within 4 of its standard errors of the truth.
  EXPECT_NEAR(last["exposure_years"].as<double>(), 2 * 20000 * 6, 2 * 20000 * 0.05);
  double rate = last["rate"].as<double>(), se = last["se"].as<double>();
  ASSERT_GT(se, 0.0);
  EXPECT_NEAR(rate, 2.0, 4.0 * se) << YAML::Dump(last);
}

// A header alone used to "succeed" with `states: []` and `observed_until: 0000-00-00`.
TEST(CalibrateCommand, RecordsWithoutEpisodesAreAnInputErrorAndNoFile) {
  TestFolder folder;
  std::ofstream(folder.work() / "gho.csv") << "child_id,birth_date,start,end,state,reason\n";
  CommandResult generic = folder.carecast("calibrate gho.csv -o gho.yaml");
  EXPECT_EQ(generic.status, 1) << generic;
  EXPECT_NE(generic.err.find("gho.csv: the file holds no episode records"), std::string::npos) << generic;
  std::ofstream(folder.work() / "ho.csv")
      << "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
  CommandResult ssda903 = folder.carecast(
      "calibrate ho.csv --format ssda903 --header " + quoted((episode_data() / "ssda903_header.csv").string()) +
      " --mapping " + quoted((source_dir() / "scenarios" / "ssda903-mapping.yaml").string()) + " -o ho.yaml");
  EXPECT_EQ(ssda903.status, 1) << ssda903;
  EXPECT_NE(ssda903.err.find("ho.csv: the file holds no episode records"), std::string::npos) << ssda903;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"gho.csv", "ho.csv"})) << joined(folder.files());
}

// The default bands have cells no child reaches (age [0, 1) x time in state [2, inf)): their rows
// are rate-0 placeholders. A misspelt ageing-out state fits ageing out as an exit hazard. Both
// are warned of on stderr, even with -q, and the model is still written.
TEST(CalibrateCommand, WarnsOnStderrOfPlaceholderCellsAndOfAnAgeingOutStateNotInTheRecords) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(simulate_episodes()).status, 0);
  CommandResult warned = folder.carecast("calibrate episodes.csv --ageing-out-state aged_ot -q -o model.yaml");
  ASSERT_EQ(warned.status, 0) << warned;
  EXPECT_TRUE(warned.out.empty()) << warned;
  EXPECT_NE(warned.err.find("warning: "), std::string::npos) << warned;
  EXPECT_NE(warned.err.find("cells without any exposure"), std::string::npos) << warned;
  EXPECT_NE(warned.err.find("are placeholders"), std::string::npos) << warned;
  EXPECT_NE(warned.err.find("--min-exposure"), std::string::npos) << warned;
  EXPECT_NE(warned.err.find("the ageing-out state 'aged_ot' (--ageing-out-state) never occurs in the records"),
            std::string::npos)
      << warned;
  EXPECT_NE(warned.err.find("aged_out"), std::string::npos) << "the exit reasons that do occur" << warned;
  EXPECT_TRUE(fs::exists(folder.work() / "model.yaml"));
  // Pooled, and with the state spelt right, neither warning.
  CommandResult clean =
      folder.carecast("calibrate episodes.csv --ageing-out-state aged_out --min-exposure 1 -f -q -o model.yaml");
  ASSERT_EQ(clean.status, 0) << clean;
  EXPECT_EQ(clean.err.find("placeholders"), std::string::npos) << clean;
  EXPECT_EQ(clean.err.find("never occurs"), std::string::npos) << clean;
}

/// A folder holding the hand-written generic_small.csv as records.csv: records from 2022-06-01
/// to 2024-10-01, with a school_change column.
void copy_small_records(const TestFolder& folder) {
  fs::copy_file(episode_data() / "generic_small.csv", folder.work() / "records.csv");
}

// A period break outside the records leaves a period without any record, whose rates would all be
// rate-0 placeholders: a forecast would never let a child leave care from the break on. Such a
// break is a wrong command line that names the option, the break and the range allowed.
TEST(CalibrateCommand, APeriodBreakOutsideTheRecordsIsAUsageError) {
  TestFolder folder;
  copy_small_records(folder);
  struct Case {
    std::string args;
    std::string message;
  };
  for (const Case& c :
       {Case{"--period-breaks 2023-01-01,2027-01-01",
             "the period break 2027-01-01 (--period-breaks) is on or after the end of observation 2024-10-01"},
        Case{"--period-breaks 2024-10-01", "is on or after the end of observation 2024-10-01"},
        Case{"--period-breaks 2022-06-01", "the period break 2022-06-01 (--period-breaks) is on or before the first "
                                           "record's start 2022-06-01"},
        Case{"--period-breaks 2010-01-01", "is on or before the first record's start 2022-06-01"},
        Case{"--fit-until 2024-01-01 --period-breaks 2024-01-01", "is on or after --fit-until 2024-01-01"}}) {
    CommandResult result = folder.carecast("calibrate records.csv -o model.yaml " + c.args);
    EXPECT_EQ(result.status, 3) << result;
    EXPECT_NE(result.err.find(c.message), std::string::npos) << "expected: " << c.message << result;
    EXPECT_NE(result.err.find("give only breaks after the first record's start 2022-06-01 and before"),
              std::string::npos)
        << result;
  }
  EXPECT_EQ(folder.files(), (std::set<std::string>{"records.csv"})) << joined(folder.files());
  CommandResult inside = folder.carecast("calibrate records.csv -q -o model.yaml --period-breaks 2023-06-01");
  EXPECT_EQ(inside.status, 0) << inside;
}

TEST(CalibrateCommand, SchoolAgesNeedTheSchoolChangeColumn) {
  TestFolder folder;
  std::ofstream(folder.work() / "records.csv") << "child_id,birth_date,start,end,state,reason\n"
                                                  "A,2010-01-01,2020-01-01,2021-01-01,foster,home\n";
  CommandResult result = folder.carecast("calibrate records.csv --school-ages 5,16 -o model.yaml");
  EXPECT_EQ(result.status, 3) << result;
  EXPECT_NE(result.err.find("--school-ages: the records in 'records.csv' have no school_change column"),
            std::string::npos)
      << result;
  EXPECT_EQ(result.err.find("warning"), std::string::npos) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"records.csv"})) << joined(folder.files());
}

// Mistakes on the command line are refused in plain words: an empty element of a list is not
// dropped, a negative minimum exposure is not described by the range of a double, and a records
// file that does not exist is an input error like run's missing scenario.
TEST(CalibrateCommand, CommandLineMistakesAreRefusedInPlainWords) {
  TestFolder folder;
  copy_small_records(folder);
  CommandResult empty_element = folder.carecast("calibrate records.csv --age-bands 0,,12 -o model.yaml");
  EXPECT_EQ(empty_element.status, 3) << empty_element;
  EXPECT_NE(empty_element.err.find("--age-bands: element 2 of '0,,12' is empty"), std::string::npos) << empty_element;
  CommandResult empty_break = folder.carecast("calibrate records.csv --period-breaks 2023-01-01, -o model.yaml");
  EXPECT_EQ(empty_break.status, 3) << empty_break;
  EXPECT_NE(empty_break.err.find("--period-breaks: element 2 of '2023-01-01,' is empty"), std::string::npos)
      << empty_break;
  CommandResult negative = folder.carecast("calibrate records.csv --min-exposure -1 -o model.yaml");
  EXPECT_EQ(negative.status, 3) << negative;
  EXPECT_NE(negative.err.find("--min-exposure: expected a number of person-years, 0 or more, found '-1'"),
            std::string::npos)
      << negative;
  EXPECT_LT(negative.err.size(), 200u) << negative;
  CommandResult missing = folder.carecast("calibrate missing.csv -o model.yaml");
  EXPECT_EQ(missing.status, 1) << missing;
  EXPECT_EQ(missing.err.rfind("carecast: invalid input: missing.csv: cannot read the table 'missing.csv' (it does "
                              "not exist)",
                              0),
            0u)
      << missing;
  CommandResult no_population = folder.carecast("calibrate records.csv --population pop.csv -o model.yaml");
  EXPECT_EQ(no_population.status, 1) << no_population;
  EXPECT_NE(no_population.err.find("carecast: invalid input: pop.csv: cannot read the table 'pop.csv'"),
            std::string::npos)
      << no_population;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"records.csv"})) << joined(folder.files());
  // Lists given as separate arguments, and the ages of --school-ages, still work.
  CommandResult spaced = folder.carecast("calibrate records.csv --age-bands 0 12 --school-ages 5,16 -q -o model.yaml");
  EXPECT_EQ(spaced.status, 0) << spaced;
  EXPECT_NE(read_text(folder.work() / "model.yaml").find("age: [0, 12]"), std::string::npos);
}

}  // namespace
}  // namespace carecast::e2e
