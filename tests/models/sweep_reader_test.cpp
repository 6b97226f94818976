// read_sweep: a grid gives one scenario per combination of the listed values, the first key
// varying slowest, each with its values in place and validated; a list gives one per item; a
// key path the scenario does not have is a located error with a suggestion; a bad value in one
// combination is an error that names the combination and the key path; a file without a sweep
// gives the one scenario read_scenario reads.
#include "models/scenario/sweep_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

namespace fs = std::filesystem;
using test_support::data_dir;
using test_support::input_error_of;
using test_support::ScratchFolder;

/// The minimal scenario with one intervention that sweeps can vary.
std::string with_intervention() {
  return "extends: " + (data_dir() / "scenario" / "minimal.yaml").string() +
         "\n"
         "interventions:\n"
         "  teen_support:\n"
         "    start: 2025-06-01\n"
         "    end: 2027-01-01\n"
         "    ages: [12, 18]\n"
         "    uptake: 0.5\n"
         "    entry_rate: {multiplier: 0.8}\n";
}

const InterventionSpec& teen_support(const Scenario& scenario) {
  EXPECT_EQ(scenario.interventions.list.size(), 1u);
  return scenario.interventions.list.front();
}

class SweepReader : public ::testing::Test {
 protected:
  ScratchFolder scratch;
  fs::path write(const std::string& sweep) { return scratch.write("sweep.yaml", with_intervention() + sweep); }
};

TEST_F(SweepReader, AGridGivesOneScenarioPerCombinationTheFirstKeyVaryingSlowest) {
  fs::path file = write(
      "sweep:\n"
      "  interventions.teen_support.uptake: [0.1, 0.2, 0.3]\n"
      "  interventions.teen_support.entry_rate.multiplier: [0.7, 0.9]\n");
  Sweep sweep = read_sweep(file);
  ASSERT_TRUE(sweep.is_sweep());
  EXPECT_TRUE(sweep.grid);
  EXPECT_EQ(sweep.keys, (std::vector<std::string>{"interventions.teen_support.uptake",
                                                  "interventions.teen_support.entry_rate.multiplier"}));
  ASSERT_EQ(sweep.combinations.size(), 6u);
  const double uptakes[] = {0.1, 0.1, 0.2, 0.2, 0.3, 0.3};
  const double multipliers[] = {0.7, 0.9, 0.7, 0.9, 0.7, 0.9};
  for (std::size_t c = 0; c < 6; ++c) {
    const SweepCombination& combination = sweep.combinations[c];
    const InterventionSpec& intervention = teen_support(combination.scenario);
    EXPECT_EQ(intervention.uptake.central(), uptakes[c]) << c;
    ASSERT_TRUE(intervention.entry_rate.has_value());
    EXPECT_EQ(intervention.entry_rate->multiplier.central(), multipliers[c]) << c;
    ASSERT_EQ(combination.numbers.size(), 2u);
    EXPECT_EQ(combination.numbers[0], uptakes[c]);
    EXPECT_EQ(combination.numbers[1], multipliers[c]);
    EXPECT_EQ(combination.scenario.path, file.string());
    EXPECT_EQ(combination.scenario.resolved_text.find("sweep"), std::string::npos) << c;
  }
  EXPECT_EQ(sweep.combinations[3].values, (std::vector<std::string>{"0.2", "0.9"}));
  EXPECT_EQ(sweep.describe(3), "uptake = 0.2, multiplier = 0.9");
  // Everything not swept is the same in every combination; the swept values make them differ.
  EXPECT_EQ(sweep.combinations[0].scenario.transitions.size(), sweep.combinations[5].scenario.transitions.size());
  EXPECT_NE(sweep.combinations[0].scenario.sha256, sweep.combinations[1].scenario.sha256);
  EXPECT_NE(sweep.resolved_text.find("sweep:"), std::string::npos);
  EXPECT_EQ(sweep.sha256.size(), 64u);
}

TEST_F(SweepReader, EachCombinationsResolvedTextIsThatOfTheSameScenarioWrittenOut) {
  Sweep sweep = read_sweep(write("sweep:\n  interventions.teen_support.uptake: [0.1, 0.25]\n"));
  scratch.write("base.yaml", with_intervention());
  fs::path plain = scratch.write("plain.yaml", "extends: base.yaml\ninterventions: {teen_support: {uptake: 0.25}}\n");
  Scenario scenario = read_scenario(plain);
  EXPECT_EQ(sweep.combinations[1].scenario.resolved_text, scenario.resolved_text);
  EXPECT_NE(sweep.combinations[0].scenario.resolved_text, scenario.resolved_text);
}

TEST_F(SweepReader, AValueMayBeADistributionAndReplacesTheValueWhole) {
  Sweep sweep = read_sweep(write("sweep:\n  interventions.teen_support.uptake: [0.4, {uniform: [0.3, 0.6]}]\n"));
  ASSERT_EQ(sweep.combinations.size(), 2u);
  EXPECT_EQ(sweep.combinations[1].values[0], "{uniform: [0.3, 0.6]}");
  EXPECT_FALSE(sweep.combinations[1].numbers[0].has_value());
  const UncertainValue& uptake = teen_support(sweep.combinations[1].scenario).uptake;
  EXPECT_EQ(uptake.law, UncertainValue::Law::uniform);
  EXPECT_EQ(uptake.low, 0.3);
  EXPECT_EQ(uptake.high, 0.6);
}

