// Interventions turned into the engine's terms (models/intervention_effects.hpp), checked against
// docs/model.md ("Interventions", "Combining interventions"):
// - a hazard effect multiplies the hazards of moves out of the target states by
//   1 − uptake × (1 − multiplier), at ages in [from, to) and dates in [start, end) only, and only
//   for the moves it names (into `to`, breakdowns of both causes, or carer-initiated ones);
// - effects on the same hazard multiply (`multiply`, and without `combine`), or only the one
//   furthest from 1 in ratio applies (`strongest`; 0 is the strongest, the first written wins a tie);
// - an entry effect becomes an arrival rule that reaches an arrival with probability `uptake` and
//   diverts a reached one with probability 1 − multiplier (`entry_rate`) or `share` (`redirect`).
// The hazards are probed in the compiled model at (age, time in state, date), against exact
// products of the per-day base rate and the factors worked out here.
#include "models/intervention_effects.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "models/model_builder.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"
#include "simulation_runs.hpp"

namespace carecast::models {
namespace {

using engine::days_per_year;
using test_support::ScratchFolder;

constexpr int SUPPORT = 0, FOSTER = 1, KINSHIP = 2, HOME = 3, AGED_OUT = 4;

// Per-year hazards of the scenario below; the compiled rates are per day.
constexpr double to_home = 0.73, to_kinship = 0.365, breakdown = 0.5, carer_share = 0.4, kinship_home = 0.2;

/// A scenario with round hazards out of foster care (home, kinship, breakdowns of both causes),
/// one out of kinship care, entries at `entry_rate` per 1000 at every age (all bound for foster
/// care), nobody in care at the start, and the given `interventions:` section (YAML, indented).
Scenario scenario_with(const ScratchFolder& folder, const std::string& interventions, double entry_rate = 0.0,
                       int years = 4) {
  std::string population = "age,year,population\n";
  for (int age = 0; age < 18; ++age)
    for (int year = 2025; year <= 2025 + years; ++year) population += fmt::format("{},{},1000\n", age, year);
  folder.write("population.csv", population);
  folder.write("snapshot.csv", "age,state,days_in_state\n");
  std::string text = fmt::format(R"(name: Intervention effects
simulation:
  start: 2025-01-01
  years: {years}
  grid: yearly
  replicates: 1
  seed: 1
states:
  - {{name: support, kind: support}}
  - {{name: foster, kind: placement}}
  - {{name: kinship, kind: placement}}
  - {{name: home, kind: exit}}
  - {{name: aged_out, kind: exit}}
ageing_out:
  age: 18
  to: aged_out
population:
  table: population.csv
entries:
  rate_per_1000:
    - {{age: [0, 18], rate: {entry_rate}}}
  mix:
    - age: [0, 18]
      shares: {{foster: 1}}
transitions:
  - {{from: foster, to: home, hazard: {to_home}}}
  - {{from: foster, to: kinship, hazard: {to_kinship}}}
  - from: foster
    to: foster
    breakdown: {{carer_initiated: {carer}, other: {other}}}
    hazard: {breakdown}
  - {{from: kinship, to: home, hazard: {kinship_home}}}
initial_stock:
  snapshot: snapshot.csv
interventions:
{interventions})",
                                 fmt::arg("years", years), fmt::arg("entry_rate", entry_rate),
                                 fmt::arg("to_home", to_home), fmt::arg("to_kinship", to_kinship),
                                 fmt::arg("carer", carer_share), fmt::arg("other", 1.0 - carer_share),
                                 fmt::arg("breakdown", breakdown), fmt::arg("kinship_home", kinship_home),
                                 fmt::arg("interventions", interventions));
  return read_scenario(folder.write("scenario.yaml", text));
}

/// The compiled per-day rate of the move from → to (for a breakdown, of one cause).
const engine::PiecewiseRate& rate_of(const CompiledScenario& compiled, int from, int to,
                                     std::optional<BreakdownCause> cause = std::nullopt) {
  const engine::StateHazards& leaving = compiled.model.leaving[static_cast<std::size_t>(from)];
  for (std::size_t j = 0; j < leaving.destinations(); ++j) {
    const engine::Exit& exit = leaving.exit(j);
    const ExitMeaning* meaning = meaning_of(&exit, compiled.exit_meanings);
    if (exit.to == to && meaning && meaning->breakdown == cause.has_value() && (!cause || meaning->cause == *cause))
      return exit.rate;
  }
  ADD_FAILURE() << "no exit " << from << " -> " << to;
  static const engine::PiecewiseRate none;
  return none;
}

/// The per-day base rates, without interventions.
double base_rate(int from, int to, std::optional<BreakdownCause> cause = std::nullopt) {
  if (from == KINSHIP) return kinship_home / days_per_year;
  if (cause == BreakdownCause::carer_initiated) return breakdown * carer_share / days_per_year;
  if (cause == BreakdownCause::other) return breakdown * (1.0 - carer_share) / days_per_year;
  return (to == HOME ? to_home : to_kinship) / days_per_year;
}

double years(double y) { return y * days_per_year; }

/// Day offset of a date, for the scenario's start 2025-01-01 (checked once against whole days).
double day_of(int year, unsigned month, unsigned day) {
  engine::Calendar calendar(engine::Date{std::chrono::year{2025}, std::chrono::January, std::chrono::day{1}});
  return calendar.offset_of(engine::Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}});
}

