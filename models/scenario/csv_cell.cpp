#include "models/scenario/csv_cell.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>

namespace carecast::models {

namespace {

[[noreturn]] void reject(const CsvCell& cell, const std::string& problem) {
  throw InputError(cell.where(), "", problem);
}

/// The cell's text; an empty cell is an error that says what was `expected` there.
std::string_view nonempty_text(const CsvCell& cell, const char* expected) {
  std::string_view text = cell.text;
  if (text.empty()) reject(cell, fmt::format("{} is empty; expected {}", cell.column, expected));
  return text;
}

bool whole_text_read(std::string_view text, const std::from_chars_result& result) {
  return result.ec == std::errc{} && result.ptr == text.data() + text.size();
}

}  // namespace

long whole_number(const CsvCell& cell) {
  std::string_view text = nonempty_text(cell, "a whole number");
  long value = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec == std::errc::result_out_of_range && result.ptr == text.data() + text.size())
    reject(cell, fmt::format("{} '{}' has too many digits; expected a whole number of at most 18 digits", cell.column, text));
  if (!whole_text_read(text, result))
    reject(cell, fmt::format("{} '{}' is not a whole number; expected digits only, such as 12", cell.column, text));
  return value;
}

long whole_number_in(const CsvCell& cell, long lowest, long highest) {
  long value = whole_number(cell);
  if (value < lowest || value > highest)
    reject(cell, fmt::format("{} {} is outside {}-{}", cell.column, value, lowest, highest));
  return value;
}

double number(const CsvCell& cell) {
  std::string_view text = nonempty_text(cell, "a number");
  double value = 0.0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!whole_text_read(text, result) || !std::isfinite(value))
    reject(cell, fmt::format("{} '{}' is not a number; expected digits with an optional decimal point, such as 30.5",
                             cell.column, text));
  return value;
}

}  // namespace carecast::models