TEST_F(SweepReader, AListGivesOneCombinationPerItem) {
  Sweep sweep = read_sweep(write(
      "sweep:\n"
      "  - interventions.teen_support.uptake: 0.1\n"
      "    transitions[1].hazard: 0.2\n"
      "  - {interventions.teen_support.uptake: 0.4, \"transitions[1].hazard\": 0.5}\n"));
  EXPECT_FALSE(sweep.grid);
  ASSERT_EQ(sweep.combinations.size(), 2u);
  EXPECT_EQ(sweep.keys, (std::vector<std::string>{"interventions.teen_support.uptake", "transitions[1].hazard"}));
  EXPECT_EQ(teen_support(sweep.combinations[1].scenario).uptake.central(), 0.4);
  EXPECT_EQ(sweep.combinations[0].scenario.transitions[1].hazard.values, (std::vector<double>{0.2}));
  EXPECT_EQ(sweep.combinations[1].scenario.transitions[1].hazard.values, (std::vector<double>{0.5}));
}

TEST_F(SweepReader, AnUnknownKeyPathIsALocatedErrorWithASuggestion) {
  fs::path file = write("sweep:\n  interventions.teen_support.uptak: [0.1, 0.2]\n");
  auto error = input_error_of([&] { read_sweep(file); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, file.string());
  EXPECT_EQ(error->where().line, 10);
  EXPECT_EQ(error->where().column, 3);
  EXPECT_EQ(error->key_path(), "sweep.interventions.teen_support.uptak");
  EXPECT_NE(error->problem().find("no key 'uptak' in 'interventions.teen_support'"), std::string::npos)
      << error->what();
  EXPECT_NE(error->problem().find("did you mean 'uptake'?"), std::string::npos) << error->what();
}

TEST_F(SweepReader, AnIndexPastTheEndOfAListIsALocatedError) {
  fs::path file = write("sweep:\n  transitions[2].hazard: [0.1, 0.2]\n");
  auto error = input_error_of([&] { read_sweep(file); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->key_path(), "sweep.transitions[2].hazard");
  EXPECT_NE(error->problem().find("'transitions' is a list of 2 items (0 to 1); it has no item 2"), std::string::npos)
      << error->what();
}

TEST_F(SweepReader, ABadValueInOneCombinationNamesTheCombinationAndTheKeyPath) {
  fs::path file = write(
      "sweep:\n"
      "  interventions.teen_support.uptake: [0.1, 1.5]\n"
      "  interventions.teen_support.entry_rate.multiplier: [0.7, 0.9]\n");
  auto error = input_error_of([&] { read_sweep(file); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, file.string());
  EXPECT_EQ(error->where().line, 10);  // the value 1.5 in the sweep's list
  EXPECT_EQ(error->where().column, 44);
  EXPECT_EQ(error->key_path(), "interventions.teen_support.uptake");
  EXPECT_NE(error->problem().find("in sweep combination 2 (uptake = 1.5, multiplier = 0.7): "), std::string::npos)
      << error->what();
  EXPECT_NE(error->problem().find("between 0 and 1, found '1.5'"), std::string::npos) << error->what();
}

TEST_F(SweepReader, SimulationAndStatesCannotBeSwept) {
  for (const char* key : {"simulation.seed", "states[0].kind"}) {
    auto error = input_error_of([&] { read_sweep(write(std::string("sweep:\n  ") + key + ": [1, 2]\n")); });
    ASSERT_TRUE(error.has_value()) << key;
    EXPECT_EQ(error->key_path(), std::string("sweep.") + key);
    EXPECT_NE(error->problem().find("a sweep cannot vary"), std::string::npos) << error->what();
  }
}

TEST_F(SweepReader, AFileWithoutASweepGivesTheOneScenarioReadScenarioReads) {
  fs::path file = scratch.write("plain.yaml", with_intervention());
  Sweep sweep = read_sweep(file);
  EXPECT_FALSE(sweep.is_sweep());
  ASSERT_EQ(sweep.combinations.size(), 1u);
  EXPECT_TRUE(sweep.combinations[0].values.empty());
  Scenario alone = read_scenario(file);
  EXPECT_EQ(sweep.combinations[0].scenario.resolved_text, alone.resolved_text);
  EXPECT_EQ(sweep.combinations[0].scenario.sha256, alone.sha256);
  EXPECT_EQ(sweep.sha256, alone.sha256);
  EXPECT_EQ(teen_support(sweep.combinations[0].scenario).uptake.central(), 0.5);
}

TEST_F(SweepReader, ASweepSetToNothingIsNoSweep) {
  Sweep sweep = read_sweep(write("sweep: ~\n"));
  EXPECT_FALSE(sweep.is_sweep());
  ASSERT_EQ(sweep.combinations.size(), 1u);
  EXPECT_EQ(sweep.combinations[0].scenario.resolved_text.find("sweep"), std::string::npos);
}

TEST_F(SweepReader, TheFamilySupportSweepHas25CombinationsOfFixedValues) {
  Sweep sweep = read_sweep(test_support::scenarios_dir() / "family-support-sweep.yaml");
  ASSERT_EQ(sweep.combinations.size(), 25u);
  for (const SweepCombination& combination : sweep.combinations) {
    ASSERT_EQ(combination.scenario.interventions.list.size(), 1u);
    const InterventionSpec& intervention = combination.scenario.interventions.list.front();
    EXPECT_TRUE(intervention.uptake.is_fixed());
    EXPECT_TRUE(intervention.entry_rate->multiplier.is_fixed());
  }
  EXPECT_EQ(sweep.combinations.front().values, (std::vector<std::string>{"0.1", "0.7"}));
  EXPECT_EQ(sweep.combinations.back().values, (std::vector<std::string>{"0.5", "0.95"}));
}

}  // namespace
}  // namespace carecast::models