TEST(InterventionEffects, DayOffsetsUsedBelow) {
  EXPECT_EQ(day_of(2026, 1, 1), 365.0);
  EXPECT_EQ(day_of(2028, 1, 1), 1095.0);
}

TEST(InterventionEffects, HazardFactorActsOnlyInsideTheDatesAndAges) {
  ScratchFolder folder;
  // 1 − 0.6 × (1 − 0.5) = 0.7 on foster -> home, ages [5, 10), dates [2026-01-01, 2028-01-01).
  Scenario scenario = scenario_with(folder, R"(  reunify:
    start: 2026-01-01
    end: 2028-01-01
    ages: [5, 10]
    states: [foster]
    uptake: 0.6
    hazards:
      - {to: home, multiplier: 0.5}
)");
  CompiledScenario compiled = compile_scenario(scenario);
  const engine::PiecewiseRate& rate = rate_of(compiled, FOSTER, HOME);
  const double start = 365.0, end = 1095.0;
  for (double age : {years(0.5), years(4.999), years(5.0), years(7.3), years(9.999), years(10.0), years(15.0)})
    for (double time : {-200.0, 0.0, start - 0.5, start, 700.0, end - 0.5, end, 1500.0})
      for (double duration : {0.0, 123.0, 4000.0}) {
        bool inside = age >= years(5.0) && age < years(10.0) && time >= start && time < end;
        EXPECT_DOUBLE_EQ(rate.at(age, duration, time), base_rate(FOSTER, HOME) * (inside ? 0.7 : 1.0))
            << "age " << age / days_per_year << " years, day " << time << ", " << duration << " days in state";
      }
  // Only the named move out of the named state changes: not foster -> kinship, not breakdowns
  // (both into foster), not kinship -> home.
  for (double time : {400.0, 1000.0}) {
    const double age = years(7.0);
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, KINSHIP).at(age, 10.0, time), base_rate(FOSTER, KINSHIP));
    for (BreakdownCause cause : {BreakdownCause::carer_initiated, BreakdownCause::other})
      EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, FOSTER, cause).at(age, 10.0, time), base_rate(FOSTER, FOSTER, cause));
    EXPECT_DOUBLE_EQ(rate_of(compiled, KINSHIP, HOME).at(age, 10.0, time), base_rate(KINSHIP, HOME));
  }
}

