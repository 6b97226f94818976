// A sum of money as a scenario writes it. Danish and German spreadsheets group thousands with a
// point, so 470.000 (four hundred and seventy thousand kroner) pasted into YAML would be read as
// 470: a budget off by a factor of a thousand, with nothing said. Such a number is refused.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

/// 1 to 3 digits (not starting with 0), then one or more groups of a point and exactly 3 digits: 470.000, 1.250.000.
bool looks_like_thousands_points(const std::string& text) {
  static const std::regex grouped(R"([1-9]\d{0,2}(\.\d{3})+)");
  return std::regex_match(text, grouped);
}

}  // namespace

double read_money_amount(const ConfigValue& value) {
  if (!value.is_scalar() || !looks_like_thousands_points(value.text())) return value.non_negative();
  const std::string& text = value.text();
  std::string digits = text;
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  if (std::count(text.begin(), text.end(), '.') > 1)
    value.fail(fmt::format("'{}' groups thousands with points, which YAML does not read as a number; write {}",
                           text, digits));
  double read = value.number();
  value.fail(fmt::format("'{}' would be read as {:g}, since a point in YAML is a decimal point; for {} write it "
                         "without a thousands separator, and for {:g} write {:g}",
                         text, read, digits, read, read));
}

}  // namespace carecast::models
