// The model file: parsed back with yaml-cpp it holds every estimate with its se, interval, events
// and exposure, the pooling and calibration report; included from a scenario it reads as that
// scenario's states, transitions, entries, breakdowns and school probabilities.
//
// The data are one replicate of a small simulated scenario (two placements, a breakdown with
// causes, a prior-breakdown factor, school changes), calibrated with
//   age [0, 10), [10, 20), [20, ∞)   (nobody is in care from 18: the last rows have no exposure)
//   duration [0, 0.25), [0.25, 2), [2, ∞) with a minimum of 20 person-years, pooled along duration
// and a population table, so that every section of the file is written.
#include <gtest/gtest.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "engine/communicator.hpp"
#include "models/calibration/model_file_writer.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using test_support::ScratchFolder;

constexpr double relative_digits = 1e-5;  // the file has 6 significant digits

std::string population_csv() {
  std::string text = "age,year,population\n";
  for (int age = 0; age < 18; ++age)
    for (int year = 2020; year <= 2024; ++year) text += fmt::format("{},{},2000\n", age, year);
  return text;
}

std::filesystem::path write_source_scenario(const ScratchFolder& folder) {
  folder.write("population.csv", population_csv());
  return folder.write("source.yaml", R"(name: Model file source
simulation: {start: 2020-01-01, years: 5, grid: yearly, replicates: 1, seed: 11}
states:
  - {name: foster, kind: placement}
  - {name: residential, kind: placement}
  - {name: home, kind: exit}
  - {name: aged_out, kind: exit}
ageing_out: {age: 18, to: aged_out}
population: {table: population.csv}
entries:
  rate_per_1000: [{age: [0, 10], rate: 2}, {age: [10, 18], rate: 4}]
  mix: [{age: [0, 18], shares: {foster: 0.75, residential: 0.25}}]
transitions:
  - {from: foster, to: home, hazard: 0.4}
  - {from: foster, to: residential, breakdown: {carer_initiated: 0.4, other: 0.6}, hazard: 0.3}
  - {from: residential, to: foster, hazard: 0.5}
  - {from: residential, to: home, hazard: 0.2}
breakdowns: {prior_breakdown_factor: 1.5, prior_breakdown_cap: 4}
school:
  ages: [6, 16]
  change_probability: {entry: 0.6, planned_move: 0.4, breakdown: 0.7, return_home: 0.5}
  return_home_states: [home]
  exam: {age: 16, intercept: 1, per_school_change: -0.3, per_year_in_care: -0.1}
initial_stock: {warmup_years: 0}
)");
}

CalibrationSettings settings() {
  CalibrationSettings s;
  s.bands.age_edges = {0, 10, 20};
  s.bands.duration_edges = {0, 0.25, 2};
  s.bands.min_exposure = 20.0;
  s.exposure.ageing_out_state = "aged_out";
  s.entries.age_edges = {0, 10};
  s.school = SchoolChangeOptions{6.0, 16.0, {}};
  return s;
}

class ModelFileWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    Scenario source = read_scenario(write_source_scenario(folder_));
    RunOptions options;
    options.episode_replicates = {0};
    RunResult result = simulate(source, options, engine::SingleProcess{});
    population_ = source.population;
    model_ = std::make_unique<CalibratedModel>(calibrate(result.episodes[0], settings(), &population_));
    text_ = model_file_text(*model_);
    file_ = YAML::Load(text_);
  }

  /// The transition entry of the file for (from, to, breakdown?).
  YAML::Node transition(const std::string& from, const std::string& to, bool breakdown) const {
    for (const YAML::Node& t : file_["transitions"])
      if (t["from"].as<std::string>() == from && t["to"].as<std::string>() == to && bool(t["breakdown"]) == breakdown)
        return t;
    ADD_FAILURE() << "no transition " << from << " -> " << to;
    return {};
  }

  ScratchFolder folder_;
  PopulationTable population_;
  std::unique_ptr<CalibratedModel> model_;
  std::string text_;
  YAML::Node file_;
};

TEST_F(ModelFileWriter, StatesAreEpisodeStatesThenExitStates) {
  ASSERT_TRUE(file_["states"].IsSequence());
  std::vector<std::pair<std::string, std::string>> states;
  for (const YAML::Node& s : file_["states"]) states.emplace_back(s["name"].as<std::string>(), s["kind"].as<std::string>());
  EXPECT_EQ(states, (std::vector<std::pair<std::string, std::string>>{
                        {"foster", "placement"}, {"residential", "placement"}, {"home", "exit"}, {"aged_out", "exit"}}));
}