TEST(InterventionEffects, DirectCallScalesOnlyTheMatchingHazardInItsBox) {
  // with_intervention_effects on its own, on a constant rate: the box is exact in days.
  ScratchFolder folder;
  Scenario scenario = scenario_with(folder, R"(  reunify:
    start: 2026-01-01
    end: 2028-01-01
    ages: [5, 10]
    states: [foster]
    uptake: 0.25
    hazards:
      - {to: home, multiplier: 3}
)");
  engine::Calendar calendar(scenario.simulation.start);
  InterventionValues values = central_values(scenario.interventions);
  const double factor = 1.0 - 0.25 * (1.0 - 3.0);  // 1.5: a multiplier above 1 raises the hazard
  engine::PiecewiseRate home = with_intervention_effects(engine::PiecewiseRate(2.0), HazardIdentity{FOSTER, HOME, {}},
                                                         scenario, calendar, values);
  EXPECT_DOUBLE_EQ(home.at(years(6.0), 0.0, 365.0), 2.0 * factor);
  EXPECT_DOUBLE_EQ(home.at(years(6.0), 0.0, 1094.999), 2.0 * factor);
  EXPECT_DOUBLE_EQ(home.at(years(6.0), 0.0, 1095.0), 2.0);
  EXPECT_DOUBLE_EQ(home.at(years(6.0), 0.0, 364.999), 2.0);
  EXPECT_DOUBLE_EQ(home.at(years(10.0), 0.0, 700.0), 2.0);
  EXPECT_DOUBLE_EQ(home.at(years(5.0) - 0.001, 0.0, 700.0), 2.0);
  for (HazardIdentity other : {HazardIdentity{KINSHIP, HOME, {}}, HazardIdentity{SUPPORT, HOME, {}},
                               HazardIdentity{FOSTER, KINSHIP, {}}, HazardIdentity{FOSTER, FOSTER, BreakdownCause::other},
                               HazardIdentity{FOSTER, FOSTER, BreakdownCause::carer_initiated}}) {
    engine::PiecewiseRate rate = with_intervention_effects(engine::PiecewiseRate(2.0), other, scenario, calendar, values);
    EXPECT_DOUBLE_EQ(rate.at(years(6.0), 0.0, 700.0), 2.0) << other.from << " -> " << other.to;
  }
  // A breakdown into the named state is a move into it: `to: home` without `breakdowns` acts on it.
  engine::PiecewiseRate breakdown_home = with_intervention_effects(
      engine::PiecewiseRate(2.0), HazardIdentity{FOSTER, HOME, BreakdownCause::other}, scenario, calendar, values);
  EXPECT_DOUBLE_EQ(breakdown_home.at(years(6.0), 0.0, 700.0), 2.0 * factor);
}

TEST(InterventionEffects, CarerInitiatedScopeActsOnThatCauseOnly) {
  ScratchFolder folder;
  // 1 − 0.8 × (1 − 0.25) = 0.4 on carer-initiated breakdowns, every age and state in care.
  Scenario scenario = scenario_with(folder, R"(  carer_support:
    start: 2026-01-01
    end: 2028-01-01
    uptake: 0.8
    hazards:
      - {breakdowns: carer_initiated, multiplier: 0.25}
)");
  CompiledScenario compiled = compile_scenario(scenario);
  for (double time : {100.0, 400.0, 1000.0, 1200.0}) {
    double factor = time >= 365.0 && time < 1095.0 ? 0.4 : 1.0;
    const double age = years(12.0);
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, FOSTER, BreakdownCause::carer_initiated).at(age, 0.0, time),
                     base_rate(FOSTER, FOSTER, BreakdownCause::carer_initiated) * factor)
        << time;
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, FOSTER, BreakdownCause::other).at(age, 0.0, time),
                     base_rate(FOSTER, FOSTER, BreakdownCause::other));
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, HOME).at(age, 0.0, time), base_rate(FOSTER, HOME));
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, KINSHIP).at(age, 0.0, time), base_rate(FOSTER, KINSHIP));
    EXPECT_DOUBLE_EQ(rate_of(compiled, KINSHIP, HOME).at(age, 0.0, time), base_rate(KINSHIP, HOME));
  }
}

