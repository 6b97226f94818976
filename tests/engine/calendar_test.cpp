// Calendar arithmetic: ISO dates, month arithmetic and day offsets across leap years.
#include "engine/calendar.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace carecast::engine {
namespace {

using namespace std::chrono;

Date ymd(int y, unsigned m, unsigned d) { return year{y} / month{m} / day{d}; }

TEST(ParseIsoDate, ParsesValidDates) {
  auto date = parse_iso_date("2024-03-15");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(*date, ymd(2024, 3, 15));
  EXPECT_EQ(parse_iso_date("1999-12-31"), ymd(1999, 12, 31));
  EXPECT_EQ(parse_iso_date("2023-01-01"), ymd(2023, 1, 1));
  EXPECT_EQ(parse_iso_date("0987-05-06"), ymd(987, 5, 6));
}

TEST(ParseIsoDate, AcceptsLeapDaysOnlyInLeapYears) {
  EXPECT_EQ(parse_iso_date("2024-02-29"), ymd(2024, 2, 29));
  EXPECT_EQ(parse_iso_date("2000-02-29"), ymd(2000, 2, 29));  // divisible by 400
  EXPECT_FALSE(parse_iso_date("2023-02-29").has_value());
  EXPECT_FALSE(parse_iso_date("1900-02-29").has_value());  // divisible by 100, not by 400
  EXPECT_FALSE(parse_iso_date("2100-02-29").has_value());
}

TEST(ParseIsoDate, RejectsImpossibleDates) {
  for (const char* text : {"2023-04-31", "2023-06-31", "2023-01-32", "2023-01-00", "2023-00-10",
                           "2023-13-01", "2023-99-99"})
    EXPECT_FALSE(parse_iso_date(text).has_value()) << text;
}

TEST(ParseIsoDate, RejectsWrongFormats) {
  for (const char* text :
       {"", "2023", "2023-1-01", "2023-01-1", "23-01-01", "2023/01/01", "20230101", "2023-01-01 ",
        " 2023-01-01", "2023-01-01T00:00", "2023-0a-01", "abcd-01-01", "2023-+1-01", "2023--1-01",
        "2023-01--1", "2023-01-+1", "2023_01_01", "01-01-2023", "2023-01-1x"})
    EXPECT_FALSE(parse_iso_date(text).has_value()) << '"' << text << '"';
}

// YYYY means four digits: a leading minus sign is not part of the format.
// (std::from_chars alone accepts the sign, and would read "-001-01-01" as year -1.)
TEST(ParseIsoDate, RejectsSignedYears) {
  for (const char* text : {"-001-01-01", "-999-12-31", "-000-06-15"})
    EXPECT_FALSE(parse_iso_date(text).has_value()) << text;
}

TEST(FormatIsoDate, PadsAndRoundTrips) {
  EXPECT_EQ(format_iso_date(ymd(987, 5, 6)), "0987-05-06");
  EXPECT_EQ(format_iso_date(ymd(2024, 2, 29)), "2024-02-29");
  for (const char* text : {"2024-02-29", "1999-12-31", "2023-01-01", "2030-10-09"})
    EXPECT_EQ(format_iso_date(*parse_iso_date(text)), text);
}

TEST(AddMonths, KeepsTheDayWhenItExists) {
  EXPECT_EQ(add_months(ymd(2024, 1, 15), 1), ymd(2024, 2, 15));
  EXPECT_EQ(add_months(ymd(2024, 1, 15), 12), ymd(2025, 1, 15));
  EXPECT_EQ(add_months(ymd(2024, 11, 30), 3), ymd(2025, 2, 28));
  EXPECT_EQ(add_months(ymd(2024, 5, 31), 0), ymd(2024, 5, 31));
  EXPECT_EQ(add_months(ymd(2024, 5, 10), -5), ymd(2023, 12, 10));
}

TEST(AddMonths, ClampsToTheLastDayOfTheMonth) {
  EXPECT_EQ(add_months(ymd(2023, 1, 31), 1), ymd(2023, 2, 28));
  EXPECT_EQ(add_months(ymd(2024, 1, 31), 1), ymd(2024, 2, 29));
  EXPECT_EQ(add_months(ymd(2024, 3, 31), 1), ymd(2024, 4, 30));
  EXPECT_EQ(add_months(ymd(2023, 12, 31), 2), ymd(2024, 2, 29));
  EXPECT_EQ(add_months(ymd(2024, 2, 29), 12), ymd(2025, 2, 28));
  EXPECT_EQ(add_months(ymd(2024, 2, 29), 48), ymd(2028, 2, 29));
  EXPECT_EQ(add_months(ymd(2024, 3, 31), -1), ymd(2024, 2, 29));
  EXPECT_EQ(add_months(ymd(2024, 1, 31), -13), ymd(2022, 12, 31));
  EXPECT_EQ(add_months(ymd(2100, 3, 31), -1), ymd(2100, 2, 28));
}

TEST(AddMonths, DoesNotAccumulateClampingWhenAppliedFromTheOrigin) {
  // Each month-end from 31 January, computed from the origin each time.
  Date origin = ymd(2024, 1, 31);
  const unsigned expected_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31};
  for (int k = 0; k <= 12; ++k) {
    Date shifted = add_months(origin, k);
    EXPECT_EQ(static_cast<unsigned>(shifted.day()), expected_days[k]) << k;
    EXPECT_TRUE(shifted.ok());
  }
}

