#pragma once
// The factors that turn an amount in the scenario's prices into money of each reporting year:
// nominal = amount × price index of the calendar year in which the reporting year begins ÷ the
// index of the price year; discounted = nominal ÷ (1 + discount rate)^k for reporting year k
// (0 for the first).
#include <cstddef>
#include <vector>

#include "models/scenario/scenario.hpp"

namespace carecast::models {

class MoneyYears {
 public:
  MoneyYears(const CostSpec& costs, const SimulationSpec& simulation);

  std::size_t years() const { return nominal_.size(); }
  double nominal(std::size_t year) const { return nominal_[year]; }
  double discounted(std::size_t year) const { return discounted_[year]; }

 private:
  std::vector<double> nominal_;
  std::vector<double> discounted_;
};

}  // namespace carecast::models
