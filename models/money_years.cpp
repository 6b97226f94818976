#include "models/money_years.hpp"

#include <cmath>

namespace carecast::models {

MoneyYears::MoneyYears(const CostSpec& costs, const SimulationSpec& simulation) {
  for (const engine::Date& first_day : reporting_year_starts(simulation)) {
    double index = 1.0;
    if (costs.enabled)
      index = costs.price_index.at(static_cast<int>(first_day.year())) / costs.price_index.at(costs.price_year);
    double years_elapsed = engine::months_from(simulation.start, first_day) / 12.0;
    nominal_.push_back(index);
    discounted_.push_back(index / std::pow(1.0 + costs.discount_rate, years_elapsed));
  }
}

}  // namespace carecast::models
