// read_scenario: the example scenarios read and have the expected states, transitions, entries
// and settings; a scenario that `extends:` another overrides single keys and inherits the rest;
// the hash covers the resolved text and every data file.
#include "models/scenario/scenario_reader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "models/config/config_loader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

namespace fs = std::filesystem;
using test_support::data_dir;
using test_support::input_error_of;
using test_support::scenarios_dir;
using test_support::ScratchFolder;

std::vector<std::string> state_names(const Scenario& scenario) {
  std::vector<std::string> names;
  for (const auto& state : scenario.states) names.push_back(state.name);
  return names;
}

std::vector<std::string> exit_states(const Scenario& scenario) {
  std::vector<std::string> names;
  for (const auto& state : scenario.states)
    if (state.kind == StateKind::exit) names.push_back(state.name);
  return names;
}

std::set<std::pair<std::string, std::string>> transition_pairs(const Scenario& scenario) {
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& t : scenario.transitions)
    pairs.insert({scenario.states[static_cast<std::size_t>(t.from)].name,
                  scenario.states[static_cast<std::size_t>(t.to)].name});
  return pairs;
}

const TransitionSpec& transition(const Scenario& scenario, const std::string& from, const std::string& to) {
  for (const auto& t : scenario.transitions)
    if (t.from == scenario.state_index(from) && t.to == scenario.state_index(to)) return t;
  throw std::out_of_range(from + " -> " + to);
}

