#pragma once
// A scenario as the user wrote it, after validation: states, demography, entries, transitions,
// ageing out, the initial stock and the simulation settings. Ages and durations are in years,
// rates per year, dates as dates; conversion to the engine's days happens in model_builder.
#include <array>
#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "engine/load_feedback.hpp"
#include "engine/reporting_grid.hpp"
#include "models/config/input_error.hpp"
#include "models/config/key_locations.hpp"
#include "models/scenario/band_box.hpp"
#include "models/scenario/intervention_spec.hpp"
#include "models/scenario/year_table.hpp"
#include "models/scenario/population_table.hpp"
#include "models/scenario/snapshot_table.hpp"

namespace carecast::models {

enum class StateKind { support, placement, exit };

struct StateSpec {
  std::string name;
  std::string label;
  StateKind kind = StateKind::placement;
};

struct SimulationSpec {
  engine::Date start{};
  /// From the start to the horizon: `years` × 12, or the whole months to `end`.
  std::chrono::months span{120};
  std::string span_key = "years";  // the key that gave the span: years or end
  engine::GridStep grid = engine::GridStep::monthly;
  /// The month and day on which each reporting year (yearly tables, the budget, cohorts,
  /// payback) begins: 1 January, calendar years, unless the scenario says otherwise.
  std::chrono::month_day year_begins = std::chrono::January / 1;
  std::size_t replicates = 100;
  std::uint64_t seed = 1;
  /// Each replicate draws the estimated rates (those with a standard error) from their
  /// sampling distribution, so results show the spread of the estimates as well as chance.
  bool parameter_uncertainty = false;
};

/// The horizon: the last grid date, the day after the last day simulated.
inline engine::Date horizon_date(const SimulationSpec& simulation) {
  return engine::add_months(simulation.start, static_cast<int>(simulation.span.count()));
}

/// The first date of each reporting year of the simulation.
inline std::vector<engine::Date> reporting_year_starts(const SimulationSpec& simulation) {
  return engine::reporting_year_starts(simulation.start, simulation.span, simulation.year_begins);
}

/// The calendar year in which each reporting year of the simulation begins (its price level).
inline std::vector<int> reporting_calendar_years(const SimulationSpec& simulation) {
  std::vector<int> years;
  for (const engine::Date& start : reporting_year_starts(simulation)) years.push_back(static_cast<int>(start.year()));
  return years;
}

/// A rate that is constant on boxes of age × time in state × calendar period.
/// An estimate's standard error (0: a fixed value, not an estimate), as a calibrated model file
/// gives it next to the rate, with the events and exposure behind it.
struct BandedRate {
  std::vector<BandBox> boxes;
  std::vector<double> values;           // one per box, per year
  std::vector<double> standard_errors;  // one per box; 0 where the value is not an estimate
  bool has_standard_errors() const;
};

/// Why a placement broke down.
enum class BreakdownCause : std::size_t { carer_initiated = 0, other = 1 };
inline constexpr std::size_t breakdown_causes = 2;

struct TransitionSpec {
  int from = 0;
  int to = 0;
  BandedRate hazard;  // per year
  /// An unplanned end of a placement. `cause_shares` (carer-initiated, other) sum to one.
  bool breakdown = false;
  std::array<double, breakdown_causes> cause_shares{0.0, 1.0};
};

/// Scenario-wide settings of breakdowns.
struct BreakdownSpec {
  double prior_breakdown_factor = 1.0;  // the next breakdown hazard × this, per prior breakdown
  int prior_breakdown_cap = 4;          // ... counting at most this many prior breakdowns
  double carer_initiated_factor = 1.0;  // a lever on carer-initiated breakdowns, from the start date
};

/// Kinds of move, for school changes.
enum class MoveKind : std::size_t { entry = 0, planned_move = 1, breakdown = 2, return_home = 3 };
inline constexpr std::size_t move_kinds = 4;

/// The logistic model of completing the lower-secondary exams at the exam age:
/// logit p = intercept + per_school_change × school changes + per_year_in_care × years in care
///           + state_effect[state at the exam age].
struct ExamSpec {
  double age = 16.0;
  double intercept = 0.0;
  double per_school_change = 0.0;
  double per_year_in_care = 0.0;
  std::vector<double> state_effect;  // one per state
};

struct SchoolSpec {
  bool enabled = false;
  Interval ages{6.0, 16.0};  // school age, years
  std::array<double, move_kinds> change_probability{};
  /// A school-stability policy: the probabilities in force from the start date on (before it,
  /// in a warm-up, `change_probability` applies). Without one, change_probability applies throughout.
  std::optional<std::array<double, move_kinds>> policy_change_probability;
  std::vector<bool> return_home_state;  // per state: reaching it is a return home
  ExamSpec exam;
};

/// The foster-carer pool: a finite number of families for one placement state.
struct CarerPoolSpec {
  bool enabled = false;
  int state = 0;      // the placement that needs a free family
  int fallback = 0;   // where a child goes when none is free
  long families = 0;  // on the start date
  double recruitment_per_year = 0.0;
  double attrition_per_year = 0.0;                // of a family without a child
  double attrition_after_carer_breakdown = 0.0;   // per year, after a carer-initiated breakdown
  bool return_from_fallback = true;  // move waiting children back when a family frees up
};

struct EntryMixBand {
  Interval age;
  std::vector<double> shares;  // one per state; zero for states not named
};

struct EntrySpec {
  BandedRate rate_per_1000;  // by age only
  double trend_per_year = 0.0;  // compound change of the entry rate per year from the start year
  std::vector<EntryMixBand> mix;
};

struct AgeingOutSpec {
  double age = 18.0;
  int to = 0;
};

struct InitialStockSpec {
  bool from_snapshot = false;
  SnapshotTable snapshot;    // when from_snapshot
  double warmup_years = 0;   // otherwise
};

/// Money. Amounts are in the prices of `price_year`; nominal amounts in a later year are
/// multiplied by the price index of that year over the index of `price_year`.
enum class OneOffKind : std::size_t { entry = 0, planned_move = 1, breakdown = 2, exit = 3 };
inline constexpr std::size_t one_off_kinds = 4;

struct CostSpec {
  bool enabled = false;
  std::string currency = "DKK";
  int price_year = 0;
  std::vector<double> per_day;                  // by state
  std::array<double, one_off_kinds> one_off{};  // by kind of transition
  std::map<int, double> price_index;            // by calendar year, each year from price_year on
  double discount_rate = 0.0;                   // per year
  double caseworker_per_year = 0.0;             // one full-time caseworker for a year; 0: not costed
};

/// Open cases weigh on caseworkers: FTE needed = Σ weight × children / norm.
/// With a feedback (and a staffing), caseload per worker above the norm raises breakdown hazards
/// and slows planned exits (transitions into exit states that are not breakdowns), as
/// engine::LoadLaw says, with excess = caseload per worker / norm - 1.
struct CaseloadSpec {
  bool enabled = false;
  std::vector<double> weights;     // by state (0 for exit states)
  YearTable norm;                  // cases per caseworker, by calendar year
  std::optional<YearTable> staffing;  // caseworkers (FTE), by calendar year
  std::optional<engine::LoadLaw> feedback;
};

struct Scenario {
  std::string name;
  std::string description;
  std::string path;           // the file it was read from
  std::string resolved_text;  // the merged YAML
  std::string sha256;         // over the resolved text and every data file it reads
  std::vector<std::string> input_files;  // every file read: YAML layers, population table, snapshot
  KeyLocations written_at;    // where each key of the resolved text was last written
  SimulationSpec simulation;
  std::vector<StateSpec> states;
  PopulationTable population;
  EntrySpec entries;
  std::vector<TransitionSpec> transitions;
  BreakdownSpec breakdowns;
  SchoolSpec school;
  CarerPoolSpec carer_pool;
  AgeingOutSpec ageing_out;
  InitialStockSpec initial;
  CostSpec costs;
  CaseloadSpec caseload;
  InterventionsSpec interventions;
  /// Values that are valid but look mistaken (cost_doubts.hpp), each located: shown, not refused.
  std::vector<InputError> warnings;

  int state_index(const std::string& name) const;  // -1 if absent
  bool is_exit(int state) const { return states[static_cast<std::size_t>(state)].kind == StateKind::exit; }
};

std::string kind_name(StateKind kind);

/// A cost per caseworker is given, and a caseload section to count them (caseworker_costs.hpp).
inline bool costs_caseworkers(const Scenario& scenario) {
  return scenario.costs.enabled && scenario.costs.caseworker_per_year > 0.0 && scenario.caseload.enabled;
}

}  // namespace carecast::models
