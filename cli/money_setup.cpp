#include "cli/money_setup.hpp"

#include <fmt/format.h>

#include <cmath>

#include "engine/calendar.hpp"

namespace carecast::cli {

namespace {

constexpr const char* one_off_names[models::one_off_kinds] = {"entry", "planned move", "breakdown", "exit"};

std::string state_costs(const models::Scenario& scenario) {
  std::string text = fmt::format("  {:<28} {:>14} {:>16}\n", "care costs in price-year money", "a day", "a year");
  for (std::size_t s = 0; s < scenario.states.size(); ++s) {
    double per_day = scenario.costs.per_day[s];
    if (per_day > 0.0)
      text += fmt::format("  {:<28} {:>14.2f} {:>16.0f}\n", scenario.states[s].name, per_day, per_day * 365.25);
  }
  return text;
}

std::string one_off_costs(const models::CostSpec& costs) {
  std::string text;
  for (std::size_t kind = 0; kind < models::one_off_kinds; ++kind)
    if (costs.one_off[kind] > 0.0)
      text += fmt::format("{}{} {:.0f}", text.empty() ? "" : ", ", one_off_names[kind], costs.one_off[kind]);
  return text.empty() ? "" : "  one-off costs: " + text + "\n";
}

/// "2025 1.000, 2026 1.020, …": the index of the year each reporting year begins in, over the
/// price year's.
std::string price_factors(const models::Scenario& scenario) {
  const models::CostSpec& costs = scenario.costs;
  double base = costs.price_index.at(costs.price_year);
  std::string text;
  for (int year : models::reporting_calendar_years(scenario.simulation))
    text += fmt::format("{}{} {:.3f}", text.empty() ? "" : ", ", year, costs.price_index.at(year) / base);
  return "  price factor of each reporting year (its index over " + std::to_string(costs.price_year) + "'s): " +
         text + "\n";
}

}  // namespace

std::string describe_money_setup(const models::Scenario& scenario) {
  const models::CostSpec& costs = scenario.costs;
  if (!costs.enabled) return "";
  std::string discount = costs.discount_rate == 0.0
                             ? "not discounted"
                             : fmt::format("discounted at {:g} % a year to {}", 100.0 * costs.discount_rate,
                                           engine::format_iso_date(scenario.simulation.start));
  std::string staff = costs.caseworker_per_year > 0.0
                          ? fmt::format("  caseworkers: {:.0f} a year for each FTE the caseload norm needs\n",
                                        costs.caseworker_per_year)
                          : "";
  return fmt::format("Money: {} in {} prices; {}.\n", costs.currency, costs.price_year, discount) +
         state_costs(scenario) + one_off_costs(costs) + staff + price_factors(scenario);
}

}  // namespace carecast::cli
