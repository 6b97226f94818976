#pragma once
// Records the days children spend in each state and what they cost, per reporting year:
//   care_days [year][state]           days in each state (float64)
//   costs [year][category]            nominal money, in each year's prices
//   costs_discounted [year][category] the same, discounted to the start
// Categories: one per state (its daily cost), one per kind of one-off transition cost (entry,
// planned_move, breakdown, exit), one per intervention, and staff:caseworkers when caseworkers are
// costed (caseworker_costs.hpp, added by the finisher). An intervention costs
//   per_participant:      for each arrival it reaches (entry effects), or, for an intervention
//                         with hazard effects only, uptake × each stay in a target state that
//                         overlaps its target ages and dates;
//   per_participant_year: uptake × the years children spend in its target states, ages and dates;
//   fixed_per_year:       pro rata over the days it runs (added by the finisher, not here).
// This observer sees every stay of every child, so a stay costs it a fixed amount of work
// whatever years it spans: the days in its first and last reporting years are added at once
// (no branch on which years they are: when both are one year, the last adds zero days, which
// leaves a sum as it was), and the whole years between are counted per state in a difference
// array, which flush() turns into days and money. Its arrays are reached through pointers taken
// once per replicate. Interventions' charges (when there are any) go through every year.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/life_observer.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"
#include "models/exit_meaning.hpp"
#include "models/model_builder.hpp"
#include "models/money_years.hpp"

namespace carecast::models {

/// The cost category of the caseworkers the caseload norm needs, when they are costed.
inline constexpr char caseworker_category[] = "staff:caseworkers";

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
  /// Stays always (care days); arrivals and transitions only when one-off costs are on.
  unsigned hooks() const override;
  void on_arrival(engine::Individual& child) override;
  void on_arrival_rule(const engine::RuleOutcome& outcome) override;
  void on_stay(const engine::Individual& child, double until) override;
  void on_transition(engine::Individual& child, int from, const engine::Exit* exit) override;
  /// Adds the whole years counted since the last flush to the care days and their money.
  void flush() override;

 private:
  /// What charging an intervention for a stay needs, worked out once per replicate.
  struct Charge {
    std::vector<char> target_states;  // by state
    double from, until;               // its dates, in days
    double age_from, age_until;       // its target ages, in days since birth
    double per_day;                   // uptake × per_participant_year per day
    double per_stay;                  // uptake × per_participant; 0 for entry effects (charged on arrival)
    std::size_t category;
  };
  static Charge charge_of(const InterventionSpec& spec, double uptake, double from, double until,
                          std::size_t category);

  /// The days of [from, until) in reporting year `year` (0 if none).
  double days_in_year(std::size_t year, double from, double until) const;
  void add_money(std::size_t year, std::size_t category, double amount);
  void spend(double time, std::size_t category, double amount);
  void spend_over(double from, double until, std::size_t category, double amount_per_day);
  void charge_interventions(const engine::Individual& child, double until);
  void charge(const Charge& charge, const engine::Individual& child, double until);
  void charge_one_off(double time, OneOffKind kind);
  void add_care(std::size_t year, std::size_t state, double days);

  const Scenario& scenario_;
  const CompiledScenario& compiled_;
  const MoneyYears& money_;
  const engine::ReportingGrid& grid_;
  const std::vector<double>& year_starts_;
  std::size_t years_;
  std::size_t states_;
  std::size_t categories_;
  bool costs_enabled_;
  std::vector<double> per_day_;   // by state: the daily cost, 0 without a costs section
  std::vector<char> is_exit_;     // by state
  std::vector<Charge> charges_;   // by intervention
  // The arrays inside the replicate's tally (its storage never moves once built).
  double* care_days_;
  double* costs_;
  double* costs_discounted_;
  // [year][state] for years 0..years_: +1 in the first whole year of a stay, -1 in the year
  // after its last; the running sum over years counts the stays that span each year whole.
  std::vector<std::int64_t> whole_years_;
};

}  // namespace carecast::models
