#pragma once
// Records the days children spend in each state and what they cost, per simulated year:
//   care_days [year][state]           days in each state (float64)
//   costs [year][category]            nominal money, in each year's prices
//   costs_discounted [year][category] the same, discounted to the start
// Categories: one per state (its daily cost), one per kind of one-off transition cost (entry,
// planned_move, breakdown, exit), one per intervention. An intervention costs
//   per_participant:      for each arrival it reaches (entry effects), or, for an intervention
//                         with hazard effects only, uptake × each stay in a target state that
//                         overlaps its target ages and dates;
//   per_participant_year: uptake × the years children spend in its target states, ages and dates;
//   fixed_per_year:       pro rata over the days it runs (added by the finisher, not here).
#include <cstddef>
#include <string>
#include <vector>

#include "engine/life_observer.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"
#include "models/exit_meaning.hpp"
#include "models/model_builder.hpp"
#include "models/money_years.hpp"

namespace carecast::models {

class CostRecorder final : public engine::LifeObserver {
 public:
  struct Handles {
    std::size_t care_days, costs, costs_discounted;
  };
  static Handles register_arrays(engine::TallyLayout& layout, const Scenario& scenario, std::size_t years);
  static std::vector<std::string> categories(const Scenario& scenario);
  static std::size_t category_count(const Scenario& scenario);
  static std::size_t intervention_category(const Scenario& scenario, std::size_t intervention);
  /// Adds every intervention's fixed yearly cost to a replicate's tally.
  static void add_fixed_costs(const Scenario& scenario, const engine::ReportingGrid& grid, const MoneyYears& money,
                              Handles handles, engine::Tally& tally);

  CostRecorder(const Scenario& scenario, const CompiledScenario& compiled, const MoneyYears& money, Handles handles,
               engine::Tally& tally);
  void on_arrival(engine::Individual& child) override;
  void on_arrival_rule(const engine::RuleOutcome& outcome) override;
  void on_stay(const engine::Individual& child, double until) override;
  void on_transition(engine::Individual& child, int from, const engine::Exit* exit) override;

 private:
  /// The part of [from, until) that is inside the target group of intervention i.
  std::pair<double, double> in_target(std::size_t i, const engine::Individual& child, double from, double until) const;
  void spend(double time, std::size_t category, double amount);
  void spend_over(double from, double until, std::size_t category, double amount_per_day);
  void charge_interventions(const engine::Individual& child, double until);
  void charge_one_off(double time, OneOffKind kind);

  const Scenario& scenario_;
  const CompiledScenario& compiled_;
  const MoneyYears& money_;
  const std::vector<double>& year_starts_;
  Handles handles_;
  engine::Tally& tally_;
  std::size_t categories_;
  std::vector<double> intervention_from_, intervention_until_;  // days
};

}  // namespace carecast::models