TEST(InterventionEffects, AllBreakdownsScopeActsOnBothCausesAndNoOtherMove) {
  ScratchFolder folder;
  // 1 − 0.5 × (1 − 0.4) = 0.7 on breakdowns of both causes.
  Scenario scenario = scenario_with(folder, R"(  stability:
    start: 2026-01-01
    end: 2028-01-01
    states: [foster]
    uptake: 0.5
    hazards:
      - {breakdowns: all, multiplier: 0.4}
)");
  CompiledScenario compiled = compile_scenario(scenario);
  const double age = years(8.0), time = 500.0;
  for (BreakdownCause cause : {BreakdownCause::carer_initiated, BreakdownCause::other})
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, FOSTER, cause).at(age, 0.0, time), base_rate(FOSTER, FOSTER, cause) * 0.7);
  EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, HOME).at(age, 0.0, time), base_rate(FOSTER, HOME));
  EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, KINSHIP).at(age, 0.0, time), base_rate(FOSTER, KINSHIP));
}

TEST(InterventionEffects, AnEffectWithoutToOrBreakdownsActsOnEveryMoveOutOfTheTargetStates) {
  ScratchFolder folder;
  // 1 − 0.5 × (1 − 3) = 2 on every move out of foster care, breakdowns included; kinship is not
  // a target state.
  Scenario scenario = scenario_with(folder, R"(  everything:
    start: 2026-01-01
    end: 2028-01-01
    states: [foster]
    uptake: 0.5
    hazards:
      - {multiplier: 3}
)");
  CompiledScenario compiled = compile_scenario(scenario);
  const double age = years(8.0), time = 500.0;
  EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, HOME).at(age, 0.0, time), base_rate(FOSTER, HOME) * 2.0);
  EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, KINSHIP).at(age, 0.0, time), base_rate(FOSTER, KINSHIP) * 2.0);
  for (BreakdownCause cause : {BreakdownCause::carer_initiated, BreakdownCause::other})
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, FOSTER, cause).at(age, 0.0, time), base_rate(FOSTER, FOSTER, cause) * 2.0);
  EXPECT_DOUBLE_EQ(rate_of(compiled, KINSHIP, HOME).at(age, 0.0, time), base_rate(KINSHIP, HOME));
}

/// Two interventions on foster -> home that overlap in part: A (factor a) at ages [5, 10) and
/// dates [2026, 2028), B (factor b) at ages [8, 12) and dates [2027, 2029).
std::string two_on_home(const std::string& combine, const std::string& a, const std::string& b) {
  return fmt::format(R"(  combine: {}
  first:
    start: 2026-01-01
    end: 2028-01-01
    ages: [5, 10]
    states: [foster]
    {}
  second:
    start: 2027-01-01
    end: 2029-01-01
    ages: [8, 12]
    states: [foster]
    {}
)",
                     combine, a, b);
}

struct Probe {
  double age_years, day, factor_a, factor_b;  // factor_a / factor_b: 1 where A / B does not act
};

/// Cells: A only, B only, both, A's ages at B's dates only, neither.
std::vector<Probe> probes(double a, double b) {
  return {{6.0, 400.0, a, 1.0}, {11.0, 1200.0, 1.0, b}, {9.0, 800.0, a, b}, {6.0, 1200.0, 1.0, 1.0},
          {9.0, 1200.0, 1.0, b}, {9.0, 400.0, a, 1.0}, {13.0, 800.0, 1.0, 1.0}};
}

TEST(InterventionEffects, MultiplyCombinesFactorsWhereEffectsOverlap) {
  ScratchFolder folder;
  // A: 1 − 0.6 × 0.5 = 0.7; B: 1 − 0.5 × 0.8 = 0.6; both: 0.42.
  Scenario scenario = scenario_with(folder, two_on_home("multiply", "uptake: 0.6\n    hazards: [{to: home, multiplier: 0.5}]",
                                                        "uptake: 0.5\n    hazards: [{to: home, multiplier: 0.2}]"));
  CompiledScenario compiled = compile_scenario(scenario);
  for (const Probe& p : probes(0.7, 0.6))
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, HOME).at(years(p.age_years), 0.0, p.day),
                     base_rate(FOSTER, HOME) * p.factor_a * p.factor_b)
        << "age " << p.age_years << ", day " << p.day;
}