TEST_F(ModelFileWriter, EveryHazardRowCarriesItsEstimateAndCounts) {
  const ExposureTable& table = model_->exposure;
  ASSERT_EQ(file_["transitions"].size(), table.transitions().size());
  for (std::size_t t = 0; t < table.transitions().size(); ++t) {
    const TransitionKey& key = table.transitions()[t];
    YAML::Node rows = file_["transitions"][t]["hazard"];
    const auto& groups = model_->hazards.groups(key.from);
    ASSERT_EQ(rows.size(), groups.size());
    const auto& estimates = key.kind == TransitionKind::breakdown ? model_->breakdown_factor->base_rates.at(t)
                                                                   : model_->hazards.transitions()[t].by_group;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const RateEstimate& r = estimates[g];
      YAML::Node row = rows[g];
      EXPECT_NEAR(row["rate"].as<double>(), r.rate, relative_digits * r.rate);
      EXPECT_NEAR(row["se"].as<double>(), r.se, relative_digits * r.se);
      ASSERT_EQ(row["ci95"].size(), 2u);
      EXPECT_NEAR(row["ci95"][0].as<double>(), r.lower, relative_digits * r.lower);
      EXPECT_EQ(row["events"].as<std::int64_t>(), r.events);
      EXPECT_NEAR(row["exposure_years"].as<double>(), groups[g].exposure_years, relative_digits * groups[g].exposure_years);
      EXPECT_TRUE(row["age"]) << "three age bands";
      EXPECT_TRUE(row["duration"]) << "three duration bands";
      EXPECT_FALSE(row["period"]) << "a single period is left out";
    }
  }
}

TEST_F(ModelFileWriter, PooledAndEmptyCellsAreCommented) {
  ASSERT_FALSE(model_->hazards.pooling().empty()) << "the data should need pooling at 20 person-years";
  EXPECT_NE(text_.find("# pooled cells: duration"), std::string::npos);
  // From age 20 nobody is in care: rate 0, exposure 0, an open interval, and a comment.
  YAML::Node rows = transition("foster", "home", false)["hazard"];
  YAML::Node last = rows[rows.size() - 1];
  EXPECT_EQ(last["age"][0].as<double>(), 20.0);
  EXPECT_TRUE(std::isinf(last["age"][1].as<double>()));
  EXPECT_EQ(last["rate"].as<double>(), 0.0);
  EXPECT_EQ(last["exposure_years"].as<double>(), 0.0);
  EXPECT_TRUE(std::isinf(last["ci95"][1].as<double>()));
  EXPECT_NE(text_.find("# no exposure: rate 0 is a placeholder"), std::string::npos);
  YAML::Node pooling = file_["calibration"]["pooling"];
  ASSERT_EQ(pooling.size(), model_->hazards.pooling().size());
  EXPECT_TRUE(pooling[0]["merged"]["duration"]);
  EXPECT_TRUE(pooling[0]["into"]["exposure_years"]);
}

TEST_F(ModelFileWriter, BreakdownsCarryCauseSharesAndTheFactor) {
  YAML::Node t = transition("foster", "residential", true);
  double carer = t["breakdown"]["carer_initiated"].as<double>(), other = t["breakdown"]["other"].as<double>();
  EXPECT_DOUBLE_EQ(carer + other, 1.0);
  YAML::Node b = file_["breakdowns"];
  ASSERT_TRUE(b);
  ASSERT_TRUE(model_->breakdown_factor && model_->breakdown_factor->estimable);
  EXPECT_NEAR(b["prior_breakdown_factor"].as<double>(), model_->breakdown_factor->factor, 1e-5);
  EXPECT_EQ(b["prior_breakdown_cap"].as<int>(), 4);
  EXPECT_GT(b["se"].as<double>(), 0.0);
  EXPECT_EQ(b["ci95"].size(), 2u);
  YAML::Node causes = file_["calibration"]["breakdown_causes"];
  ASSERT_EQ(causes.size(), 1u);
  EXPECT_NEAR(causes[0]["carer_initiated"].as<double>(), carer, 1e-6);
}

