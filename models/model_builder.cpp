#include "models/model_builder.hpp"

#include <fmt/format.h>

#include "engine/child_id.hpp"
#include "models/config/input_error.hpp"
#include "models/history_counter.hpp"
#include "models/intervention_effects.hpp"
#include "models/load_feedback_builder.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::models {

namespace {

using engine::days_per_year;

engine::Axis axis_of(const BandedRate& rate, Interval BandBox::*axis, double scale) {
  std::vector<double> edges{-engine::infinity, engine::infinity};
  for (const BandBox& box : rate.boxes)
    for (double edge : {(box.*axis).lower, (box.*axis).upper})
      if (std::isfinite(edge)) edges.push_back(edge * scale);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return engine::Axis(edges);
}

double point_inside(const engine::Axis& axis, std::size_t cell) {
  double lo = axis.lower(cell), hi = axis.upper(cell);
  if (std::isinf(lo)) return std::isinf(hi) ? 0.0 : hi - 1.0;
  if (std::isinf(hi)) return lo + 1.0;
  return 0.5 * (lo + hi);
}

/// What the hazards are built with: the scenario, its calendar and this replicate's intervention values.
struct HazardContext {
  const Scenario& scenario;
  const engine::Calendar& calendar;
  const InterventionValues& values;
};

engine::Exit breakdown_exit(const HazardContext& context, const TransitionSpec& t, BreakdownCause cause) {
  const Scenario& scenario = context.scenario;
  auto c = static_cast<std::size_t>(cause);
  engine::PiecewiseRate rate = with_intervention_effects(per_day_rate(t.hazard).scaled(t.cause_shares[c]),
                                                         HazardIdentity{t.from, t.to, cause}, scenario,
                                                         context.calendar, context.values);
  // A lever acts from the start date on, not in the warm-up before it.
  if (cause == BreakdownCause::carer_initiated && scenario.breakdowns.carer_initiated_factor != 1.0)
    rate = rate.scaled_from(0.0, scenario.breakdowns.carer_initiated_factor);
  engine::Exit exit{t.to, rate};
  exit.counter = counter_index(HistoryCounter::breakdowns);
  exit.counter_factor = scenario.breakdowns.prior_breakdown_factor;
  exit.counter_cap = static_cast<std::uint16_t>(scenario.breakdowns.prior_breakdown_cap);
  exit.increments = counter_index(HistoryCounter::breakdowns);
  exit.strains_unit = cause == BreakdownCause::carer_initiated;
  add_load_response(exit, t, scenario);
  return exit;
}

/// The engine exits of one transition: one, or one per cause for a breakdown (competing risks
/// with the cause shares, which is the same law as drawing the cause after the event).
void add_exits(const HazardContext& context, std::size_t index, std::vector<engine::Exit>& exits,
               std::vector<ExitMeaning>& meanings) {
  const TransitionSpec& t = context.scenario.transitions[index];
  if (!t.breakdown) {
    exits.push_back(engine::Exit{t.to, with_intervention_effects(per_day_rate(t.hazard), HazardIdentity{t.from, t.to, {}},
                                                                 context.scenario, context.calendar, context.values)});
    exits.back().tag = meanings.size();
    add_load_response(exits.back(), t, context.scenario);
    meanings.push_back(ExitMeaning{index, false, BreakdownCause::other});
    return;
  }
  for (BreakdownCause cause : {BreakdownCause::carer_initiated, BreakdownCause::other}) {
    exits.push_back(breakdown_exit(context, t, cause));
    exits.back().tag = meanings.size();
    meanings.push_back(ExitMeaning{index, true, cause});
  }
}

engine::MultistateModel build_model(const HazardContext& context, std::vector<ExitMeaning>& meanings) {
  const Scenario& scenario = context.scenario;
  engine::MultistateModel model;
  std::size_t states = scenario.states.size();
  model.absorbing.resize(states);
  for (std::size_t s = 0; s < states; ++s) model.absorbing[s] = scenario.states[s].kind == StateKind::exit;
  std::vector<std::vector<engine::Exit>> exits(states);
  for (std::size_t t = 0; t < scenario.transitions.size(); ++t)
    add_exits(context, t, exits[static_cast<std::size_t>(scenario.transitions[t].from)], meanings);
  for (auto& list : exits) model.leaving.emplace_back(std::move(list));
  model.age_out_days = scenario.ageing_out.age * days_per_year;
  model.age_out_state = scenario.ageing_out.to;
  return model;
}

engine::Axis year_axis(const engine::Calendar& calendar, int first_year, int last_year) {
  std::vector<double> edges{-engine::infinity};
  for (int year = first_year + 1; year <= last_year; ++year) edges.push_back(calendar.start_of_year(year));
  edges.push_back(engine::infinity);
  return engine::Axis(edges);
}

engine::ArrivalGroup arrival_group(const Scenario& scenario, int age, double rate_per_1000,
                                   const engine::Calendar& calendar, int first_year, int last_year) {
  engine::ArrivalGroup group;
  group.key = static_cast<std::size_t>(age);
  group.min_age_days = age * days_per_year;
  group.max_age_days = (age + 1) * days_per_year;
  int start_year = static_cast<int>(scenario.simulation.start.year());
  std::vector<double> per_day;
  for (int year = first_year; year <= last_year; ++year) {
    double trend = std::pow(1.0 + scenario.entries.trend_per_year, year - start_year);
    per_day.push_back(scenario.population.for_year_or_first(age, year) * rate_per_1000 / 1000.0 /
                      days_per_year * trend);
  }
  double busiest = *std::max_element(per_day.begin(), per_day.end());
  if (busiest > 0.1 * static_cast<double>(engine::max_arrivals_per_day_and_group))
    throw InputError(SourceLocation{scenario.path, 0, 0}, "population",
                     fmt::format("{:.0f} entries a day at age {} is more than carecast supports; "
                                 "check the population table's units and scale", busiest, age));
  group.per_day = engine::PiecewiseRate(engine::Axis(), engine::Axis(),
                                        year_axis(calendar, first_year, last_year), per_day);
  for (const EntryMixBand& band : scenario.entries.mix) {
    if (!band.age.contains(age + 0.5)) continue;
    for (std::size_t s = 0; s < band.shares.size(); ++s)
      if (band.shares[s] > 0.0) {
        group.first_states.push_back(static_cast<int>(s));
        group.first_state_shares.push_back(band.shares[s]);
      }
  }
  return group;
}

engine::ArrivalSchedule build_arrivals(const Scenario& scenario, const engine::Calendar& calendar,
                                       const engine::KernelSpan& span, engine::ArrivalRules rules) {
  int first_year = calendar.year_at(static_cast<double>(span.first_arrival_day));
  int last_year = calendar.year_at(span.horizon);
  const BandedRate& rates = scenario.entries.rate_per_1000;
  std::vector<engine::ArrivalGroup> groups;
  for (int age = 0; age < static_cast<int>(std::ceil(scenario.ageing_out.age)); ++age) {
    int box = box_containing(rates.boxes, age + 0.5, 0.0, 0.0);
    double rate = box < 0 ? 0.0 : rates.values[static_cast<std::size_t>(box)];
    if (rate > 0.0) groups.push_back(arrival_group(scenario, age, rate, calendar, first_year, last_year));
  }
  return engine::ArrivalSchedule(std::move(groups), std::move(rules));
}

std::vector<engine::InitialChild> build_initial(const Scenario& scenario) {
  std::vector<engine::InitialChild> initial;
  if (!scenario.initial.from_snapshot) return initial;
  for (const SnapshotRow& row : scenario.initial.snapshot.rows) {
    engine::InitialChild child;
    child.min_age_days = row.age * days_per_year;
    child.max_age_days = std::min((row.age + 1) * days_per_year, scenario.ageing_out.age * days_per_year);
    child.state = scenario.state_index(row.state);
    child.days_in_state = row.days_in_state;
    child.days_in_care = row.days_in_care;
    auto set = [&](HistoryCounter counter, int value) {
      child.history[static_cast<std::size_t>(counter)] = static_cast<std::uint16_t>(value);
    };
    set(HistoryCounter::placements, row.placements);
    set(HistoryCounter::breakdowns, row.breakdowns);
    set(HistoryCounter::school_changes, row.school_changes);
    initial.insert(initial.end(), static_cast<std::size_t>(row.count), child);
  }
  return initial;
}

std::optional<engine::ResourcePoolSpec> build_carer_pool(const CarerPoolSpec& spec) {
  if (!spec.enabled) return std::nullopt;
  engine::ResourcePoolSpec pool;
  pool.guarded_state = spec.state;
  pool.fallback_state = spec.fallback;
  pool.units_at_start = spec.families;
  pool.activation = 0.0;
  pool.recruitment_per_day = spec.recruitment_per_year / days_per_year;
  pool.attrition_per_day = spec.attrition_per_year / days_per_year;
  pool.strained_attrition_per_day = spec.attrition_after_carer_breakdown / days_per_year;
  pool.return_from_fallback = spec.return_from_fallback;
  return pool;
}

}  // namespace