TEST(InterventionEffects, StrongestKeepsTheFactorFurthestFromOneInRatio) {
  ScratchFolder folder;
  // A: 1 − 1 × (1 − 0.7) = 0.7 (|ln| 0.357); B: 1 − 0.5 × (1 − 1.7) = 1.35 (|ln| 0.300). B is
  // further from 1 in difference (0.35 against 0.3), A in ratio: A applies where both act.
  Scenario scenario = scenario_with(folder, two_on_home("strongest", "uptake: 1\n    hazards: [{to: home, multiplier: 0.7}]",
                                                        "uptake: 0.5\n    hazards: [{to: home, multiplier: 1.7}]"));
  CompiledScenario compiled = compile_scenario(scenario);
  for (const Probe& p : probes(0.7, 1.35)) {
    double expected = p.factor_a != 1.0 ? p.factor_a : p.factor_b;  // A wins where both act
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, HOME).at(years(p.age_years), 0.0, p.day), base_rate(FOSTER, HOME) * expected)
        << "age " << p.age_years << ", day " << p.day;
  }
}

TEST(InterventionEffects, StrongestTakesTheStrongerWhereverItIsWritten) {
  ScratchFolder folder;
  // A: 0.7 (|ln| 0.357), B: 0.4 (|ln| 0.916): B, written second, wins where both act.
  Scenario scenario = scenario_with(folder, two_on_home("strongest", "uptake: 1\n    hazards: [{to: home, multiplier: 0.7}]",
                                                        "uptake: 1\n    hazards: [{to: home, multiplier: 0.4}]"));
  CompiledScenario compiled = compile_scenario(scenario);
  for (const Probe& p : probes(0.7, 0.4)) {
    double expected = p.factor_b != 1.0 ? p.factor_b : p.factor_a;
    EXPECT_DOUBLE_EQ(rate_of(compiled, FOSTER, HOME).at(years(p.age_years), 0.0, p.day), base_rate(FOSTER, HOME) * expected)
        << "age " << p.age_years << ", day " << p.day;
  }
}

TEST(InterventionEffects, StrongestBreaksATieInRatioForTheFirstWrittenAndZeroBeatsAll) {
  ScratchFolder folder;
  const double age = years(9.0), both = 800.0;  // a cell where both act
  // 0.5 and 2 are as strong: the first written applies.
  for (auto [a, b, expected] : {std::tuple{0.5, 2.0, 0.5}, std::tuple{2.0, 0.5, 2.0}}) {
    Scenario scenario =
        scenario_with(folder, two_on_home("strongest", fmt::format("uptake: 1\n    hazards: [{{to: home, multiplier: {}}}]", a),
                                          fmt::format("uptake: 1\n    hazards: [{{to: home, multiplier: {}}}]", b)));
    EXPECT_DOUBLE_EQ(rate_of(compile_scenario(scenario), FOSTER, HOME).at(age, 0.0, both), base_rate(FOSTER, HOME) * expected)
        << a << " then " << b;
  }
  // A factor of 0 (uptake 1, multiplier 0) beats even a factor of 1000.
  Scenario zero = scenario_with(folder, two_on_home("strongest", "uptake: 1\n    hazards: [{to: home, multiplier: 1000}]",
                                                    "uptake: 1\n    hazards: [{to: home, multiplier: 0}]"));
  EXPECT_EQ(rate_of(compile_scenario(zero), FOSTER, HOME).at(age, 0.0, both), 0.0);
}

