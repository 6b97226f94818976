// Malformed scenarios: every file in tests/e2e/malformed/ is a small variation of
// valid_minimal.yaml (or, for the breakdowns, school and foster_carers sections, of
// valid_sections.yaml, which is valid_minimal.yaml with those sections added). Both
// `carecast validate` and `carecast run -o out.h5` must reject each one with exit status 1,
// name the file (with line:column for YAML, the line for CSV) and the key path on stderr, say
// what is wrong, and leave nothing behind: no result, no temporary file.
#include <gtest/gtest.h>

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "e2e_test_support.hpp"

namespace carecast::e2e {
namespace {

struct Malformed {
  std::string file;      // in tests/e2e/malformed/
  std::string where;     // file:line:column (YAML) or file:line (CSV) that stderr must name
  std::string key_path;  // stderr must say "at '<key_path>'"; empty where there is no key
  std::string message;   // a fragment of what stderr must say
};

void PrintTo(const Malformed& m, std::ostream* out) { *out << m.file; }

const std::vector<Malformed> malformed_scenarios{
    // Unknown keys, with a suggestion where one is close.
    {"unknown_key.yaml", "unknown_key.yaml:28:1", "transitons", "did you mean 'transitions'"},
    {"unknown_optional_key.yaml", "unknown_optional_key.yaml:3:1", "descripton",
     "unknown key 'descripton'; did you mean 'description'?"},
    {"unknown_nested_key.yaml", "unknown_nested_key.yaml:8:3", "simulation.seeds",
     "unknown key 'seeds'; did you mean 'seed'?"},
    {"unknown_band_key.yaml", "unknown_band_key.yaml:32:39", "transitions[0].hazard[0].gender",
     "unknown key 'gender'; expected one of: age, ci95, duration, events, exposure_years, period, rate, se"},
    // YAML that yaml-cpp would read without complaint, losing what follows.
    {"unclosed_quote.yaml", "unclosed_quote.yaml:2:7", "",
     "this quoted text has no closing quote (\"): it runs to the end of the file"},
    {"second_document.yaml", "second_document.yaml:42:1", "",
     "a scenario file holds one YAML document, but a second one starts here (after '---')"},
    // Wrong types and values out of range.
    {"wrong_type.yaml", "wrong_type.yaml:5:10", "simulation.years", "expected a number, found 'ten'"},
    {"probability_above_one.yaml", "probability_above_one.yaml:25:24", "entries.mix[0].shares.foster",
     "expected a probability between 0 and 1, found '1.2'"},
    {"probability_below_zero.yaml", "probability_below_zero.yaml:27:24", "entries.mix[1].shares.foster",
     "expected a probability between 0 and 1, found '-0.5'"},
    {"shares_not_one.yaml", "shares_not_one.yaml:25:15", "entries.mix[0].shares",
     "the shares must sum to 1; they sum to 0.9"},
    {"negative_hazard.yaml", "negative_hazard.yaml:33:37", "transitions[0].hazard[1].rate",
     "expected a number that is zero or more, found '-0.2'"},
    {"negative_scalar_hazard.yaml", "negative_scalar_hazard.yaml:36:13", "transitions[1].hazard",
     "expected a number that is zero or more, found '-0.3'"},
    {"negative_entry_rate.yaml", "negative_entry_rate.yaml:21:28", "entries.rate_per_1000[0].rate",
     "expected a number that is zero or more, found '-2'"},
    {"entries_beyond_support.yaml", "entries_beyond_support.yaml", "population",
     "entries a day at age 0 is more than carecast supports; check the population table's units and scale"},
    {"invalid_date.yaml", "invalid_date.yaml:4:10", "simulation.start",
     "'2025-02-30' is written YYYY-MM-DD, but that month has no such day: 2025-02 has 28 days"},
    {"invalid_grid.yaml", "invalid_grid.yaml:6:9", "simulation.grid",
     "expected monthly, quarterly or yearly, found 'weekly'"},
    {"year_begins_with_a_year.yaml", "year_begins_with_a_year.yaml:7:16", "simulation.year_begins",
     "expected a month and a day as MM-DD, e.g. 01-01 for calendar years or 04-01 for the English financial year "
     "(no year), found '2025-04-01'"},
    {"year_begins_off_the_grid.yaml", "year_begins_off_the_grid.yaml:4:3", "simulation.start",
     "reporting years begin on 01-01 (calendar years, the default), but 2026-01-01 is not a date of the monthly "
     "grid from 2025-04-15"},
    {"years_out_of_range.yaml", "years_out_of_range.yaml:5:10", "simulation.years",
     "expected a whole number from 1 to 100, found '0'"},
    {"years_too_many.yaml", "years_too_many.yaml:5:10", "simulation.years",
     "expected a whole number from 1 to 100, found '101'"},
    {"end_off_the_grid.yaml", "end_off_the_grid.yaml:5:8", "simulation.end",
     "expected a date of the quarterly grid from 2025-01-01: the simulation ends on a grid date, the day after the "
     "last day it counts; found 2026-12-31. Did you mean 2027-01-01 (or 2026-10-01)?"},
    {"years_and_end.yaml", "years_and_end.yaml:6:3", "simulation.end",
     "give either years (whole years from the start) or end (the date the simulation ends on), not both"},
    {"invalid_state_kind.yaml", "invalid_state_kind.yaml:12:24", "states[2].kind",
     "expected a state kind: support, placement or exit; found 'exited'"},
    {"not_a_mapping.yaml", "not_a_mapping.yaml:10:3", "states", "expected a list, found a mapping"},
    // Bands: gaps, overlaps, periods.
    {"age_gap.yaml", "age_gap.yaml:21:5", "entries.rate_per_1000",
     "the bands leave a gap: age [12, 13) years is not covered by any entry"},
    {"age_gap_in_mix.yaml", "age_gap_in_mix.yaml:24:5", "entries.mix",
     "the bands leave a gap: age [12, 15) years is not covered by any entry"},
    {"duration_overlap.yaml", "duration_overlap.yaml:33:9", "transitions[0].hazard[1]",
     "this band overlaps 'transitions[0].hazard[0]' at age [0, 18) years, time in state [0.5, 1) years"},
    {"period_end_before_start.yaml", "period_end_before_start.yaml:37:32", "transitions[1].hazard[0].period",
     "the end date must come after the first date"},
    {"fractional_age_band.yaml", "fractional_age_band.yaml:21:7", "entries.rate_per_1000[0]",
     "entry age bands must start and end at whole years"},
    // States.
    {"undeclared_transition_state.yaml", "undeclared_transition_state.yaml:30:9", "transitions[0].to",
     "the state 'hom' is not declared under 'states'; did you mean 'home'?"},
    {"undeclared_mix_state.yaml", "undeclared_mix_state.yaml:25:41", "entries.mix[0].shares.residental",
     "the state 'residental' is not declared under 'states'"},
    {"exit_in_mix.yaml", "exit_in_mix.yaml:25:35", "entries.mix[0].shares.home",
     "children cannot enter care into an exit state"},
    {"exit_state_origin.yaml", "exit_state_origin.yaml:29:11", "transitions[0].from",
     "'home' is an exit state; nobody leaves an exit state"},
    {"ageing_out_to_placement.yaml", "ageing_out_to_placement.yaml:16:7", "ageing_out.to",
     "children who age out must go to a state of kind exit"},
    {"duplicate_state.yaml", "duplicate_state.yaml:11:12", "states[1].name", "the state 'foster' is declared twice"},
    {"duplicate_transition.yaml", "duplicate_transition.yaml:39:5", "transitions[2]",
     "the transition foster -> home is listed twice"},
    // Interventions, costs and caseload.
    {"interventions_overlap.yaml", "interventions_overlap.yaml:48:3", "interventions.support_b",
     "'support_a' and 'support_b' act on the same entries for the same ages and dates; say how their effects combine"},
    {"intervention_uptake_above_one.yaml", "intervention_uptake_above_one.yaml:45:13", "interventions.support.uptake",
     "expected a probability between 0 and 1, found '1.5'"},
    {"intervention_uptake_range_outside.yaml", "intervention_uptake_range_outside.yaml:45:29",
     "interventions.support.uptake.uniform[1]", "expected a probability between 0 and 1, found '1.2'"},
    {"intervention_negative_cost.yaml", "intervention_negative_cost.yaml:47:29",
     "interventions.support.cost.per_participant", "expected a number that is zero or more, found '-100'"},
    {"intervention_entry_multiplier_above_one.yaml", "intervention_entry_multiplier_above_one.yaml:46:30",
     "interventions.support.entry_rate.multiplier", "an intervention can only prevent entries"},
    {"intervention_end_before_start.yaml", "intervention_end_before_start.yaml:44:10", "interventions.support.end",
     "expected an end date after the start date"},
    {"intervention_after_horizon.yaml", "intervention_after_horizon.yaml:43:5", "interventions.support.start",
     "the intervention starts on 2062-01-01, when the simulation has ended (2027-01-01); it would reach no child"},
    {"intervention_ages_above_ageing_out.yaml", "intervention_ages_above_ageing_out.yaml:45:5",
     "interventions.support.ages", "the intervention's ages start at 18, but children leave care at 18"},
    {"intervention_hazard_no_transition.yaml", "intervention_hazard_no_transition.yaml:48:9",
     "interventions.support.hazards[0]",
     "the scenario has no transition from the intervention's states (residential) to 'home'"},
    {"intervention_unknown_distribution.yaml", "intervention_unknown_distribution.yaml:45:14",
     "interventions.support.uptake.beta", "unknown distribution 'beta'; expected uniform, triangular or normal"},
    {"negative_daily_cost.yaml", "negative_daily_cost.yaml:42:43", "costs.per_year.residential",
     "expected a number that is zero or more, found '-1160000'"},
    {"cost_decimal_comma.yaml", "cost_decimal_comma.yaml:43:28", "costs.per_day.50",
     "the state '50' is not declared under 'states'. A decimal comma? In {…} a comma separates entries, so 'N,50' "
     "reads as the number N and a key '50': write N.50"},
    {"cost_thousands_separator.yaml", "cost_thousands_separator.yaml:43:22", "costs.per_year.foster",
     "'470.000' would be read as 470, since a point in YAML is a decimal point; for 470000 write it without a "
     "thousands separator, and for 470 write 470"},
    {"price_growth_as_percent.yaml", "price_growth_as_percent.yaml:44:26", "costs.price_growth_per_year",
     "expected a yearly change of prices from -0.2 to 0.2, a fraction (0.02 for 2 %), found 2, 200 % a year; for 2 % "
     "write 0.02"},
    {"entry_trend_as_percent.yaml", "entry_trend_as_percent.yaml:23:19", "entries.trend_per_year",
     "expected a yearly change between -1 and 1, a fraction (-0.02 for 2 % fewer a year), found 3"},
    {"price_index_missing_year.yaml", "price_index_missing_year.yaml:44:16", "costs.price_index",
     "expected an index for every calendar year from 2024 to 2026 (the price year 2024 and each year in which a "
     "reporting year begins, the last on 2026-01-01); 2025 is missing"},
    {"caseload_zero_norm.yaml", "caseload_zero_norm.yaml:42:9", "caseload.norm", "expected a number above 0, found 0"},
    {"caseload_feedback_without_staffing.yaml", "caseload_feedback_without_staffing.yaml:44:5", "caseload.feedback",
     "a feedback needs caseload.staffing: it compares caseload per worker with the norm"},
    {"caseload_feedback_cap_below_one.yaml", "caseload_feedback_cap_below_one.yaml:46:31",
     "caseload.feedback.max_breakdown_multiplier",
     "expected a number of at least 1 (the feedback never lowers breakdowns), found '0.5'"},
    {"caseload_feedback_negative_slowdown.yaml", "caseload_feedback_negative_slowdown.yaml:45:20",
     "caseload.feedback.exit_slowdown", "expected a number that is zero or more, found '-0.2'"},
    {"cost_state_twice.yaml", "cost_state_twice.yaml:43:22", "costs.per_year.foster",
     "the cost of 'foster' is given both per_day and per_year; give one"},
    // Breakdowns, school and the foster-carer pool (variations of valid_sections.yaml).
    {"breakdown_causes_not_one.yaml", "breakdown_causes_not_one.yaml:41:16", "transitions[2].breakdown",
     "the cause shares carer_initiated and other must sum to 1; they sum to 0.9"},
    {"breakdown_from_support.yaml", "breakdown_from_support.yaml:46:16", "transitions[3].breakdown",
     "only a placement can break down; 'support' is not of kind placement"},
    {"prior_breakdown_factor_zero.yaml", "prior_breakdown_factor_zero.yaml:44:27", "breakdowns.prior_breakdown_factor",
     "expected a number greater than zero, found '0'"},
    {"pool_negative_families.yaml", "pool_negative_families.yaml:58:13", "foster_carers.families",
     "expected a whole number from 0 to 10000000, found '-5'"},
    {"pool_fallback_is_pool_state.yaml", "pool_fallback_is_pool_state.yaml:57:13", "foster_carers.fallback",
     "the fallback must be another placement than the pool's state"},
    {"pool_state_not_placement.yaml", "pool_state_not_placement.yaml:56:10", "foster_carers.state",
     "expected a state of kind placement"},
    {"school_ages_out_of_range.yaml", "school_ages_out_of_range.yaml:46:9", "school.ages",
     "expected school ages within 3 to 20 years, the first below the second; found [2, 25]"},
    {"exam_age_outside_school_ages.yaml", "exam_age_outside_school_ages.yaml:50:10", "school.exam.age",
     "the exam age must lie within the school ages"},
    {"return_home_not_exit.yaml", "return_home_not_exit.yaml:48:30", "school.return_home_states[1]",
     "a return home must be an exit state"},
    {"school_unknown_key.yaml", "school_unknown_key.yaml:47:3", "school.change_probabilty",
     "unknown key 'change_probabilty'; did you mean 'change_probability'?"},
    // Missing keys.
    {"missing_section.yaml", "missing_section.yaml:2:1", "", "the key 'ageing_out' is missing"},
    {"missing_nested_key.yaml", "missing_nested_key.yaml:15:3", "ageing_out", "the key 'to' is missing"},
    // Tables.
    {"missing_population_file.yaml", "missing_population_file.yaml:18:10", "population.table",
     "no_such_population.csv' (it does not exist)"},
    {"population_folder.yaml", "population_folder.yaml:18:10", "population.table",
     "/malformed/.' (it is a folder, not a file)"},
    {"population_empty_cell.yaml", "population_empty_cell.csv:21", "", "population is empty; expected a number"},
    {"population_missing_column.yaml", "population_missing_column.csv:2", "", "Missing column \"population\""},
    {"population_missing_age.yaml", "population_missing_age.yaml:18:10", "population.table",
     "has no row for age 5 in 2026, which the scenario needs"},
    {"population_missing_year.yaml", "population_missing_year.yaml:18:10", "population.table",
     "has no row for age 0 in 2026, which the scenario needs"},
    {"population_bad_row.yaml", "population_bad_row.csv:21", "",
     "the population must be a number that is zero or more"},
    {"snapshot_undeclared_state.yaml", "snapshot_undeclared_state.csv:3", "",
     "the state 'kinship' is not declared in the scenario; the states in care are foster, residential"},
    {"snapshot_too_long.yaml", "snapshot_too_long.csv:4", "",
     "days_in_state 2000 is longer than a child aged 2 has lived"},
    {"snapshot_huge_count.yaml", "snapshot_huge_count.csv:3", "",
     "count 3000000000 takes the snapshot above 10000000 children (2 before this row)"},
    {"snapshot_missing_file.yaml", "snapshot_missing_file.yaml:40:13", "initial_stock.snapshot",
     "no_such_snapshot.csv' (it does not exist)"},
    {"snapshot_and_warmup.yaml", "snapshot_and_warmup.yaml:41:3", "initial_stock.warmup_years",
     "give either 'snapshot' (a CSV of the children in care at the start) or 'warmup_years'"},
    // YAML itself, and extends.
    {"invalid_yaml.yaml", "invalid_yaml.yaml:8:10", "", "this is not valid YAML"},
    {"duplicate_key.yaml", "duplicate_key.yaml:9:3", "seed", "the key 'seed' appears twice in the same mapping"},
    {"cyclic_extends.yaml", "cyclic_extends_base.yaml:2:10", "extends",
     "cyclic_extends.yaml' extends or includes itself"},
    {"missing_extends.yaml", "missing_extends.yaml:2:10", "extends", "no_such_base.yaml' (it does not exist)"},
    {"extends_with_error.yaml", "extends_with_error.yaml:4:9", "simulation.grid",
     "expected monthly, quarterly or yearly, found 'fortnightly'"},
    {"distribution_kind_over_base.yaml", "distribution_kind_over_base.yaml:6:14",
     "interventions.support.uptake.triangular",
     "one distribution only; this map also holds 'uniform' at "},
};

void expect_rejected(const Malformed& m, const CommandResult& result, const TestFolder& folder) {
  EXPECT_EQ(result.status, 1) << result;
  EXPECT_EQ(result.err.rfind("carecast: invalid input: ", 0), 0u) << result;
  // The file, with the line (and column): the full path ends with it, followed by ':'.
  EXPECT_NE(result.err.find("/" + m.where + ":"), std::string::npos)
      << "stderr should name " << m.where << result;
  if (!m.key_path.empty()) {
    EXPECT_NE(result.err.find("at '" + m.key_path + "'"), std::string::npos)
        << "stderr should name the key path '" << m.key_path << "'" << result;
  }
  EXPECT_NE(result.err.find(m.message), std::string::npos) << "stderr should say: " << m.message << result;
  EXPECT_TRUE(folder.files().empty()) << "left behind: " << joined(folder.files()) << result;
}

class MalformedScenario : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedScenario, ValidateRejectsItWithALocatedMessage) {
  const Malformed& m = GetParam();
  TestFolder folder;
  expect_rejected(m, folder.carecast("validate " + quoted((malformed_dir() / m.file).string())), folder);
}

TEST_P(MalformedScenario, RunRejectsItBeforeWritingAnything) {
  const Malformed& m = GetParam();
  TestFolder folder;
  expect_rejected(m, folder.carecast("run " + quoted((malformed_dir() / m.file).string()) + " -o out.h5"), folder);
}

INSTANTIATE_TEST_SUITE_P(Files, MalformedScenario, ::testing::ValuesIn(malformed_scenarios),
                         [](const ::testing::TestParamInfo<Malformed>& info) {
                           return info.param.file.substr(0, info.param.file.find('.'));
                         });

TEST(MalformedScenarios, EveryFileInTheFolderIsInTheTable) {
  std::set<std::string> listed{"valid_minimal.yaml", "extends_valid.yaml", "valid_sections.yaml",
                                "cyclic_extends_base.yaml", "distribution_kind_base.yaml"};
  for (const auto& m : malformed_scenarios) listed.insert(m.file);
  EXPECT_GE(malformed_scenarios.size(), 25u);
  for (const auto& entry : fs::directory_iterator(malformed_dir())) {
    if (entry.path().extension() == ".yaml") {
      EXPECT_TRUE(listed.count(entry.path().filename().string())) << entry.path() << " is not tested";
    }
  }
}

class ValidScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ValidScenario, IsAcceptedByValidateAndRun) {
  fs::path scenario = malformed_dir() / GetParam();
  {
    TestFolder folder;
    CommandResult result = folder.carecast("validate " + quoted(scenario.string()));
    EXPECT_EQ(result.status, 0) << result;
    EXPECT_NE(result.out.find("valid"), std::string::npos) << result;
    EXPECT_TRUE(result.err.empty()) << result;
    EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
  }
  {
    TestFolder folder;
    CommandResult result = folder.carecast("run " + quoted(scenario.string()) + " -o out.h5 -q");
    EXPECT_EQ(result.status, 0) << result;
    EXPECT_EQ(folder.files(), std::set<std::string>{"out.h5"}) << joined(folder.files()) << result;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, ValidScenario, ::testing::Values("valid_minimal.yaml", "extends_valid.yaml",
                                                                   "valid_sections.yaml", "distribution_kind_base.yaml"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param.substr(0, info.param.find('.'));
                         });

}  // namespace
}  // namespace carecast::e2e