engine::PiecewiseRate per_day_rate(const BandedRate& rate) {
  engine::Axis age = axis_of(rate, &BandBox::age, days_per_year);
  engine::Axis duration = axis_of(rate, &BandBox::duration, days_per_year);
  engine::Axis period = axis_of(rate, &BandBox::period, 1.0);
  std::vector<double> values;
  for (std::size_t a = 0; a < age.cells(); ++a)
    for (std::size_t d = 0; d < duration.cells(); ++d)
      for (std::size_t p = 0; p < period.cells(); ++p) {
        // Ages and times in state are never negative: the cells below zero take the rate at zero.
        int box = box_containing(rate.boxes, std::max(0.0, point_inside(age, a)) / days_per_year,
                                 std::max(0.0, point_inside(duration, d)) / days_per_year,
                                 point_inside(period, p));
        values.push_back(box < 0 ? 0.0 : rate.values[static_cast<std::size_t>(box)] / days_per_year);
      }
  return engine::PiecewiseRate(age, duration, period, values);
}

CompiledScenario compile_scenario(const Scenario& scenario) {
  return compile_scenario(scenario, central_values(scenario.interventions));
}

CompiledScenario compile_scenario(const Scenario& scenario, const InterventionValues& values) {
  engine::Calendar calendar(scenario.simulation.start);
  engine::ReportingGrid grid(calendar, scenario.simulation.grid, scenario.simulation.span,
                            scenario.simulation.year_begins);
  engine::KernelSpan span;
  span.horizon = grid.horizon();
  span.first_arrival_day = scenario.initial.from_snapshot
                               ? 0
                               : -static_cast<long>(std::floor(scenario.initial.warmup_years * days_per_year));
  std::vector<ExitMeaning> meanings;
  engine::MultistateModel model = build_model(HazardContext{scenario, calendar, values}, meanings);
  InterventionArrivalRules rules = intervention_arrival_rules(scenario, calendar, values);
  engine::ArrivalSchedule arrivals = build_arrivals(scenario, calendar, span, std::move(rules.rules));
  return CompiledScenario{calendar,          grid, std::move(model), std::move(arrivals), build_initial(scenario),
                          span,              std::move(meanings), build_carer_pool(scenario.carer_pool),
                          build_load_feedback(scenario, calendar, span.horizon), std::move(rules.owner), values};
}

}  // namespace carecast::models