TEST(InterventionEffects, TwoEffectsOfOneInterventionMultiplyUnlessStrongestIsAsked) {
  ScratchFolder folder;
  // Effects 0.5 (into home) and 0.8 (every move) on foster -> home: 0.4 without `combine`,
  // 0.5 with `combine: strongest`; foster -> kinship gets 0.8 either way.
  const std::string one = R"(  both_ways:
    start: 2026-01-01
    end: 2028-01-01
    states: [foster]
    uptake: 1
    hazards:
      - {to: home, multiplier: 0.5}
      - {multiplier: 0.8}
)";
  const double age = years(9.0), time = 800.0;
  CompiledScenario unspecified = compile_scenario(scenario_with(folder, one));
  EXPECT_DOUBLE_EQ(rate_of(unspecified, FOSTER, HOME).at(age, 0.0, time), base_rate(FOSTER, HOME) * 0.5 * 0.8);
  EXPECT_DOUBLE_EQ(rate_of(unspecified, FOSTER, KINSHIP).at(age, 0.0, time), base_rate(FOSTER, KINSHIP) * 0.8);
  CompiledScenario strongest = compile_scenario(scenario_with(folder, "  combine: strongest\n" + one));
  EXPECT_DOUBLE_EQ(rate_of(strongest, FOSTER, HOME).at(age, 0.0, time), base_rate(FOSTER, HOME) * 0.5);
  EXPECT_DOUBLE_EQ(rate_of(strongest, FOSTER, KINSHIP).at(age, 0.0, time), base_rate(FOSTER, KINSHIP) * 0.8);
}

TEST(InterventionEffects, UptakeAndEffectBecomeTheArrivalRulesReachAndDiversion) {
  ScratchFolder folder;
  Scenario scenario = scenario_with(folder, R"(  combine: multiply
  prevent:
    start: 2026-01-01
    end: 2028-01-01
    ages: [12, 17.5]
    states: [foster, kinship]
    uptake: 0.6
    entry_rate: {multiplier: 0.75, divert_to: support}
  kin_first:
    start: 2025-07-01
    end: 2026-07-01
    ages: [0, 9]
    states: [support]
    uptake: 0.9
    redirect: {from: foster, to: kinship, share: 0.4}
  keep_out:
    start: 2027-01-01
    end: 2027-02-01
    uptake: 0.3
    entry_rate: {multiplier: 0.1}
)");
  engine::Calendar calendar(scenario.simulation.start);
  InterventionArrivalRules rules = intervention_arrival_rules(scenario, calendar, central_values(scenario.interventions));
  ASSERT_EQ(rules.rules.rules().size(), 3u);
  EXPECT_EQ(rules.owner, (std::vector<std::size_t>{0, 1, 2}));

  const engine::ArrivalRule& prevent = rules.rules.rules()[0];
  EXPECT_EQ(prevent.from, 365.0);
  EXPECT_EQ(prevent.until, 1095.0);
  EXPECT_EQ(prevent.min_age, 12 * days_per_year);
  EXPECT_EQ(prevent.max_age, 17.5 * days_per_year);
  EXPECT_EQ(prevent.bound_for, (std::vector<bool>{false, true, true, false, false}));
  EXPECT_DOUBLE_EQ(prevent.reach, 0.6);
  EXPECT_DOUBLE_EQ(prevent.divert_given_reached, 0.25);  // 1 − multiplier
  EXPECT_EQ(prevent.divert_to, SUPPORT);
  EXPECT_EQ(prevent.key, parameter_identity("prevent/entry_rate"));

  // A redirect acts on arrivals bound for its `from`, whatever `states` says.
  const engine::ArrivalRule& redirect = rules.rules.rules()[1];
  EXPECT_EQ(redirect.from, day_of(2025, 7, 1));
  EXPECT_EQ(redirect.until, day_of(2026, 7, 1));
  EXPECT_EQ(redirect.min_age, 0.0);
  EXPECT_EQ(redirect.max_age, 9 * days_per_year);
  EXPECT_EQ(redirect.bound_for, (std::vector<bool>{false, true, false, false, false}));
  EXPECT_DOUBLE_EQ(redirect.reach, 0.9);
  EXPECT_DOUBLE_EQ(redirect.divert_given_reached, 0.4);  // the share
  EXPECT_EQ(redirect.divert_to, KINSHIP);
  EXPECT_EQ(redirect.key, parameter_identity("kin_first/redirect"));

  // Without divert_to the diverted arrival leaves the system; default states: every non-exit one.
  const engine::ArrivalRule& keep_out = rules.rules.rules()[2];
  EXPECT_EQ(keep_out.bound_for, (std::vector<bool>{true, true, true, false, false}));
  EXPECT_DOUBLE_EQ(keep_out.reach, 0.3);
  EXPECT_DOUBLE_EQ(keep_out.divert_given_reached, 0.9);
  EXPECT_EQ(keep_out.divert_to, engine::leaves_system);
  EXPECT_EQ(keep_out.until - keep_out.from, 31.0);
}

