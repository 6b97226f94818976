#pragma once
// Readers for the sections of a scenario file, in the order the scenario reader calls them.
// Each checks its section completely and throws a located InputError at the first problem.
#include "models/config/config_value.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

SimulationSpec read_simulation(const ConfigValue& value);
std::vector<StateSpec> read_states(const ConfigValue& value);
AgeingOutSpec read_ageing_out(const ConfigValue& value, const Scenario& scenario);
PopulationTable read_population(const ConfigValue& value);
EntrySpec read_entries(const ConfigValue& value, const Scenario& scenario);
std::vector<TransitionSpec> read_transitions(const ConfigValue& value, const Scenario& scenario);
InitialStockSpec read_initial_stock(const ConfigValue& value, const Scenario& scenario);
BreakdownSpec read_breakdowns(const ConfigValue& value);
SchoolSpec read_school(const ConfigValue& value, const Scenario& scenario);
CarerPoolSpec read_carer_pool(const ConfigValue& value, const Scenario& scenario);
CostSpec read_costs(const ConfigValue& value, const Scenario& scenario);
CaseloadSpec read_caseload(const ConfigValue& value, const Scenario& scenario);
InterventionsSpec read_interventions(const ConfigValue& value, const Scenario& scenario);
/// Without a `combine` rule, two interventions may not act on the same rate at the same time.
/// Throws at the key of an intervention that can reach no child: a window wholly outside the
/// simulated years, ages at or above ageing out, or a hazard effect that matches no transition
/// out of its target states.
void check_intervention_reach(const InterventionSpec& spec, const ConfigMap& map, const Scenario& scenario);
void check_intervention_overlaps(const InterventionsSpec& spec, const ConfigValue& section, const Scenario& scenario);

/// The values an uncertain number may take, and how to say so in an error.
struct ValueRange {
  double floor = 0.0;
  double ceiling = 0.0;
  const char* what = "";
};
inline constexpr ValueRange probability_range{0.0, 1.0, "a probability between 0 and 1"};
inline constexpr ValueRange multiplier_range{0.0, 1e6, "a multiplier of 0 or more"};

/// A number, or {uniform: [low, high]}, {triangular: [low, mode, high]}, {normal: {mean, sd}}.
UncertainValue read_uncertain_value(const ConfigValue& value, const ValueRange& range);
/// A sum of money (>= 0). A number with points between groups of three digits (470.000) is
/// refused: it is a Danish or German thousands separator that YAML would read as a decimal point.
double read_money_amount(const ConfigValue& value);
/// A number for every calendar year, or one number for all years: {2026: 30, 2028: 25}.
YearTable read_year_table(const ConfigValue& value, double floor_exclusive);
/// A map from state names to numbers of 0 or more; states not named get `otherwise`.
std::vector<double> read_state_amounts(const ConfigValue& value, const Scenario& scenario, double otherwise);

/// Reads a rate that is a single number or a list of bands, each with `rate` (or `value_key`)
/// and the allowed axes, and checks that the bands tile `domain`.
BandedRate read_banded_rate(const ConfigValue& value, BandAxes axes, const BandBox& domain,
                            const engine::Calendar& calendar, const char* value_key = "rate");

/// The index of the declared state named by `value`, or a located error with a suggestion.
int resolve_state(const ConfigValue& value, const Scenario& scenario);
/// The same for a state name written elsewhere (e.g. as a key); errors are located at `where`.
int resolve_state_name(const std::string& name, const ConfigValue& where, const Scenario& scenario);

/// Checks that `population` covers every age with a positive entry rate for every simulated year.
void check_population_coverage(const Scenario& scenario, const ConfigValue& owner);

}  // namespace carecast::models
