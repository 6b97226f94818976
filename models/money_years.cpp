#include "models/money_years.hpp"

#include <cmath>

namespace carecast::models {

MoneyYears::MoneyYears(const CostSpec& costs, const SimulationSpec& simulation) {
  std::vector<int> calendar_years = reporting_calendar_years(simulation);
  for (std::size_t k = 0; k < calendar_years.size(); ++k) {
    double index = 1.0;
    if (costs.enabled) index = costs.price_index.at(calendar_years[k]) / costs.price_index.at(costs.price_year);
    nominal_.push_back(index);
    discounted_.push_back(index / std::pow(1.0 + costs.discount_rate, static_cast<double>(k)));
  }
}

}  // namespace carecast::models
