// SimulatedYears: the year of a day offset by counting year starts gives what
// engine::simulated_year_of gives (which divides and steps), on the year starts, just before and
// after them, outside the years, for NaN, and on many random days, for one year and for several
// of unequal lengths.
#include "models/simulated_years.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "engine/reporting_grid.hpp"

namespace carecast::models {
namespace {

std::size_t expected_year(const std::vector<double>& starts, double t) {
  return engine::simulated_year_of(starts, t).value_or(starts.size() - 1);
}

void expect_same_years(const std::vector<double>& starts) {
  SimulatedYears years(starts);
  ASSERT_EQ(years.years(), starts.size() - 1);
  std::vector<double> days = {-1.0, -0.0, std::numeric_limits<double>::quiet_NaN(),
                              std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  for (double start : starts)
    for (double t : {start, std::nextafter(start, -1e300), std::nextafter(start, 1e300), start + 0.5})
      days.push_back(t);
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> uniform(starts.front() - 100.0, starts.back() + 100.0);
  for (int i = 0; i < 10000; ++i) days.push_back(uniform(random));
  for (double t : days) EXPECT_EQ(years.year_of(t), expected_year(starts, t)) << "day " << t;
}

TEST(SimulatedYears, OneYear) { expect_same_years({0.0, 365.0}); }

TEST(SimulatedYears, TenCalendarYearsWithLeapYears) {
  std::vector<double> starts = {0.0};
  for (int year = 2025; year < 2035; ++year) starts.push_back(starts.back() + (year % 4 == 0 ? 366.0 : 365.0));
  expect_same_years(starts);
}

TEST(SimulatedYears, YearsOfUnequalLengthNotStartingAtZero) {
  expect_same_years({-730.5, -10.0, 0.25, 400.0, 401.0, 2000.0});
}

TEST(SimulatedYears, StartOfAYear) {
  const std::vector<double> starts = {0.0, 365.0, 731.0};  // held by reference
  SimulatedYears years(starts);
  EXPECT_EQ(years.start(1), 365.0);
  EXPECT_EQ(years.year_of(730.999), 1u);
  EXPECT_EQ(years.year_of(731.0), years.years());
}

}  // namespace
}  // namespace carecast::models