TEST(InterventionEffects, CombineDecidesWhetherEveryMatchingRuleOrOnlyTheStrongestActs) {
  // `never` reaches every arrival (uptake 1) but diverts none (multiplier 1): under `multiply`
  // it acts on every arrival it matches, under `strongest` never, since `redirect` (0.9 × 0.4)
  // is likelier to divert. Deterministic: `never` reaches with probability 1.
  ScratchFolder folder;
  const std::string both = R"(
  never:
    start: 2025-01-01
    end: 2030-01-01
    states: [foster]
    uptake: 1
    entry_rate: {multiplier: 1}
  redirect:
    start: 2025-01-01
    end: 2030-01-01
    uptake: 0.9
    redirect: {from: foster, to: kinship, share: 0.4}
)";
  for (std::string combine : {"multiply", "strongest"}) {
    Scenario scenario = scenario_with(folder, "  combine: " + combine + both);
    engine::Calendar calendar(scenario.simulation.start);
    InterventionArrivalRules rules = intervention_arrival_rules(scenario, calendar, central_values(scenario.interventions));
    std::size_t never_acted = 0, redirected = 0;
    const std::size_t arrivals = 1000;
    for (std::uint64_t id = 1; id <= arrivals; ++id) {
      engine::Individual child;
      child.id = id;
      child.birth = -years(6.0);
      child.entered = child.arrived = 100.0;
      child.state = FOSTER;
      std::vector<engine::RuleOutcome> outcomes;
      EXPECT_TRUE(rules.rules.apply(child, engine::StreamKey{7, 0}, outcomes));
      for (const engine::RuleOutcome& outcome : outcomes) never_acted += outcome.rule == 0;
      redirected += child.state == KINSHIP;
    }
    if (combine == "multiply")
      EXPECT_EQ(never_acted, arrivals);
    else
      EXPECT_EQ(never_acted, 0u);
    EXPECT_GT(redirected, 0u) << combine;
  }
}

TEST(InterventionEffects, RedirectPlacesItsShareOfReachedArrivalsInTheNewState) {
  // Every arrival is bound for foster care; in 2025 a redirect reaches 80 % of them and places
  // 37.5 % of those reached in kinship care, so each 2025 arrival starts in kinship care with
  // probability p = 0.8 × 0.375 = 0.3, independently (its own uniform). Given n arrivals the
  // kinship entries are binomial(n, p): the share must be within 4 standard errors
  // sqrt(p (1 − p) / n) of p. In 2026, after the end date, nobody is redirected.
  ScratchFolder folder;
  Scenario scenario = scenario_with(folder, R"(  kin_first:
    start: 2025-01-01
    end: 2026-01-01
    uptake: 0.8
    redirect: {from: foster, to: kinship, share: 0.375}
)",
                                    /*entry_rate=*/300.0, /*years=*/2);
  RunResult result = test_support::run_replicates(scenario, 4, 20251105);
  double n = 0.0, kinship = 0.0;
  const std::size_t states = scenario.states.size();
  for (std::size_t r = 0; r < 4; ++r) {
    std::vector<std::int64_t> entries = test_support::count_array(result, r, "entries");  // [year, state]
    ASSERT_EQ(entries.size(), 2 * states);
    n += static_cast<double>(entries[FOSTER] + entries[KINSHIP]);
    kinship += static_cast<double>(entries[KINSHIP]);
    EXPECT_EQ(entries[SUPPORT], 0);
    EXPECT_GT(entries[states + FOSTER], 0);
    EXPECT_EQ(entries[states + KINSHIP], 0) << "redirected after the end date, replicate " << r;
  }
  ASSERT_GT(n, 10000.0);
  const double p = 0.3;
  EXPECT_NEAR(kinship / n, p, 4.0 * std::sqrt(p * (1.0 - p) / n)) << n << " arrivals";
}

}  // namespace
}  // namespace carecast::models
