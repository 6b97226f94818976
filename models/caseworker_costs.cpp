#include "models/caseworker_costs.hpp"

namespace carecast::models {

void add_caseworker_costs(const Scenario& scenario, const engine::ReportingGrid& grid, const MoneyYears& money,
                          CostRecorder::Handles costs, std::size_t fte_needed, engine::Tally& tally) {
  auto fte = tally.sums(fte_needed);
  auto nominal = tally.sums(costs.costs), discounted = tally.sums(costs.costs_discounted);
  const std::size_t categories = CostRecorder::category_count(scenario);
  const std::size_t category = categories - 1;  // the last, after the interventions'
  for (std::size_t i = 0; i + 1 < grid.points(); ++i) {
    std::size_t year = grid.year_of(grid.offset(i));
    double years_held = (grid.offset(i + 1) - grid.offset(i)) / engine::days_per_year;
    double amount = fte[i] * years_held * scenario.costs.caseworker_per_year;
    nominal[year * categories + category] += amount * money.nominal(year);
    discounted[year * categories + category] += amount * money.discounted(year);
  }
}

}  // namespace carecast::models
