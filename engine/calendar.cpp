#include "engine/calendar.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace carecast::engine {

namespace {

std::optional<int> parse_digits(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = parse_digits(text.substr(0, 4));
  auto month = parse_digits(text.substr(5, 2));
  auto day = parse_digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
            std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_iso_date(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

std::string format_month_day(std::chrono::month_day month_day) {
  char text[8];
  std::snprintf(text, sizeof text, "%02u-%02u", static_cast<unsigned>(month_day.month()),
                static_cast<unsigned>(month_day.day()));
  return text;
}

Date add_months(const Date& date, int months) {
  Date shifted = date.year() / date.month() / std::chrono::day{1};
  shifted += std::chrono::months{months};
  auto last = (shifted.year() / shifted.month() / std::chrono::last).day();
  return shifted.year() / shifted.month() / std::min(date.day(), last);
}

Calendar::Calendar(Date origin) : origin_(origin) {}

double Calendar::offset_of(const Date& date) const {
  return static_cast<double>((std::chrono::sys_days{date} - std::chrono::sys_days{origin_}).count());
}

Date Calendar::date_at(double offset) const {
  auto whole = static_cast<long>(std::floor(offset));
  return Date{std::chrono::sys_days{origin_} + std::chrono::days{whole}};
}

int Calendar::year_at(double offset) const { return static_cast<int>(date_at(offset).year()); }

double Calendar::start_of_year(int year) const {
  return offset_of(std::chrono::year{year} / std::chrono::January / 1);
}

}  // namespace carecast::engine