double share(const Scenario& scenario, std::size_t band, const std::string& state) {
  return scenario.entries.mix[band].shares[static_cast<std::size_t>(scenario.state_index(state))];
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Checks what holds for every valid scenario: transitions leave non-exit states, entry mixes
/// name only non-exit states and sum to one, ageing out goes to an exit state.
void expect_consistent(const Scenario& scenario) {
  for (const auto& t : scenario.transitions) {
    EXPECT_FALSE(scenario.is_exit(t.from));
    EXPECT_EQ(t.hazard.boxes.size(), t.hazard.values.size());
  }
  for (const auto& band : scenario.entries.mix) {
    ASSERT_EQ(band.shares.size(), scenario.states.size());
    EXPECT_NEAR(std::accumulate(band.shares.begin(), band.shares.end(), 0.0), 1.0, 1e-9);
    for (std::size_t s = 0; s < band.shares.size(); ++s) {
      if (scenario.is_exit(static_cast<int>(s))) {
        EXPECT_EQ(band.shares[s], 0.0);
      }
    }
  }
  EXPECT_TRUE(scenario.is_exit(scenario.ageing_out.to));
  EXPECT_EQ(scenario.sha256.size(), 64u);
  EXPECT_EQ(scenario.sha256.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ScenarioReader, Baseline) {
  Scenario scenario = read_scenario(scenarios_dir() / "baseline.yaml");
  EXPECT_EQ(scenario.name, "Baseline - Danish municipality of ~100,000");
  EXPECT_FALSE(scenario.description.empty());
  EXPECT_EQ(scenario.path, (scenarios_dir() / "baseline.yaml").string());
  EXPECT_EQ(engine::format_iso_date(scenario.simulation.start), "2025-01-01");
  EXPECT_EQ(scenario.simulation.span, std::chrono::years{10});
  EXPECT_EQ(scenario.simulation.grid, engine::GridStep::monthly);
  EXPECT_EQ(scenario.simulation.replicates, 200u);
  EXPECT_EQ(scenario.simulation.seed, 20250101u);

  EXPECT_EQ(state_names(scenario),
            (std::vector<std::string>{"kinship", "foster", "institution", "residential_home", "own_room",
                                      "family_support", "returned_home", "left_care", "aged_out", "support_ended"}));
  EXPECT_EQ(exit_states(scenario),
            (std::vector<std::string>{"returned_home", "left_care", "aged_out", "support_ended"}));
  EXPECT_EQ(scenario.states[5].kind, StateKind::support);
  EXPECT_TRUE(scenario.costs.enabled);
  EXPECT_TRUE(scenario.caseload.enabled);
  EXPECT_EQ(scenario.states[2].label, "Residential institution (døgninstitution)");
  EXPECT_EQ(scenario.ageing_out.age, 23.0);
  EXPECT_EQ(scenario.ageing_out.to, scenario.state_index("aged_out"));

  // Structure, not calibrated values (those are checked against published figures in docs/).
  std::set<std::pair<std::string, std::string>> pairs = transition_pairs(scenario);
  for (const char* from : {"kinship", "foster", "institution", "residential_home", "own_room"}) {
    EXPECT_TRUE(pairs.count({from, "returned_home"})) << from;
    EXPECT_TRUE(pairs.count({from, "left_care"})) << from;
  }
  std::size_t breakdowns = 0;
  for (const TransitionSpec& t : scenario.transitions) {
    if (!t.breakdown) continue;
    breakdowns += 1;
    EXPECT_EQ(scenario.states[static_cast<std::size_t>(t.from)].kind, StateKind::placement);
    EXPECT_NEAR(t.cause_shares[0] + t.cause_shares[1], 1.0, 1e-12);
  }
  EXPECT_GE(breakdowns, 3u);
  EXPECT_GT(scenario.breakdowns.prior_breakdown_factor, 1.0);
  EXPECT_TRUE(scenario.school.enabled);
  EXPECT_EQ(scenario.school.ages.lower, 6.0);
  EXPECT_TRUE(scenario.school.return_home_state[static_cast<std::size_t>(scenario.state_index("returned_home"))]);
  EXPECT_TRUE(scenario.carer_pool.enabled);
  EXPECT_EQ(scenario.carer_pool.state, scenario.state_index("foster"));
  EXPECT_EQ(scenario.carer_pool.fallback, scenario.state_index("institution"));

  // The shared return-home hazard (a YAML anchor) is the same object's values for every user.
  EXPECT_EQ(transition(scenario, "own_room", "returned_home").hazard.values,
            transition(scenario, "institution", "returned_home").hazard.values);
  EXPECT_EQ(scenario.entries.rate_per_1000.values.back(), 0.0);  // no new entries at 18-22
  ASSERT_EQ(scenario.entries.mix.size(), 4u);
  EXPECT_EQ(scenario.entries.mix[3].age.lower, 15.0);
  EXPECT_EQ(scenario.entries.mix[3].age.upper, 23.0);

  EXPECT_EQ(scenario.population.file(), scenarios_dir() / "data" / "dk_municipality_population.csv");
  EXPECT_EQ(scenario.population.at(0, 2025), 977.5);
  EXPECT_FALSE(scenario.initial.from_snapshot);
  EXPECT_EQ(scenario.initial.warmup_years, 25.0);
  expect_consistent(scenario);

  ConfigNode resolved = parse_yaml_text(scenario.resolved_text, "resolved.yaml");
  ASSERT_NE(resolved.find("transitions"), nullptr);
  EXPECT_EQ(resolved.find("transitions")->items.size(), scenario.transitions.size());
}

TEST(ScenarioReader, EnglandLocalAuthority) {
  Scenario scenario = read_scenario(scenarios_dir() / "england-la.yaml");
  EXPECT_EQ(scenario.name, "England - a typical local authority");
  EXPECT_EQ(engine::format_iso_date(scenario.simulation.start), "2025-04-01");
  EXPECT_EQ(scenario.simulation.span, std::chrono::years{5});
  EXPECT_EQ(scenario.simulation.seed, 20250401u);
  EXPECT_EQ(scenario.simulation.year_begins, std::chrono::April / 1);  // English financial years
  // Weekly prices (CMA 2021) turn into daily costs.
  EXPECT_TRUE(scenario.costs.enabled);
  EXPECT_EQ(scenario.costs.currency, "GBP");
  EXPECT_DOUBLE_EQ(scenario.costs.per_day[static_cast<std::size_t>(scenario.state_index("foster"))], 820.0 / 7.0);
  EXPECT_DOUBLE_EQ(scenario.costs.per_day[static_cast<std::size_t>(scenario.state_index("childrens_home"))],
                   3830.0 / 7.0);
  EXPECT_EQ(state_names(scenario),
            (std::vector<std::string>{"foster", "childrens_home", "semi_independent", "with_parents",
                                      "for_adoption", "returned_home", "adopted", "special_guardianship",
                                      "ceased_18", "left_other"}));
  EXPECT_EQ(exit_states(scenario), (std::vector<std::string>{"returned_home", "adopted", "special_guardianship",
                                                             "ceased_18", "left_other"}));
  EXPECT_EQ(scenario.ageing_out.age, 18.0);
  EXPECT_EQ(scenario.ageing_out.to, scenario.state_index("ceased_18"));
  // None of the Danish states.
  EXPECT_EQ(scenario.state_index("kinship"), -1);
  EXPECT_EQ(scenario.state_index("aged_out"), -1);

  std::set<std::pair<std::string, std::string>> expected{
      {"foster", "returned_home"},        {"childrens_home", "returned_home"},
      {"semi_independent", "returned_home"}, {"with_parents", "returned_home"},
      {"foster", "for_adoption"},         {"for_adoption", "adopted"},
      {"foster", "special_guardianship"}, {"foster", "childrens_home"},
      {"childrens_home", "foster"},       {"childrens_home", "semi_independent"},
      {"foster", "semi_independent"}};
  EXPECT_EQ(scenario.transitions.size(), 11u);
  EXPECT_EQ(transition_pairs(scenario), expected);

  // A hazard written as one number is one band covering every age and time in state.
  const TransitionSpec& with_parents = transition(scenario, "with_parents", "returned_home");
  ASSERT_EQ(with_parents.hazard.boxes.size(), 1u);
  EXPECT_EQ(with_parents.hazard.values[0], 0.45);
  EXPECT_EQ(with_parents.hazard.boxes[0].age.lower, 0.0);
  EXPECT_EQ(with_parents.hazard.boxes[0].age.upper, 18.0);

  EXPECT_EQ(scenario.entries.rate_per_1000.values, (std::vector<double>{7.0, 2.0, 1.7, 2.6, 5.5}));
  EXPECT_EQ(share(scenario, 3, "semi_independent"), 0.30);
  EXPECT_EQ(scenario.initial.warmup_years, 20.0);
  EXPECT_EQ(scenario.population.file(), scenarios_dir() / "data" / "england_la_population.csv");
  expect_consistent(scenario);
}

TEST(ScenarioReader, AScenarioExtendingTheBaselineOverridesOneKeyAndInheritsTheRest) {
  Scenario base = read_scenario(scenarios_dir() / "baseline.yaml");
  Scenario scenario = read_scenario(data_dir() / "scenario" / "baseline_short.yaml");
  EXPECT_EQ(scenario.simulation.span, std::chrono::years{3});
  // Everything else is the baseline's, including keys next to the overridden one.
  EXPECT_EQ(scenario.name, base.name);
  EXPECT_EQ(scenario.simulation.start, base.simulation.start);
  EXPECT_EQ(scenario.simulation.seed, base.simulation.seed);
  EXPECT_EQ(scenario.simulation.replicates, base.simulation.replicates);
  EXPECT_EQ(scenario.simulation.grid, base.simulation.grid);
  EXPECT_EQ(state_names(scenario), state_names(base));
  EXPECT_EQ(transition_pairs(scenario), transition_pairs(base));
  EXPECT_EQ(scenario.entries.rate_per_1000.values, base.entries.rate_per_1000.values);
  EXPECT_EQ(scenario.initial.warmup_years, 25.0);
  // The baseline's table path is taken from the baseline's folder, not the extending file's.
  EXPECT_EQ(fs::weakly_canonical(scenario.population.file()),
            fs::weakly_canonical(scenarios_dir() / "data" / "dk_municipality_population.csv"));
  EXPECT_EQ(scenario.path, (data_dir() / "scenario" / "baseline_short.yaml").string());
  EXPECT_NE(scenario.sha256, base.sha256);
  ConfigNode resolved = parse_yaml_text(scenario.resolved_text, "resolved.yaml");
  EXPECT_EQ(resolved.find("extends"), nullptr);
  EXPECT_EQ(resolved.find("simulation")->find("years")->scalar, "3");
  EXPECT_EQ(resolved.find("simulation")->find("seed")->scalar, "20250101");
}

TEST(ScenarioReader, AnExtendingScenarioReplacesTheWarmUpWithASnapshotThroughANullInAnInclude) {
  // docs/scenario-reference.md, "Removing an inherited key": a null in an included file
  // replaces the base's initial_stock whole; the file's own keys then add the snapshot.
  Scenario scenario = read_scenario(data_dir() / "scenario" / "baseline_from_snapshot.yaml");
  EXPECT_TRUE(scenario.initial.from_snapshot);
  EXPECT_EQ(scenario.initial.snapshot.children(), 5);
  EXPECT_EQ(scenario.initial.snapshot.file, data_dir() / "scenario" / "baseline_snapshot.csv");
  EXPECT_EQ(scenario.simulation.span, std::chrono::years{10});  // the rest is the baseline's
}

TEST(ScenarioReader, ASnapshotOverAnInheritedWarmUpIsBothAndAnError) {
  // Merging cannot delete a key: the base's warmup_years survives next to the snapshot.
  auto error = input_error_of([] { read_scenario(data_dir() / "scenario" / "baseline_snapshot_and_warmup.yaml"); });
  ASSERT_TRUE(error.has_value());
  // The error points at the snapshot, written in this file, and names where the base wrote the
  // warm-up, with the way to drop it.
  EXPECT_EQ(error->key_path(), "initial_stock.snapshot");
  EXPECT_EQ(fs::path(error->where().file).filename(), "baseline_snapshot_and_warmup.yaml");
  EXPECT_NE(error->problem().find("not both or neither"), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find("'warmup_years' at "), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find("set 'initial_stock' to ~ in an included file and write it whole here"),
            std::string::npos)
      << error->what();
}

TEST(ScenarioReader, AMinimalScenario) {
  Scenario scenario = read_scenario(data_dir() / "scenario" / "minimal.yaml");
  EXPECT_EQ(scenario.name, "Minimal");
  EXPECT_EQ(scenario.simulation.grid, engine::GridStep::quarterly);
  EXPECT_EQ(scenario.simulation.replicates, 4u);
  EXPECT_EQ(scenario.states[0].label, "foster");  // the label defaults to the name
  EXPECT_EQ(scenario.states[1].label, "Residential care");
  EXPECT_EQ(scenario.states[1].kind, StateKind::placement);
  EXPECT_EQ(scenario.states[2].kind, StateKind::exit);
  EXPECT_EQ(kind_name(StateKind::support), "support");
  EXPECT_EQ(kind_name(StateKind::exit), "exit");
  expect_consistent(scenario);
}

class ScenarioReaderScratch : public ::testing::Test {
 protected:
  ScratchFolder scratch;
  fs::path scenario_file = scratch.write("minimal.yaml", slurp(data_dir() / "scenario" / "minimal.yaml"));
  fs::path population_file =
      scratch.write("minimal_population.csv", slurp(data_dir() / "scenario" / "minimal_population.csv"));
};

TEST_F(ScenarioReaderScratch, TheHashCoversTheDataFilesAndIsStable) {
  std::string first = read_scenario(scenario_file).sha256;
  EXPECT_EQ(read_scenario(scenario_file).sha256, first);
  std::ofstream(population_file, std::ios::app) << "# a comment changes the bytes\n";
  EXPECT_NE(read_scenario(scenario_file).sha256, first);
}

// The digest is SHA-256 (FIPS 180-2's test vector for "abc") over the parts in order, as if
// they were one text.
TEST(ScenarioHash, IsTheSha256OfThePartsOneAfterAnother) {
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  EXPECT_EQ(sha256_hex({"abc"}), abc);
  EXPECT_EQ(sha256_hex({"a", "", "bc"}), abc);
  EXPECT_EQ(sha256_hex({}), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// output-schema.md: the resolved text, then the bytes of the population table (no snapshot here).
TEST_F(ScenarioReaderScratch, TheHashIsOverTheResolvedTextThenThePopulationTable) {
  Scenario scenario = read_scenario(scenario_file);
  EXPECT_EQ(scenario.sha256, sha256_hex({scenario.resolved_text, slurp(population_file)}));
}

// A file that extends another may price a state in another unit: `~` drops the base's amount.
TEST_F(ScenarioReaderScratch, AnExtendingFileRepricesAStateInAnotherUnit) {
  std::string base = (scenarios_dir() / "baseline.yaml").string();
  Scenario weekly = read_scenario(
      scratch.write("weekly.yaml", "extends: " + base + "\ncosts: {per_week: {foster: 9100}, per_year: {foster: ~}}\n"));
  EXPECT_DOUBLE_EQ(weekly.costs.per_day[static_cast<std::size_t>(weekly.state_index("foster"))], 1300.0);
  auto both = input_error_of([&] {
    read_scenario(scratch.write("both.yaml", "extends: " + base + "\ncosts: {per_week: {foster: 9100}}\n"));
  });
  ASSERT_TRUE(both.has_value());
  EXPECT_NE(both->problem().find("is given both per_week and per_year; give one"), std::string::npos) << both->what();
  auto thousands = input_error_of([&] {
    read_scenario(scratch.write("thousands.yaml", "extends: " + base + "\ncosts: {per_year: {foster: 470,000}}\n"));
  });
  ASSERT_TRUE(thousands.has_value());
  EXPECT_EQ(thousands->key_path(), "costs.per_year.000");
  EXPECT_NE(thousands->problem().find("A thousands separator?"), std::string::npos) << thousands->what();
}

TEST_F(ScenarioReaderScratch, TheNameDefaultsToTheFileStem) {
  std::string text = slurp(scenario_file);
  text.replace(text.find("name: Minimal\n"), 14, "");
  scratch.write("unnamed.yaml", text);
  Scenario scenario = read_scenario(scratch.path() / "unnamed.yaml");
  EXPECT_EQ(scenario.name, "unnamed");
}

TEST_F(ScenarioReaderScratch, PopulationScaleMultipliesTheTable) {
  std::string text = slurp(scenario_file);
  text.replace(text.find("  table: minimal_population.csv\n"), 32, "  table: minimal_population.csv\n  scale: 2\n");
  scratch.write("scaled.yaml", text);
  Scenario scaled = read_scenario(scratch.path() / "scaled.yaml");
  Scenario plain = read_scenario(scenario_file);
  EXPECT_EQ(scaled.population.at(3, 2026), 2 * *plain.population.at(3, 2026));
  EXPECT_EQ(scaled.population.at(17, 2025), 2 * *plain.population.at(17, 2025));
}

TEST_F(ScenarioReaderScratch, ASweepIsRefusedAtItsKeyAndASweepSetToNothingIsIgnored) {
  fs::path sweep = scratch.write("sweep.yaml", "extends: minimal.yaml\nsweep:\n  transitions[1].hazard: [0.1, 0.2]\n");
  auto error = input_error_of([&] { read_scenario(sweep); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, sweep.string());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->key_path(), "sweep");
  EXPECT_NE(error->problem().find("this file is a sweep"), std::string::npos) << error->what();

  fs::path dropped = scratch.write("dropped.yaml", "extends: sweep.yaml\nsweep: ~\n");
  Scenario scenario = read_scenario(dropped);
  EXPECT_EQ(scenario.resolved_text, read_scenario(scenario_file).resolved_text);
}

// `extend:` for `extends:` merged nothing, and the short file was then said to miss 'simulation'.
TEST_F(ScenarioReaderScratch, AMisspeltFileLevelKeyIsNamedBeforeAnyMissingSection) {
  for (const auto& [written, meant] : std::vector<std::pair<std::string, std::string>>{
           {"extend: minimal.yaml", "extends"}, {"includes: minimal.yaml", "include"}, {"sweeps: {}", "sweep"}}) {
    auto error = input_error_of([&] { read_scenario(scratch.write("typo.yaml", "name: typo\n" + written + "\n")); });
    ASSERT_TRUE(error.has_value()) << written;
    EXPECT_EQ(error->where().line, 2) << error->what();
    EXPECT_NE(error->problem().find("did you mean '" + meant + "'?"), std::string::npos) << error->what();
  }
  auto unknown = input_error_of([&] { read_scenario(scratch.write("typo.yaml", "zzz: 1\n")); });
  ASSERT_TRUE(unknown.has_value());
  EXPECT_NE(unknown->problem().find("extends, foster_carers, include"), std::string::npos) << unknown->what();
}

TEST_F(ScenarioReaderScratch, AnInterventionsAgesMayRunToAgeingOut) {
  Scenario scenario = read_scenario(scratch.write(
      "open-ages.yaml", "extends: " + (scenarios_dir() / "family-support-12-17.yaml").string() +
                            "\ninterventions: {family_support_12_17: {ages: [12, .inf]}}\n"));
  EXPECT_EQ(scenario.interventions.list.at(0).ages.lower, 12.0);
  EXPECT_TRUE(std::isinf(scenario.interventions.list.at(0).ages.upper));
}

/// The minimal scenario (quarterly grid from 2025-01-01) with its simulation settings replaced by
/// `simulation` in an extending file.
class ScenarioSpan : public ScenarioReaderScratch {
 protected:
  Scenario with(const std::string& simulation) {
    return read_scenario(scratch.write("span.yaml", "extends: minimal.yaml\nsimulation: " + simulation + "\n"));
  }
  InputError error_with(const std::string& simulation) {
    auto error = input_error_of([&] { with(simulation); });
    if (!error) ADD_FAILURE() << simulation << " was accepted";
    return error.value_or(InputError({}, "", ""));
  }
};

TEST_F(ScenarioSpan, AnEndDateOnTheGridGivesTheWholeMonthsToIt) {
  Scenario scenario = with("{years: ~, end: 2026-10-01}");
  EXPECT_EQ(scenario.simulation.span, std::chrono::months{21});
  EXPECT_EQ(scenario.simulation.span_key, "end");
  EXPECT_EQ(horizon_date(scenario.simulation), engine::Date(std::chrono::year{2026} / 10 / 1));
  EXPECT_EQ(with("{years: 1}").simulation.span, std::chrono::years{1});
  EXPECT_EQ(with("{years: 1}").simulation.span_key, "years");
}

TEST_F(ScenarioSpan, AnEndOffTheGridNamesTheNextGridDate) {
  InputError error = error_with("{years: ~, end: 2026-06-30}");
  EXPECT_EQ(error.key_path(), "simulation.end");
  EXPECT_NE(error.problem().find("expected a date of the quarterly grid from 2025-01-01"), std::string::npos)
      << error.what();
  EXPECT_NE(error.problem().find("found 2026-06-30. Did you mean 2026-07-01 (or 2026-04-01)?"), std::string::npos) << error.what();
}

TEST_F(ScenarioSpan, YearsAndEndTogetherOrNeitherAreRefused) {
  InputError both = error_with("{end: 2026-01-01}");
  EXPECT_EQ(both.key_path(), "simulation.end");
  EXPECT_NE(both.problem().find("give either years"), std::string::npos) << both.what();
  EXPECT_NE(both.problem().find("write years: ~ next to end"), std::string::npos) << both.what();
  InputError neither = error_with("{years: ~}");
  EXPECT_EQ(neither.key_path(), "simulation");
  EXPECT_NE(neither.problem().find("give years (whole years from the start"), std::string::npos) << neither.what();
}

TEST_F(ScenarioSpan, AnEndMustFollowTheStartWithinAHundredYears) {
  EXPECT_NE(error_with("{years: ~, end: 2025-01-01}").problem().find("expected a date after the start (2025-01-01)"),
            std::string::npos);
  EXPECT_NE(error_with("{years: ~, end: 2125-04-01}").problem().find("at most 100 years after the start"),
            std::string::npos);
}

}  // namespace
}  // namespace carecast::models
