#include "models/money_years.hpp"

#include <cmath>

namespace carecast::models {

MoneyYears::MoneyYears(const CostSpec& costs, const SimulationSpec& simulation) {
  int first = static_cast<int>(simulation.start.year());
  for (int k = 0; k < simulation.years; ++k) {
    double index = 1.0;
    if (costs.enabled) index = costs.price_index.at(first + k) / costs.price_index.at(costs.price_year);
    nominal_.push_back(index);
    discounted_.push_back(index / std::pow(1.0 + costs.discount_rate, k));
  }
}

}  // namespace carecast::models
