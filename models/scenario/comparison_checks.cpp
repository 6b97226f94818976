#include "models/scenario/comparison_checks.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "models/scenario/money_keys.hpp"

namespace carecast::models {

namespace {

constexpr char horizon_reason[] = "a comparison needs the same start date, horizon (years or end), grid and reporting years as the base scenario";
constexpr char states_reason[] =
    "a comparison needs the same states that are not exits, in the same order, as the base scenario";
constexpr char money_reason[] =
    "a comparison subtracts the base's money from each alternative's, so every scenario must count it in the "
    "same money: the base's costs section (or none), currency, price year, price index, discount rate and "
    "whether caseworkers are costed (to see the effect of another discount rate or price year, compare every "
    "scenario at that setting)";
constexpr char uncertainty_reason[] =
    "a comparison pairs each replicate with the base's; with parameter uncertainty in one scenario only, the "
    "differences would be mostly the drawn rates', not the policy's";

/// One key in which an alternative differs from the base, with each side's value as text.
struct Difference {
  std::string key_path;       // at the alternative
  std::string value;          // the alternative's
  std::string base_key_path;  // where the base gives its value (another key for the price index)
  std::string base_value;
};

/// "costs.price_index.2027" → "costs.price_index"; "a[2]" → "a"; "costs" → "".
std::string enclosing_key(const std::string& key_path) {
  std::size_t cut = key_path.find_last_of(".[");
  return cut == std::string::npos ? std::string() : key_path.substr(0, cut);
}

/// Where `scenario` writes `key_path`, or else the nearest enclosing key it writes, or else its file.
SourceLocation location_of(const Scenario& scenario, const std::string& key_path) {
  for (std::string path = key_path; !path.empty(); path = enclosing_key(path))
    if (auto where = scenario.written_at.find(path)) return *where;
  return SourceLocation{scenario.path, 0, 0};
}

/// " (not written: the default)" if `scenario` does not write `key_path`.
std::string default_note(const Scenario& scenario, const std::string& key_path) {
  return scenario.written_at.has(key_path) ? "" : " (the default: not written)";
}

bool same_file(const std::string& a, const std::string& b) {
  return std::filesystem::path(a).lexically_normal() == std::filesystem::path(b).lexically_normal();
}

/// "0.035 in the base scenario 'baseline.yaml' (at baseline.yaml:40:18)".
std::string base_side(const Scenario& base, const Difference& d) {
  auto where = base.written_at.find(d.base_key_path);
  std::string place = where ? fmt::format(", at {}", describe(*where)) : " (the default: not written)";
  std::string key = d.base_key_path == d.key_path ? "" : fmt::format(" ('{}')", d.base_key_path);
  return fmt::format("{} in the base scenario '{}'{}{}", d.base_value, base.path, key, place);
}

[[noreturn]] void refuse(const Scenario& base, const Scenario& alternative, const Difference& d,
                         const char* reason) {
  SourceLocation where = location_of(alternative, d.key_path);
  std::string scenario = same_file(where.file, alternative.path)
                             ? std::string()
                             : fmt::format(" in the scenario '{}'", alternative.path);
  throw InputError(where, d.key_path,
                   fmt::format("{}{} here{}, but {}; {}", d.value, default_note(alternative, d.key_path), scenario,
                               base_side(base, d), reason));
}

/// Refuses the alternative if its value of `key_path`, as text, is not the base's.
void require_same(const Scenario& base, const Scenario& alternative, const std::string& key_path,
                  const std::string& value, const std::string& base_value, const char* reason) {
  if (value != base_value) refuse(base, alternative, {key_path, value, key_path, base_value}, reason);
}

void check_horizon(const Scenario& base, const Scenario& alternative) {
  const SimulationSpec& a = alternative.simulation;
  const SimulationSpec& b = base.simulation;
  require_same(base, alternative, "simulation.start", engine::format_iso_date(a.start),
               engine::format_iso_date(b.start), horizon_reason);
  auto span = [](const SimulationSpec& s) {
    std::string end = engine::format_iso_date(horizon_date(s));
    return s.span_key == "end" ? "ending on " + end : fmt::format("{} years (to {})", s.span.count() / 12, end);
  };
  if (horizon_date(a) != horizon_date(b))
    refuse(base, alternative, {"simulation." + a.span_key, span(a), "simulation." + b.span_key, span(b)},
           horizon_reason);
  require_same(base, alternative, "simulation.grid", engine::grid_step_name(a.grid),
               engine::grid_step_name(b.grid), horizon_reason);
  auto month_day = [](std::chrono::month_day md) { return "years beginning on " + engine::format_month_day(md); };
  require_same(base, alternative, "simulation.year_begins", month_day(a.year_begins), month_day(b.year_begins),
               horizon_reason);
}

/// The names of the states children are followed in (not exits), in declared order.
std::vector<std::string> followed_states(const Scenario& s) {
  std::vector<std::string> names;
  for (const StateSpec& state : s.states)
    if (state.kind != StateKind::exit) names.push_back(state.name);
  return names;
}

void check_states(const Scenario& base, const Scenario& alternative) {
  std::vector<std::string> names = followed_states(alternative), base_names = followed_states(base);
  if (names != base_names)
    refuse(base, alternative,
           {"states", fmt::format("the states that are not exits {}", fmt::join(names, ", ")), "states",
            fmt::format("{}", fmt::join(base_names, ", "))},
           states_reason);
}

/// The price level of each reporting year over the price year's, as MoneyYears applies it.
std::vector<double> relative_prices(const Scenario& s) {
  std::vector<double> ratios;
  for (int year : reporting_calendar_years(s.simulation))
    ratios.push_back(s.costs.price_index.at(year) / s.costs.price_index.at(s.costs.price_year));
  return ratios;
}

/// The key a scenario gives its price index by: price_index, price_growth_per_year, or neither
/// (constant prices, named by price_growth_per_year).
std::string price_index_key(const Scenario& s) {
  return s.written_at.has(money_keys::price_index) ? money_keys::price_index : money_keys::price_growth;
}

bool same_ratio(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)); }

