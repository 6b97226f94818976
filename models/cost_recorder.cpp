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
  if (costs_caseworkers(scenario)) names.push_back(caseworker_category);
  return names;
}

std::size_t CostRecorder::category_count(const Scenario& scenario) {
  return scenario.states.size() + one_off_kinds + scenario.interventions.list.size() +
         (costs_caseworkers(scenario) ? 1 : 0);
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

CostRecorder::Charge CostRecorder::charge_of(const InterventionSpec& spec, double uptake, double from, double until,
                                             std::size_t category) {
  Charge charge{{}, from, until, spec.ages.lower * days_per_year, spec.ages.upper * days_per_year,
                uptake * spec.cost.per_participant_year / days_per_year,
                has_entry_effects(spec) ? 0.0 : uptake * spec.cost.per_participant, category};
  charge.target_states.assign(spec.target_states.begin(), spec.target_states.end());
  return charge;
}

CostRecorder::CostRecorder(const Scenario& scenario, const CompiledScenario& compiled, const MoneyYears& money,
                           Handles handles, engine::Tally& tally)
    : scenario_(scenario), compiled_(compiled), money_(money), grid_(compiled.grid),
      year_starts_(compiled.grid.year_starts()), years_(compiled.grid.years()), states_(scenario.states.size()),
      categories_(category_count(scenario)),
      costs_enabled_(scenario.costs.enabled),
      per_day_(costs_enabled_ ? scenario.costs.per_day : std::vector<double>(states_, 0.0)),
      care_days_(tally.sums(handles.care_days).data()), costs_(tally.sums(handles.costs).data()),
      costs_discounted_(tally.sums(handles.costs_discounted).data()),
      whole_years_((years_ + 1) * states_, 0) {
  for (std::size_t state = 0; state < states_; ++state) is_exit_.push_back(scenario.is_exit(static_cast<int>(state)));
  const auto& list = scenario.interventions.list;
  for (std::size_t i = 0; i < list.size(); ++i)
    charges_.push_back(charge_of(list[i], compiled.intervention_values[i].uptake,
                                 compiled.calendar.offset_of(list[i].start), compiled.calendar.offset_of(list[i].end),
                                 intervention_category(scenario, i)));
}

unsigned CostRecorder::hooks() const {
  return engine::hook_stay | (costs_enabled_ ? engine::hook_arrival | engine::hook_transition : 0u);
}

void CostRecorder::add_money(std::size_t year, std::size_t category, double amount) {
  costs_[year * categories_ + category] += amount * money_.nominal(year);
  costs_discounted_[year * categories_ + category] += amount * money_.discounted(year);
}

inline void CostRecorder::add_care(std::size_t year, std::size_t state, double days) {
  care_days_[year * states_ + state] += days;
  if (per_day_[state] != 0.0) add_money(year, state, days * per_day_[state]);
}

void CostRecorder::spend(double time, std::size_t category, double amount) {
  std::size_t year = grid_.year_of(time);
  if (year < years_ && amount != 0.0) add_money(year, category, amount);
}

double CostRecorder::days_in_year(std::size_t year, double from, double until) const {
  return std::max(std::min(until, year_starts_[year + 1]) - std::max(from, year_starts_[year]), 0.0);
}

// Every year, overlapped or not, without a branch: amounts are not negative, so a year the stay
// misses adds a zero, which leaves a sum as it was. (Interventions' charges only.)
void CostRecorder::spend_over(double from, double until, std::size_t category, double amount_per_day) {
  if (amount_per_day == 0.0) return;
  for (std::size_t k = 0; k < years_; ++k) add_money(k, category, days_in_year(k, from, until) * amount_per_day);
}

void CostRecorder::on_arrival(engine::Individual& child) {
  if (costs_enabled_) charge_one_off(child.entered, OneOffKind::entry);
}

void CostRecorder::on_arrival_rule(const engine::RuleOutcome& outcome) {
  std::size_t i = compiled_.arrival_rule_owner[outcome.rule];
  spend(outcome.child.entered, intervention_category(scenario_, i), scenario_.interventions.list[i].cost.per_participant);
}

void CostRecorder::charge(const Charge& charge, const engine::Individual& child, double until) {
  if (!charge.target_states[static_cast<std::size_t>(child.state)]) return;
  double from = std::max({std::max(child.entered, 0.0), charge.from, child.birth + charge.age_from});
  double to = std::min({until, charge.until, child.birth + charge.age_until});
  if (!(to > from)) return;
  spend_over(from, to, charge.category, charge.per_day);
  spend(from, charge.category, charge.per_stay);
}

void CostRecorder::charge_interventions(const engine::Individual& child, double until) {
  for (const Charge& c : charges_) charge(c, child, until);
}

void CostRecorder::on_stay(const engine::Individual& child, double until) {
  double from = std::max(child.entered, 0.0), to = std::min(until, year_starts_.back());
  if (!(to > from)) return;
  auto state = static_cast<std::size_t>(child.state);
  // Without branches on which years they are (see the class comment).
  std::size_t first = grid_.year_of_clamped(from), last = grid_.year_of_clamped(to);
  double first_end = std::min(to, year_starts_[first + 1]);
  add_care(first, state, first_end - from);
  add_care(last, state, to - std::max(year_starts_[last], first_end));  // 0 if last == first
  whole_years_[(first + 1) * states_ + state] += 1;  // whole years first + 1 .. last - 1,
  whole_years_[std::max(last, first + 1) * states_ + state] -= 1;  // none if last <= first + 1
  if (!charges_.empty()) charge_interventions(child, to);
}

void CostRecorder::flush() {
  for (std::size_t state = 0; state < states_; ++state) {
    std::int64_t spanning = 0;
    for (std::size_t k = 0; k < years_; ++k) {
      spanning += whole_years_[k * states_ + state];
      if (spanning != 0) add_care(k, state, static_cast<double>(spanning) * (year_starts_[k + 1] - year_starts_[k]));
    }
  }
  std::fill(whole_years_.begin(), whole_years_.end(), 0);
}

void CostRecorder::charge_one_off(double time, OneOffKind kind) {
  auto k = static_cast<std::size_t>(kind);
  spend(time, states_ + k, scenario_.costs.one_off[k]);
}

void CostRecorder::on_transition(engine::Individual& child, int, const engine::Exit* exit) {
  if (!costs_enabled_) return;
  const ExitMeaning* meaning = meaning_of(exit, compiled_.exit_meanings);
  OneOffKind kind = is_exit_[static_cast<std::size_t>(child.state)] ? OneOffKind::exit
                    : meaning && meaning->breakdown                 ? OneOffKind::breakdown
                                                                    : OneOffKind::planned_move;
  charge_one_off(child.entered, kind);
}

}  // namespace carecast::models
