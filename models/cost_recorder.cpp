#include "models/cost_recorder.hpp"

#include <algorithm>

namespace carecast::models {

namespace {

using engine::days_per_year;

constexpr const char* one_off_names[one_off_kinds] = {"entry", "planned_move", "breakdown", "exit"};

bool has_entry_effects(const InterventionSpec& spec) { return spec.entry_rate || spec.redirect; }

}  // namespace

std::vector<std::string> CostRecorder::categories(const Scenario& scenario) {
  std::vector<std::string> names;
  for (const StateSpec& state : scenario.states) names.push_back("care:" + state.name);
  for (const char* kind : one_off_names) names.push_back(std::string("one_off:") + kind);
  for (const InterventionSpec& spec : scenario.interventions.list) names.push_back("intervention:" + spec.name);
  return names;
}

std::size_t CostRecorder::category_count(const Scenario& scenario) {
  return scenario.states.size() + one_off_kinds + scenario.interventions.list.size();
}

std::size_t CostRecorder::intervention_category(const Scenario& scenario, std::size_t intervention) {
  return scenario.states.size() + one_off_kinds + intervention;
}

CostRecorder::Handles CostRecorder::register_arrays(engine::TallyLayout& layout, const Scenario& scenario,
                                                    std::size_t years) {
  std::size_t categories = category_count(scenario);
  layout.label_axis("category", CostRecorder::categories(scenario));
  return {layout.add_sums("care_days", {years, scenario.states.size()}, {"year", "state"}),
          layout.add_sums("costs", {years, categories}, {"year", "category"}),
          layout.add_sums("costs_discounted", {years, categories}, {"year", "category"})};
}

void CostRecorder::add_fixed_costs(const Scenario& scenario, const engine::ReportingGrid& grid,
                                   const MoneyYears& money, Handles handles, engine::Tally& tally) {
  engine::Calendar calendar(scenario.simulation.start);
  const auto& starts = grid.year_starts();
  auto nominal = tally.sums(handles.costs), discounted = tally.sums(handles.costs_discounted);
  std::size_t categories = category_count(scenario);
  for (std::size_t i = 0; i < scenario.interventions.list.size(); ++i) {
    const InterventionSpec& spec = scenario.interventions.list[i];
    double from = calendar.offset_of(spec.start), until = calendar.offset_of(spec.end);
    std::size_t category = intervention_category(scenario, i);
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
      double days = std::max(0.0, std::min(until, starts[k + 1]) - std::max(from, starts[k]));
      double amount = spec.cost.fixed_per_year * days / days_per_year;
      nominal[k * categories + category] += amount * money.nominal(k);
      discounted[k * categories + category] += amount * money.discounted(k);
    }
  }
}

CostRecorder::CostRecorder(const Scenario& scenario, const CompiledScenario& compiled, const MoneyYears& money,
                           Handles handles, engine::Tally& tally)
    : scenario_(scenario), compiled_(compiled), money_(money), year_starts_(compiled.grid.year_starts()),
      handles_(handles), tally_(tally), categories_(category_count(scenario)) {
  for (const InterventionSpec& spec : scenario.interventions.list) {
    intervention_from_.push_back(compiled.calendar.offset_of(spec.start));
    intervention_until_.push_back(compiled.calendar.offset_of(spec.end));
  }
}

void CostRecorder::spend(double time, std::size_t category, double amount) {
  auto year = engine::simulated_year_of(year_starts_, time);
  if (!year || amount == 0.0) return;
  tally_.sums(handles_.costs)[*year * categories_ + category] += amount * money_.nominal(*year);
  tally_.sums(handles_.costs_discounted)[*year * categories_ + category] += amount * money_.discounted(*year);
}

void CostRecorder::spend_over(double from, double until, std::size_t category, double amount_per_day) {
  if (amount_per_day == 0.0) return;
  for (std::size_t k = 0; k + 1 < year_starts_.size(); ++k) {
    double days = std::min(until, year_starts_[k + 1]) - std::max(from, year_starts_[k]);
    if (days > 0.0) spend(year_starts_[k], category, days * amount_per_day);
  }
}

void CostRecorder::on_arrival(engine::Individual& child) {
  if (scenario_.costs.enabled) charge_one_off(child.entered, OneOffKind::entry);
}

void CostRecorder::on_arrival_rule(const engine::RuleOutcome& outcome) {
  std::size_t i = compiled_.arrival_rule_owner[outcome.rule];
  spend(outcome.child.entered, intervention_category(scenario_, i), scenario_.interventions.list[i].cost.per_participant);
}

std::pair<double, double> CostRecorder::in_target(std::size_t i, const engine::Individual& child, double from,
                                                  double until) const {
  const InterventionSpec& spec = scenario_.interventions.list[i];
  double lower = std::max({from, intervention_from_[i], child.birth + spec.ages.lower * days_per_year});
  double upper = std::min({until, intervention_until_[i], child.birth + spec.ages.upper * days_per_year});
  return {lower, upper};
}

void CostRecorder::charge_interventions(const engine::Individual& child, double until) {
  const auto& list = scenario_.interventions.list;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const InterventionSpec& spec = list[i];
    if (!spec.target_states[static_cast<std::size_t>(child.state)]) continue;
    auto [from, to] = in_target(i, child, std::max(child.entered, 0.0), until);
    if (!(to > from)) continue;
    double uptake = compiled_.intervention_values[i].uptake;
    std::size_t category = intervention_category(scenario_, i);
    spend_over(from, to, category, uptake * spec.cost.per_participant_year / days_per_year);
    if (!has_entry_effects(spec)) spend(from, category, uptake * spec.cost.per_participant);
  }
}

void CostRecorder::on_stay(const engine::Individual& child, double until) {
  double from = std::max(child.entered, 0.0), to = std::min(until, year_starts_.back());
  if (!(to > from)) return;
  auto state = static_cast<std::size_t>(child.state);
  auto days = tally_.sums(handles_.care_days);
  for (std::size_t k = 0; k + 1 < year_starts_.size(); ++k) {
    double overlap = std::min(to, year_starts_[k + 1]) - std::max(from, year_starts_[k]);
    if (overlap > 0.0) days[k * scenario_.states.size() + state] += overlap;
  }
  if (scenario_.costs.enabled) spend_over(from, to, state, scenario_.costs.per_day[state]);
  charge_interventions(child, to);
}

void CostRecorder::charge_one_off(double time, OneOffKind kind) {
  auto k = static_cast<std::size_t>(kind);
  spend(time, scenario_.states.size() + k, scenario_.costs.one_off[k]);
}

void CostRecorder::on_transition(engine::Individual& child, int, const engine::Exit* exit) {
  if (!scenario_.costs.enabled) return;
  const ExitMeaning* meaning = meaning_of(exit, compiled_.exit_meanings);
  OneOffKind kind = scenario_.is_exit(child.state)    ? OneOffKind::exit
                    : meaning && meaning->breakdown ? OneOffKind::breakdown
                                                    : OneOffKind::planned_move;
  charge_one_off(child.entered, kind);
}

}  // namespace carecast::models