TEST_F(ModelFileWriter, EntriesAndMixWithTheirUncertainty) {
  YAML::Node rates = file_["entries"]["rate_per_1000"];
  ASSERT_EQ(rates.size(), 2u);
  EXPECT_EQ(rates[1]["age"][0].as<double>(), 10.0);
  EXPECT_TRUE(std::isinf(rates[1]["age"][1].as<double>()));
  EXPECT_NEAR(rates[0]["rate"].as<double>(), model_->entries->rates()[0].per_1000.rate, 1e-5 * rates[0]["rate"].as<double>());
  EXPECT_TRUE(rates[0]["se"] && rates[0]["ci95"] && rates[0]["events"] && rates[0]["exposure_years"]);
  for (const YAML::Node& band : file_["entries"]["mix"]) {
    double sum = 0.0;
    for (const auto& share : band["shares"]) sum += share.second.as<double>();
    EXPECT_NEAR(sum, 1.0, 1e-12);
    EXPECT_TRUE(band["se"]["foster"]);
    EXPECT_GT(band["events"].as<int>(), 0);
  }
  EXPECT_GT(file_["calibration"]["entries"]["by_year"].size(), 0u);
}

TEST_F(ModelFileWriter, SchoolProbabilitiesWhenRecorded) {
  YAML::Node p = file_["school"]["change_probability"];
  ASSERT_TRUE(p);
  EXPECT_TRUE(p["entry"] && p["planned_move"] && p["breakdown"]);
  EXPECT_FALSE(p["return_home"]) << "not estimable from episodes";
  EXPECT_TRUE(file_["calibration"]["school_changes"]["entry"]["ci95"]);
}

TEST_F(ModelFileWriter, CalibrationBlockHasProvenanceCountsAndBands) {
  YAML::Node c = file_["calibration"];
  EXPECT_EQ(c["observed_until"].as<std::string>(), "2024-12-31");
  EXPECT_TRUE(c["fit_until"].IsNull());
  EXPECT_EQ(c["episodes"].as<std::size_t>(), model_->exposure.summary().episodes);
  EXPECT_EQ(c["events"]["breakdowns"].as<std::int64_t>(), model_->exposure.summary().breakdowns);
  EXPECT_EQ(c["bands"]["age"].size(), 3u);
  EXPECT_EQ(c["bands"]["pool_along"].as<std::string>(), "duration");
  EXPECT_EQ(c["bands"]["ageing_out_state"].as<std::string>(), "aged_out");
  EXPECT_NE(c["source"].as<std::string>().find("#replicate-0"), std::string::npos);
}

TEST_F(ModelFileWriter, AScenarioIncludesIt) {
  write_model_file(*model_, folder_.path() / "model.yaml");
  EXPECT_FALSE(std::filesystem::exists(folder_.path() / "model.yaml.partial"));
  auto scenario_file = folder_.write("uses_model.yaml", R"(name: Calibrated
include: model.yaml
simulation: {start: 2022-01-01, years: 2, grid: yearly, replicates: 2, seed: 1}
ageing_out: {age: 18, to: aged_out}
population: {table: population.csv}
school:
  ages: [6, 16]
  change_probability: {return_home: 0.5}
  return_home_states: [home]
  exam: {age: 16, intercept: 1, per_school_change: -0.3, per_year_in_care: -0.1}
initial_stock: {warmup_years: 0}
)");
  folder_.write("population.csv", population_csv());
  Scenario scenario = read_scenario(scenario_file);
  ASSERT_EQ(scenario.states.size(), 4u);
  ASSERT_EQ(scenario.transitions.size(), model_->exposure.transitions().size());
  const TransitionSpec& first = scenario.transitions[0];
  bool breakdown = model_->exposure.transitions()[0].kind == TransitionKind::breakdown;
  EXPECT_EQ(first.breakdown, breakdown);
  const RateEstimate& estimate = breakdown ? model_->breakdown_factor->base_rates.at(0)[0]
                                           : model_->hazards.transitions()[0].by_group[0];
  EXPECT_NEAR(first.hazard.values[0], estimate.rate, relative_digits * estimate.rate);
  EXPECT_NEAR(scenario.breakdowns.prior_breakdown_factor, model_->breakdown_factor->factor, 1e-5);
  EXPECT_NEAR(scenario.school.change_probability[0], model_->school->of(MoveKind::entry)->p, 1e-5);
  EXPECT_EQ(scenario.school.change_probability[3], 0.5);
  EXPECT_NEAR(scenario.entries.mix[0].shares[0], model_->entries->mix()[0].shares[0], 1e-6);
}

