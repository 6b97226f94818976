#pragma once
// Which simulated year holds a day offset, for the observers that ask it at every event. It
// counts the year starts at or before the day: a loop of fixed length, which the processor
// predicts and the compiler vectorises, where engine::simulated_year_of divides and then steps
// by branches that depend on the day. The two agree for any increasing year starts.
#include <cstddef>
#include <vector>

namespace carecast::models {

class SimulatedYears {
 public:
  /// `starts`: the first day of each simulated year and the day after the last (two or more).
  explicit SimulatedYears(const std::vector<double>& starts) : starts_(starts), years_(starts.size() - 1) {}

  std::size_t years() const { return years_; }
  double start(std::size_t year) const { return starts_[year]; }
  /// The year k with start(k) <= t < start(k + 1), or years() if there is none (also for NaN).
  std::size_t year_of(double t) const {
    if (!(t >= starts_.front() && t < starts_.back())) return years_;
    std::size_t year = 0;
    for (std::size_t k = 1; k < years_; ++k) year += t >= starts_[k] ? 1 : 0;
    return year;
  }

 private:
  const std::vector<double>& starts_;
  std::size_t years_;
};

}  // namespace carecast::models
