// Reporting grid: calendar dates at which stocks are sampled, and the intervals between them.
#include "engine/reporting_grid.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace carecast::engine {
namespace {

using namespace std::chrono;

constexpr double infinity = std::numeric_limits<double>::infinity();

Date ymd(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

TEST(ReportingGrid, MonthlyFromAMonthEndClampsEachMonthFromTheOrigin) {
  Calendar calendar(ymd(2023, 1, 31));
  ReportingGrid grid(calendar, GridStep::monthly, years{2});
  ASSERT_EQ(grid.points(), 25u);
  EXPECT_EQ(grid.intervals(), 24u);
  EXPECT_EQ(grid.dates()[0], ymd(2023, 1, 31));
  EXPECT_EQ(grid.dates()[1], ymd(2023, 2, 28));
  EXPECT_EQ(grid.dates()[2], ymd(2023, 3, 31));
  EXPECT_EQ(grid.dates()[3], ymd(2023, 4, 30));
  EXPECT_EQ(grid.dates()[13], ymd(2024, 2, 29));
  EXPECT_EQ(grid.dates()[14], ymd(2024, 3, 31));
  EXPECT_EQ(grid.dates()[24], ymd(2025, 1, 31));
  for (std::size_t i = 0; i < grid.points(); ++i) {
    EXPECT_EQ(grid.offset(i), calendar.offset_of(grid.dates()[i]));
    EXPECT_EQ(grid.offsets()[i], grid.offset(i));
    if (i > 0) {
      EXPECT_GT(grid.offset(i), grid.offset(i - 1));
    }
  }
  EXPECT_EQ(grid.offset(0), 0.0);
  EXPECT_EQ(grid.offset(1), 28.0);
  EXPECT_EQ(grid.horizon(), 365.0 + 366.0);
}

TEST(ReportingGrid, QuarterlyInALeapYear) {
  ReportingGrid grid(Calendar(ymd(2024, 1, 1)), GridStep::quarterly, years{1});
  ASSERT_EQ(grid.points(), 5u);
  EXPECT_EQ(grid.dates()[1], ymd(2024, 4, 1));
  EXPECT_EQ(grid.dates()[2], ymd(2024, 7, 1));
  EXPECT_EQ(grid.dates()[3], ymd(2024, 10, 1));
  EXPECT_EQ(grid.dates()[4], ymd(2025, 1, 1));
  EXPECT_EQ(grid.offsets(), (std::vector<double>{0.0, 91.0, 182.0, 274.0, 366.0}));
  EXPECT_EQ(grid.horizon(), 366.0);
}

TEST(ReportingGrid, YearlyAcrossALeapDay) {
  ReportingGrid grid(Calendar(ymd(2023, 3, 1)), GridStep::yearly, years{3});
  ASSERT_EQ(grid.points(), 4u);
  EXPECT_EQ(grid.intervals(), 3u);
  EXPECT_EQ(grid.dates()[3], ymd(2026, 3, 1));
  EXPECT_EQ(grid.offsets(), (std::vector<double>{0.0, 366.0, 731.0, 1096.0}));
}

TEST(ReportingGrid, NeedsAtLeastOneYear) {
  Calendar calendar(ymd(2024, 1, 1));
  EXPECT_THROW(ReportingGrid(calendar, GridStep::monthly, years{0}), std::invalid_argument);
  EXPECT_THROW(ReportingGrid(calendar, GridStep::yearly, years{-2}), std::invalid_argument);
  EXPECT_EQ(ReportingGrid(calendar, GridStep::monthly, years{1}).points(), 13u);
  EXPECT_EQ(ReportingGrid(calendar, GridStep::monthly, years{10}).points(), 121u);
}

TEST(ReportingGrid, IntervalOfIsHalfOpenAndOutsideIsIntervals) {
  ReportingGrid grid(Calendar(ymd(2024, 1, 1)), GridStep::quarterly, years{1});  // 0 91 182 274 366
  const std::size_t outside = grid.intervals();
  EXPECT_EQ(grid.interval_of(-1e-9), outside);
  EXPECT_EQ(grid.interval_of(-100.0), outside);
  EXPECT_EQ(grid.interval_of(0.0), 0u);
  EXPECT_EQ(grid.interval_of(90.999), 0u);
  EXPECT_EQ(grid.interval_of(91.0), 1u);
  EXPECT_EQ(grid.interval_of(200.0), 2u);
  EXPECT_EQ(grid.interval_of(274.0), 3u);
  EXPECT_EQ(grid.interval_of(std::nextafter(366.0, 0.0)), 3u);
  EXPECT_EQ(grid.interval_of(366.0), outside);
  EXPECT_EQ(grid.interval_of(1e9), outside);
  EXPECT_EQ(grid.interval_of(infinity), outside);
}

TEST(ReportingGrid, FirstPointAtOrAfter) {
  ReportingGrid grid(Calendar(ymd(2024, 1, 1)), GridStep::quarterly, years{1});  // 0 91 182 274 366
  EXPECT_EQ(grid.first_point_at_or_after(-infinity), 0u);
  EXPECT_EQ(grid.first_point_at_or_after(-5.0), 0u);
  EXPECT_EQ(grid.first_point_at_or_after(0.0), 0u);
  EXPECT_EQ(grid.first_point_at_or_after(0.5), 1u);
  EXPECT_EQ(grid.first_point_at_or_after(91.0), 1u);
  EXPECT_EQ(grid.first_point_at_or_after(91.0001), 2u);
  EXPECT_EQ(grid.first_point_at_or_after(366.0), 4u);
  EXPECT_EQ(grid.first_point_at_or_after(366.5), grid.points());
  EXPECT_EQ(grid.first_point_at_or_after(infinity), grid.points());
}

TEST(ReportingGrid, YearOfByTableAgreesWithTheYearStarts) {
  // Three reporting years (anniversaries) from 1 March 2023; the first holds 29 February 2024: 366, 365, 365 days.
  ReportingGrid grid(Calendar(ymd(2023, 3, 1)), GridStep::monthly, years{3});
  const auto& starts = grid.year_starts();
  ASSERT_EQ(grid.years(), 3u);
  ASSERT_EQ(starts[1] - starts[0], 366.0);
  auto expected = [&](double t) { return reporting_year_of(starts, t).value_or(grid.years()); };
  for (double t = -3.0; t < grid.horizon() + 3.0; t += 0.25) EXPECT_EQ(grid.year_of(t), expected(t)) << t;
  for (double start : starts) {
    EXPECT_EQ(grid.year_of(start), expected(start)) << start;
    EXPECT_EQ(grid.year_of(std::nextafter(start, -infinity)), expected(std::nextafter(start, -infinity))) << start;
  }
  EXPECT_EQ(grid.year_of(std::nan("")), grid.years());
  EXPECT_EQ(grid.year_of(infinity), grid.years());
  // The clamped lookup is the same inside the grid, and gives the horizon the last year.
  for (double t = 0.0; t < grid.horizon(); t += 0.5) EXPECT_EQ(grid.year_of_clamped(t), grid.year_of(t)) << t;
  EXPECT_EQ(grid.year_of_clamped(grid.horizon()), grid.years() - 1);
}

TEST(ReportingYears, CalendarYearsFromAMidYearStartMakeAShortFirstAndLastYear) {
  // Ten years from 1 July 2025 in calendar years: July-December 2025, 2026 ... 2034, and
  // January-June 2035.
  Calendar calendar(ymd(2025, 7, 1));
  ReportingGrid grid(calendar, GridStep::monthly, years{10}, January / 1);
  ASSERT_EQ(grid.years(), 11u);
  ASSERT_EQ(grid.year_starts().size(), 12u);
  EXPECT_EQ(grid.year_starts()[0], 0.0);
  EXPECT_EQ(grid.year_starts()[1], calendar.offset_of(ymd(2026, 1, 1)));
  EXPECT_EQ(grid.year_starts()[1], 184.0);  // July to December
  EXPECT_EQ(grid.year_starts()[10], calendar.offset_of(ymd(2035, 1, 1)));
  EXPECT_EQ(grid.year_starts()[11], grid.horizon());
  ASSERT_EQ(grid.year_start_points().size(), 11u);
  EXPECT_EQ(grid.year_start_points()[0], 0u);
  for (std::size_t k = 1; k < 11; ++k) {
    EXPECT_EQ(grid.year_start_points()[k], 6 + 12 * (k - 1));
    EXPECT_EQ(grid.dates()[grid.year_start_points()[k]], year{2025 + static_cast<int>(k)} / January / 1);
  }
  EXPECT_EQ(grid.year_of(183.5), 0u);
  EXPECT_EQ(grid.year_of(184.0), 1u);
  EXPECT_EQ(grid.year_of(grid.horizon() - 0.5), 10u);
}

TEST(ReportingYears, AStartOnTheFirstDayGivesTheAnniversaries) {
  Calendar calendar(ymd(2025, 4, 1));
  ReportingGrid financial(calendar, GridStep::quarterly, years{5}, April / 1);
  ReportingGrid anniversaries(calendar, GridStep::quarterly, years{5});
  EXPECT_EQ(financial.years(), 5u);
  EXPECT_EQ(financial.year_starts(), anniversaries.year_starts());
  EXPECT_EQ(financial.year_start_points(), (std::vector<std::size_t>{0, 4, 8, 12, 16}));
  EXPECT_EQ(reporting_year_starts(ymd(2025, 1, 1), years{3}, January / 1),
            (std::vector<Date>{ymd(2025, 1, 1), ymd(2026, 1, 1), ymd(2027, 1, 1)}));
}

TEST(ReportingYears, AYearThatDoesNotBeginOnAGridDateIsRefused) {
  // A monthly grid from 15 April has no 1 January; a yearly grid from 1 April neither.
  EXPECT_THROW(ReportingGrid(Calendar(ymd(2025, 4, 15)), GridStep::monthly, years{2}, January / 1), std::invalid_argument);
  EXPECT_THROW(ReportingGrid(Calendar(ymd(2025, 4, 1)), GridStep::yearly, years{2}, January / 1), std::invalid_argument);
  EXPECT_NO_THROW(ReportingGrid(Calendar(ymd(2025, 4, 1)), GridStep::yearly, years{2}, April / 1));
  EXPECT_THROW(reporting_year_starts(ymd(2025, 4, 1), years{2}, February / 30), std::invalid_argument);
}

TEST(ReportingYears, TwentyNinthOfFebruaryIsTheLastDayOfFebruaryAsTheGridCountsMonths) {
  // From 29 February 2028 over five years: the grid's February dates are 28, 28, 28, 29 (2032).
  Calendar calendar(ymd(2028, 2, 29));
  ReportingGrid grid(calendar, GridStep::monthly, years{5}, February / 29);
  ASSERT_EQ(grid.years(), 5u);
  for (std::size_t k = 0; k < 5; ++k) EXPECT_EQ(grid.year_start_points()[k], 12 * k);
  EXPECT_EQ(grid.dates()[48], ymd(2032, 2, 29));
  EXPECT_EQ(grid.dates()[12], ymd(2029, 2, 28));
  EXPECT_EQ(months_from(ymd(2028, 2, 29), ymd(2032, 2, 29)), 48);
  EXPECT_EQ(months_from(ymd(2025, 7, 1), ymd(2026, 1, 1)), 6);
  EXPECT_THROW(months_from(ymd(2025, 7, 1), ymd(2026, 1, 2)), std::invalid_argument);
}

TEST(GridStep, NamesRoundTripAndUnknownNamesThrow) {
  for (GridStep step : {GridStep::monthly, GridStep::quarterly, GridStep::yearly})
    EXPECT_EQ(parse_grid_step(grid_step_name(step)), step);
  EXPECT_EQ(grid_step_name(GridStep::quarterly), "quarterly");
  EXPECT_THROW(parse_grid_step("weekly"), std::invalid_argument);
  EXPECT_THROW(parse_grid_step("Monthly"), std::invalid_argument);
  EXPECT_THROW(parse_grid_step(""), std::invalid_argument);
}

}  // namespace
}  // namespace carecast::engine
