// Money years: each reporting year is priced at the index of the calendar year it begins in,
// and discounted by its place among the reporting years.
#include "models/money_years.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace carecast::models {
namespace {

using namespace std::chrono;

CostSpec growing_prices(int price_year, int last_year, double growth, double discount_rate) {
  CostSpec costs;
  costs.enabled = true;
  costs.price_year = price_year;
  costs.discount_rate = discount_rate;
  for (int y = price_year; y <= last_year; ++y) costs.price_index[y] = std::pow(1.0 + growth, y - price_year);
  return costs;
}

SimulationSpec simulation_from(engine::Date start, int years, month_day begins) {
  SimulationSpec simulation;
  simulation.start = start;
  simulation.span = std::chrono::years{years};
  simulation.year_begins = begins;
  return simulation;
}

TEST(MoneyYears, CalendarYearsFromAMidYearStartArePricedByTheirOwnCalendarYear) {
  // Three years from 1 July 2025 in calendar years: 2025 (half), 2026, 2027, 2028 (half). Each is
  // discounted by the time from the start to its first day: 0, 0.5, 1.5 and 2.5 years.
  CostSpec costs = growing_prices(2025, 2028, 0.10, 0.05);
  MoneyYears money(costs, simulation_from(year{2025} / July / 1, 3, January / 1));
  ASSERT_EQ(money.years(), 4u);
  const double elapsed[] = {0.0, 0.5, 1.5, 2.5};
  for (std::size_t k = 0; k < 4; ++k) {
    double index = std::pow(1.10, static_cast<double>(k));  // 2025 + k over 2025
    EXPECT_DOUBLE_EQ(money.nominal(k), index) << k;
    EXPECT_DOUBLE_EQ(money.discounted(k), index / std::pow(1.05, elapsed[k])) << k;
  }
}

TEST(MoneyYears, DiscountingFollowsTimeNotTheYearBoundaries) {
  // The same discount rate over years cut from 1 December and from 1 January: money of a
  // January-to-November span is discounted alike (by 1/12 of a year) in both.
  CostSpec costs = growing_prices(2025, 2036, 0.0, 0.035);
  MoneyYears calendar(costs, simulation_from(year{2025} / December / 1, 10, January / 1));
  MoneyYears anniversaries(costs, simulation_from(year{2025} / December / 1, 10, December / 1));
  ASSERT_EQ(calendar.years(), 11u);
  ASSERT_EQ(anniversaries.years(), 10u);
  EXPECT_DOUBLE_EQ(calendar.discounted(1), 1.0 / std::pow(1.035, 1.0 / 12.0));
  EXPECT_DOUBLE_EQ(anniversaries.discounted(1), 1.0 / 1.035);
  EXPECT_DOUBLE_EQ(calendar.discounted(2), 1.0 / std::pow(1.035, 13.0 / 12.0));
}

TEST(MoneyYears, FinancialYearsTakeTheIndexOfTheYearTheyBeginIn) {
  // From 1 April 2025 in financial years: 2025/26 at 2025's prices, 2026/27 at 2026's.
  CostSpec costs = growing_prices(2024, 2026, 0.02, 0.0);
  MoneyYears money(costs, simulation_from(year{2025} / April / 1, 2, April / 1));
  ASSERT_EQ(money.years(), 2u);
  EXPECT_DOUBLE_EQ(money.nominal(0), 1.02);
  EXPECT_DOUBLE_EQ(money.nominal(1), 1.02 * 1.02);
  EXPECT_DOUBLE_EQ(money.discounted(1), money.nominal(1));
}

TEST(MoneyYears, WithoutACostsSectionMoneyIsAtFaceValue) {
  MoneyYears money(CostSpec{}, simulation_from(year{2025} / July / 1, 2, January / 1));
  ASSERT_EQ(money.years(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(money.nominal(k), 1.0);
    EXPECT_EQ(money.discounted(k), 1.0);
  }
}

}  // namespace
}  // namespace carecast::models
