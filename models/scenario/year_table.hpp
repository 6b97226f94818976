#pragma once
// A number that may change from one calendar year to the next (a caseload norm, a staffing
// level): each value holds from its year until the next given year; years before the first
// given year take the first value.
#include <map>

namespace carecast::models {

class YearTable {
 public:
  YearTable() = default;
  explicit YearTable(double constant) { values_[0] = constant; }
  explicit YearTable(std::map<int, double> values) : values_(std::move(values)) {}

  bool empty() const { return values_.empty(); }
  double at(int year) const {
    auto next = values_.upper_bound(year);
    return next == values_.begin() ? next->second : std::prev(next)->second;
  }
  const std::map<int, double>& values() const { return values_; }

 private:
  std::map<int, double> values_;
};

}  // namespace carecast::models