void check_price_index(const Scenario& base, const Scenario& alternative) {
  std::vector<double> ratios = relative_prices(alternative), base_ratios = relative_prices(base);
  for (std::size_t k = 0; k < ratios.size(); ++k) {
    if (same_ratio(ratios[k], base_ratios[k])) continue;
    int year = reporting_calendar_years(alternative.simulation)[k];
    auto level = [&](double ratio) {
      return fmt::format("prices of {} at {:.6g} times those of the price year {}", year, ratio,
                         alternative.costs.price_year);
    };
    refuse(base, alternative,
           {price_index_key(alternative), level(ratios[k]), price_index_key(base), level(base_ratios[k])},
           money_reason);
  }
}

void check_money(const Scenario& base, const Scenario& alternative) {
  auto section = [](const Scenario& s) { return s.costs.enabled ? "a costs section" : "no costs section"; };
  require_same(base, alternative, money_keys::costs, section(alternative), section(base), money_reason);
  if (!base.costs.enabled) return;  // neither has one: no price index or discount rate applies
  const CostSpec& a = alternative.costs;
  const CostSpec& b = base.costs;
  require_same(base, alternative, money_keys::currency, fmt::format("'{}'", a.currency),
               fmt::format("'{}'", b.currency), money_reason);
  require_same(base, alternative, money_keys::price_year, std::to_string(a.price_year), std::to_string(b.price_year),
               money_reason);
  check_price_index(base, alternative);
  if (a.discount_rate != b.discount_rate)
    refuse(base, alternative,
           {money_keys::discount_rate, fmt::format("{}", a.discount_rate), money_keys::discount_rate,
            fmt::format("{}", b.discount_rate)},
           money_reason);
  auto staff = [](const Scenario& s) { return std::string(costs_caseworkers(s) ? "caseworkers costed" : "caseworkers not costed"); };
  require_same(base, alternative, money_keys::caseworkers, staff(alternative), staff(base), money_reason);
}

void check_parameter_uncertainty(const Scenario& base, const Scenario& alternative) {
  auto drawn = [](const Scenario& s) {
    return std::string(s.simulation.parameter_uncertainty ? "parameter uncertainty on" : "parameter uncertainty off");
  };
  require_same(base, alternative, "simulation.parameter_uncertainty", drawn(alternative), drawn(base),
               uncertainty_reason);
}

}  // namespace

void check_comparable(const Scenario& base, const Scenario& alternative) {
  check_horizon(base, alternative);
  check_parameter_uncertainty(base, alternative);
  check_states(base, alternative);
  check_money(base, alternative);
}

}  // namespace carecast::models