TEST(Calendar, OffsetsCountWholeDaysAcrossLeapYears) {
  Calendar calendar(ymd(2023, 1, 1));
  EXPECT_EQ(calendar.origin(), ymd(2023, 1, 1));
  EXPECT_EQ(calendar.offset_of(ymd(2023, 1, 1)), 0.0);
  EXPECT_EQ(calendar.offset_of(ymd(2022, 12, 31)), -1.0);
  EXPECT_EQ(calendar.offset_of(ymd(2024, 1, 1)), 365.0);
  EXPECT_EQ(calendar.offset_of(ymd(2024, 2, 29)), 365.0 + 59.0);
  EXPECT_EQ(calendar.offset_of(ymd(2024, 3, 1)), 365.0 + 60.0);
  EXPECT_EQ(calendar.offset_of(ymd(2025, 1, 1)), 365.0 + 366.0);
  EXPECT_EQ(calendar.offset_of(ymd(2027, 1, 1)), 4 * 365.0 + 1.0);
  EXPECT_EQ(calendar.offset_of(ymd(2019, 1, 1)), -(3 * 365.0 + 366.0));

  EXPECT_EQ(Calendar(ymd(2024, 2, 28)).offset_of(ymd(2024, 3, 1)), 2.0);
  EXPECT_EQ(Calendar(ymd(2100, 2, 28)).offset_of(ymd(2100, 3, 1)), 1.0);
  EXPECT_EQ(Calendar(ymd(2000, 2, 28)).offset_of(ymd(2000, 3, 1)), 2.0);
}

TEST(Calendar, DateAtIsTheDayContainingTheOffset) {
  Calendar calendar(ymd(2023, 1, 1));
  EXPECT_EQ(calendar.date_at(0.0), ymd(2023, 1, 1));
  EXPECT_EQ(calendar.date_at(0.999), ymd(2023, 1, 1));
  EXPECT_EQ(calendar.date_at(1.0), ymd(2023, 1, 2));
  EXPECT_EQ(calendar.date_at(-0.001), ymd(2022, 12, 31));
  EXPECT_EQ(calendar.date_at(-1.0), ymd(2022, 12, 31));
  EXPECT_EQ(calendar.date_at(-1.5), ymd(2022, 12, 30));
  EXPECT_EQ(calendar.date_at(424.2), ymd(2024, 2, 29));
  EXPECT_EQ(calendar.date_at(425.0), ymd(2024, 3, 1));
}

TEST(Calendar, DateAtAndOffsetOfAreInversesOverSeveralYears) {
  Calendar calendar(ymd(2023, 7, 1));
  sys_days day0 = sys_days{ymd(2023, 7, 1)};
  for (int k = -800; k <= 2000; ++k) {
    Date date{day0 + days{k}};
    ASSERT_EQ(calendar.offset_of(date), static_cast<double>(k));
    ASSERT_EQ(calendar.date_at(static_cast<double>(k)), date);
    ASSERT_EQ(calendar.date_at(k + 0.5), date);
  }
}

TEST(Calendar, YearAtAndStartOfYear) {
  Calendar calendar(ymd(2023, 7, 1));
  // 1 Jan 2023 is 181 days before 1 Jul 2023; 1 Jan 2024 is 184 days after.
  EXPECT_EQ(calendar.start_of_year(2023), -181.0);
  EXPECT_EQ(calendar.start_of_year(2024), 184.0);
  EXPECT_EQ(calendar.start_of_year(2025), 184.0 + 366.0);
  EXPECT_EQ(calendar.start_of_year(2026), 184.0 + 366.0 + 365.0);

  EXPECT_EQ(calendar.year_at(0.0), 2023);
  EXPECT_EQ(calendar.year_at(183.99), 2023);
  EXPECT_EQ(calendar.year_at(184.0), 2024);
  EXPECT_EQ(calendar.year_at(549.99), 2024);
  EXPECT_EQ(calendar.year_at(550.0), 2025);
  EXPECT_EQ(calendar.year_at(-181.0), 2023);
  EXPECT_EQ(calendar.year_at(-181.5), 2022);

  for (int y = 2015; y <= 2035; ++y) {
    EXPECT_EQ(calendar.year_at(calendar.start_of_year(y)), y);
    EXPECT_EQ(calendar.year_at(calendar.start_of_year(y) - 0.5), y - 1);
    double length = calendar.start_of_year(y + 1) - calendar.start_of_year(y);
    bool leap = year{y}.is_leap();
    EXPECT_EQ(length, leap ? 366.0 : 365.0) << y;
  }
}

}  // namespace
}  // namespace carecast::engine
