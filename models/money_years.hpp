#pragma once
// The factors that turn an amount in the scenario's prices into money of each reporting year:
// nominal = amount × price index of the calendar year in which the reporting year begins ÷ the
// index of the price year; discounted = nominal ÷ (1 + discount rate)^t, where t is the time
// from the start date to the year's first day in years (whole months ÷ 12): 0 for the first
// year, 1, 2, ... for years from anniversaries, 0.5 for the first calendar year after a 1 July
// start. Discounting so depends on time, not on where the year boundaries fall.
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
