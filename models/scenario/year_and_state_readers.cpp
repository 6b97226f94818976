#include <fmt/format.h>

#include <charconv>

#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

int year_key(const std::string& key, const ConfigValue& where) {
  int year = 0;
  auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), year);
  if (error != std::errc{} || end != key.data() + key.size() || year < 1900 || year > 2200)
    where.fail(fmt::format("expected a calendar year (1900-2200) as the key, found '{}'", key));
  return year;
}

double checked_amount(const ConfigValue& value, double floor_exclusive) {
  double x = value.number();
  if (!(x > floor_exclusive)) value.fail(fmt::format("expected a number above {:g}, found {:g}", floor_exclusive, x));
  return x;
}

}  // namespace

YearTable read_year_table(const ConfigValue& value, double floor_exclusive) {
  if (!value.is_map()) return YearTable(checked_amount(value, floor_exclusive));
  std::map<int, double> values;
  for (const auto& [key, amount] : value.map().entries())
    values[year_key(key, amount)] = checked_amount(amount, floor_exclusive);
  if (values.empty()) value.fail("expected a number, or a map from calendar years to numbers");
  return YearTable(std::move(values));
}

std::vector<double> read_state_amounts(const ConfigValue& value, const Scenario& scenario, double otherwise) {
  std::vector<double> amounts(scenario.states.size(), otherwise);
  for (const auto& [name, amount] : value.map().entries())
    amounts[static_cast<std::size_t>(resolve_state_name(name, amount, scenario))] = amount.non_negative();
  return amounts;
}

}  // namespace carecast::models