// Numbers of any size are written so that YAML 1.1 readers read numbers: 3 infants enter in 2021
// out of 3,000,000 (population-years exactly 3.0e+06), one child aged 1 out of 100,000,000 (a
// rate per 1000 of exactly 1.0e-05 and population-years 1.0e+08). "%g" alone would write 3e+06
// and 1e-05, which PyYAML reads as strings.
EpisodeData one_year_of_entries() {
  EpisodeData data;
  data.file = "entries.csv";
  data.observed_until = *engine::parse_iso_date("2021-12-31");
  auto entry = [](const char* child, const char* birth, const char* start) {
    Episode e;
    e.child = child;
    e.birth = *engine::parse_iso_date(birth);
    e.start = *engine::parse_iso_date(start);
    e.state = "foster";
    return e;
  };
  data.episodes = {entry("i1", "2020-11-01", "2021-01-01"), entry("i2", "2020-12-01", "2021-03-01"),
                   entry("i3", "2021-01-01", "2021-06-01"), entry("t1", "2019-06-01", "2021-02-01")};
  data.episodes[0].end = *engine::parse_iso_date("2021-05-01");
  data.episodes[0].ending = EpisodeEnding::exit;
  data.episodes[0].exit_state = "home";
  return data;
}

/// Runs PyYAML over `file` and says whether every number the file should hold is a number to
/// it: nothing that looks like a number is read as a string. Empty when PyYAML is not installed.
std::optional<bool> pyyaml_reads_numbers(const std::filesystem::path& file) {
  if (std::system("/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1") != 0) return std::nullopt;
  std::string script =
      "import re, sys, yaml\n"
      "def walk(x):\n"
      "    if isinstance(x, dict): return all(walk(k) and walk(v) for k, v in x.items())\n"
      "    if isinstance(x, list): return all(walk(v) for v in x)\n"
      "    if isinstance(x, str) and re.fullmatch(r'[-+]?[0-9.]+([eE][-+]?[0-9]+)?', x): print('string:', x); return False\n"
      "    return True\n"
      "m = yaml.safe_load(open(sys.argv[1]))\n"
      "rows = m['entries']['rate_per_1000']\n"
      "ok = walk(m) and isinstance(rows[0]['exposure_years'], float) and isinstance(rows[1]['rate'], float)\n"
      "sys.exit(0 if ok else 1)\n";
  std::ofstream(file.string() + ".py") << script;
  return std::system(("/usr/bin/python3 " + file.string() + ".py " + file.string()).c_str()) == 0;
}

TEST(ModelFileNumbers, LargeAndSmallNumbersAreNumbersToEveryYamlReader) {
  PopulationTable population;
  for (int year : {2020, 2021}) {
    population.set(0, year, 3e6);
    population.set(1, year, 1e8);
    for (int age = 2; age < 18; ++age) population.set(age, year, 1000.0);
  }
  CalibrationSettings s;
  s.entries.age_edges = {0, 1, 2};
  s.entries.observed_from = *engine::parse_iso_date("2021-01-01");
  CalibratedModel model = calibrate(one_year_of_entries(), s, &population);
  ASSERT_TRUE(model.entries);
  ASSERT_EQ(model.entries->rates()[0].population_years, 3e6);
  ASSERT_DOUBLE_EQ(model.entries->rates()[1].per_1000.rate, 1e-5);
  std::string text = model_file_text(model);
  EXPECT_NE(text.find("exposure_years: 3.0e+06"), std::string::npos) << text;
  EXPECT_NE(text.find("{age: [1, 2], rate: 1.0e-05, se: 1.0e-05"), std::string::npos) << text;
  EXPECT_NE(text.find("exposure_years: 1.0e+08"), std::string::npos) << text;
  // No exponent form anywhere without a point in its mantissa.
  std::smatch bare;
  EXPECT_FALSE(std::regex_search(text, bare, std::regex(R"((^|[^0-9.])[0-9]+[eE][-+]?[0-9]+)"))) << bare.str();
  // yaml-cpp reads the values back.
  YAML::Node file = YAML::Load(text);
  EXPECT_EQ(file["entries"]["rate_per_1000"][0]["exposure_years"].as<double>(), 3e6);
  EXPECT_DOUBLE_EQ(file["entries"]["rate_per_1000"][1]["rate"].as<double>(), 1e-5);
  // And PyYAML, where it is installed.
  ScratchFolder folder;
  auto pyyaml = pyyaml_reads_numbers(folder.write("model.yaml", text));
  if (pyyaml) {
    EXPECT_TRUE(*pyyaml) << "PyYAML read a number of the model file as a string:\n" << text;
  }
}

}  // namespace
}  // namespace carecast::models::calibration
