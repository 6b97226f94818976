#include <fmt/format.h>

#include <cmath>

#include "models/scenario/cost_units.hpp"
#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

constexpr const char* one_off_keys[one_off_kinds] = {"entry", "planned_move", "breakdown", "exit"};

std::array<double, one_off_kinds> read_one_off(const ConfigValue& value) {
  ConfigMap map = value.map();
  std::array<double, one_off_kinds> amounts{};
  for (std::size_t kind = 0; kind < one_off_kinds; ++kind)
    if (auto amount = map.optional(one_off_keys[kind])) amounts[kind] = read_money_amount(*amount);
  map.reject_unknown();
  return amounts;
}

/// Daily costs from the cost units (cost_units.hpp); a state under two of them is an error.
std::vector<double> read_daily_costs(const ConfigMap& map, const Scenario& scenario) {
  std::vector<double> per_day(scenario.states.size(), 0.0);
  std::vector<std::string> given_under(scenario.states.size());
  auto add = [&](const char* key, double divisor) {
    auto section = map.optional(key);
    if (!section) return;
    for (const auto& [name, amount] : section->map().entries()) {
      auto state = static_cast<std::size_t>(resolve_state_name(name, amount, scenario));
      if (amount.is_null()) continue;  // `foster: ~` drops a cost a base file gives, to give it in another unit
      if (!given_under[state].empty())
        amount.fail("the cost of '" + name + "' is given both " + given_under[state] + " and " + key + "; give one");
      given_under[state] = key;
      per_day[state] = read_money_amount(amount) / divisor;
    }
  };
  for (const CostUnit& unit : cost_units) add(unit.key, unit.days);
  return per_day;
}

/// The calendar year in which the last reporting year begins.
int last_simulated_year(const Scenario& scenario) { return reporting_calendar_years(scenario.simulation).back(); }

std::map<int, double> read_price_index(const ConfigMap& map, const Scenario& scenario, int price_year) {
  auto table = map.optional("price_index");
  auto growth = map.optional("price_growth_per_year");
  if (table && growth)
    map.fail_together({"price_index", "price_growth_per_year"}, "give price_index or price_growth_per_year, not both");
  int last = last_simulated_year(scenario);
  // The years priced: from the price year (or the start year, if the prices are a later year's) on.
  int first = std::min(price_year, static_cast<int>(scenario.simulation.start.year()));
  std::map<int, double> index;
  if (table) {
    YearTable given = read_year_table(*table, 0.0);
    for (int year = first; year <= last; ++year) {
      if (!given.values().count(year))
        table->fail(fmt::format("expected an index for every calendar year from {} to {} (the price year {} and "
                                "each year in which a reporting year begins, the last on {}); {} is missing",
                                first, last, price_year,
                                engine::format_iso_date(reporting_year_starts(scenario.simulation).back()), year));
      index[year] = given.values().at(year);
    }
    return index;
  }
  double rate = growth ? growth->number() : 0.0;
  if (growth && (rate < -0.2 || rate > 0.2))
    growth->fail(fmt::format("expected a yearly change of prices from -0.2 to 0.2, a fraction (0.02 for 2 %), found "
                             "{:g}, {:g} % a year{}",
                             rate, 100.0 * rate, rate >= 1.0 ? fmt::format("; for {:g} % write {:g}", rate, rate / 100.0) : ""));
  for (int year = first; year <= last; ++year) {
    index[year] = std::pow(1.0 + rate, year - price_year);
    if (!std::isfinite(index[year]) || index[year] == 0.0)
      map.fail_at_key("price_growth_per_year",
                      fmt::format("the price factor for {} is {:g}: too far from the price year {} for a growth of {:g}",
                                  year, index[year], price_year, rate));
  }
  return index;
}

}  // namespace

CostSpec read_costs(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  CostSpec spec;
  spec.enabled = true;
  if (auto currency = map.optional("currency")) spec.currency = currency->text();
  int start_year = static_cast<int>(scenario.simulation.start.year());
  spec.price_year = start_year;
  if (auto year = map.optional("price_year")) {  // a later year's prices, such as a budget year's, will do
    long given = year->integer(), last = last_simulated_year(scenario);
    if (given < 1900 || given > last)
      year->fail(fmt::format("expected a whole number from 1900 to {} (the calendar year in which the last reporting "
                             "year begins, {}), found '{}'",
                             last, engine::format_iso_date(reporting_year_starts(scenario.simulation).back()), given));
    spec.price_year = static_cast<int>(given);
  }
  spec.per_day = read_daily_costs(map, scenario);
  if (auto one_off = map.optional("one_off")) spec.one_off = read_one_off(*one_off);
  spec.price_index = read_price_index(map, scenario, spec.price_year);
  if (auto staff = map.optional("caseworker_per_year")) spec.caseworker_per_year = read_money_amount(*staff);
  if (auto rate = map.optional("discount_rate")) {
    spec.discount_rate = rate->number();
    double r = spec.discount_rate;
    if (r < -0.1 || r > 0.2)
      rate->fail(fmt::format("expected a yearly rate from -0.1 to 0.2, a fraction (0.035 for 3.5 %), found {:g}, "
                             "{:g} % a year{}",
                             r, 100.0 * r, r >= 1.0 ? fmt::format("; for {:g} % write {:g}", r, r / 100.0) : ""));
  }
  map.reject_unknown();
  return spec;
}

}  // namespace carecast::models
