// Reporting years of a result: which grid intervals and points belong to each year, and the
// names the yearly tables give them.
#include "output/reporting_years.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace carecast::output {
namespace {

std::vector<std::string> monthly_dates(int first_year, unsigned first_month, std::size_t points) {
  std::vector<std::string> dates;
  int year = first_year;
  unsigned month = first_month;
  for (std::size_t i = 0; i < points; ++i) {
    dates.push_back(std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month) + "-01");
    if (++month == 13) month = 1, ++year;
  }
  return dates;
}

TEST(ReportingYears, MapIntervalsAndPointsToCalendarYearsFromAMidYearStart) {
  // Two years from 1 July 2025 on a monthly grid, in calendar years: July-December 2025 (6
  // intervals), 2026 (12) and January-June 2027 (6).
  std::vector<std::string> dates = monthly_dates(2025, 7, 25);
  ReportingYears years = reporting_years_on(dates, {"2025-07-01", "2026-01-01", "2027-01-01"});
  ASSERT_EQ(years.years(), 3u);
  EXPECT_EQ(years.first_point(0), 0u);
  EXPECT_EQ(years.first_point(1), 6u);
  EXPECT_EQ(years.first_point(2), 18u);
  EXPECT_EQ(years.first_point(3), 24u);  // the horizon
  for (std::size_t i = 0; i < 24; ++i) EXPECT_EQ(years.year_of_interval(i), i < 6 ? 0u : i < 18 ? 1u : 2u) << i;
  EXPECT_THROW(years.year_of_interval(24), std::out_of_range);
  EXPECT_EQ(years.first_dates(dates), (std::vector<std::string>{"2025-07-01", "2026-01-01", "2027-01-01"}));
  EXPECT_EQ(years.end_dates(dates), (std::vector<std::string>{"2026-01-01", "2027-01-01", "2027-07-01"}));
}

TEST(ReportingYears, RefuseAYearThatDoesNotBeginOnAGridDate) {
  std::vector<std::string> dates = monthly_dates(2025, 7, 25);
  EXPECT_THROW(reporting_years_on(dates, {"2025-07-01", "2026-01-15"}), std::invalid_argument);
  EXPECT_THROW(reporting_years_on(dates, {"2025-08-01"}), std::invalid_argument);       // not the start
  EXPECT_THROW(reporting_years_on(dates, {"2025-07-01", "2027-07-01"}), std::invalid_argument);  // the horizon
  EXPECT_THROW(reporting_years_on(dates, {"2025-07-01", "2026-07-01", "2026-01-01"}), std::invalid_argument);
}

TEST(ReportingYears, OlderFilesUseTheAnniversaries) {
  std::vector<std::string> dates = monthly_dates(2025, 4, 25);
  EXPECT_EQ(anniversary_year_starts(dates, "monthly"), (std::vector<std::string>{"2025-04-01", "2026-04-01"}));
  std::vector<std::string> quarterly{"2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01", "2026-04-01"};
  EXPECT_EQ(anniversary_year_starts(quarterly, "quarterly"), (std::vector<std::string>{"2025-04-01"}));
}

TEST(ReportingYears, NamesAreCalendarYearsOrFinancialYears) {
  EXPECT_EQ(reporting_year_names({"2025-07-01", "2026-01-01", "2027-01-01"}),
            (std::vector<std::string>{"2025", "2026", "2027"}));
  EXPECT_EQ(reporting_year_names({"2025-04-01", "2026-04-01"}), (std::vector<std::string>{"2025/26", "2026/27"}));
  // A short first year is named by the financial year it is part of.
  EXPECT_EQ(reporting_year_names({"2025-07-01", "2026-04-01"}), (std::vector<std::string>{"2025/26", "2026/27"}));
  EXPECT_EQ(reporting_year_names({"2025-02-01", "2025-04-01"}), (std::vector<std::string>{"2024/25", "2025/26"}));
  EXPECT_EQ(reporting_year_names({"2099-04-01", "2100-04-01"}), (std::vector<std::string>{"2099/00", "2100/01"}));
  EXPECT_EQ(reporting_year_names({"2025-01-01"}), (std::vector<std::string>{"2025"}));
}

}  // namespace
}  // namespace carecast::output
