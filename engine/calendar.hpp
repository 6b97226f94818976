#pragma once
// Calendar arithmetic: model time is a real number of days since the scenario's start date.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace carecast::engine {

using Date = std::chrono::year_month_day;

inline constexpr double days_per_year = 365.25;

/// Parses YYYY-MM-DD; returns nothing unless the text is exactly one valid date.
std::optional<Date> parse_iso_date(std::string_view text);

std::string format_iso_date(const Date& date);

/// "04-01": a month and day as MM-DD.
std::string format_month_day(std::chrono::month_day month_day);

/// Adds whole months, clamping the day to the month's last day (31 Jan + 1 month = 28/29 Feb).
Date add_months(const Date& date, int months);

/// Maps between calendar dates and day offsets from an origin date.
class Calendar {
 public:
  explicit Calendar(Date origin);

  Date origin() const { return origin_; }
  /// Whole days from the origin to `date` (negative before the origin).
  double offset_of(const Date& date) const;
  /// The date containing the given day offset.
  Date date_at(double offset) const;
  int year_at(double offset) const;
  double start_of_year(int year) const;

 private:
  Date origin_;
};

}  // namespace carecast::engine
