#include "models/scenario/cost_doubts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>

#include "models/scenario/cost_units.hpp"

namespace carecast::models {

namespace {

/// Where `costs.<unit>.<state>` is written, and under which unit, if anywhere.
std::optional<std::pair<ConfigValue, std::string>> amount_written(const ConfigMap& costs, const std::string& state) {
  for (const CostUnit& unit : cost_units) {
    auto section = costs.optional(unit.key);
    if (!section || !section->is_map()) continue;
    if (auto amount = section->map().optional(state); amount && !amount->is_null())
      return std::pair{*amount, std::string(unit.key)};
  }
  return std::nullopt;
}

double median_of_others(const std::vector<double>& per_day, std::size_t state) {
  std::vector<double> others;
  for (std::size_t s = 0; s < per_day.size(); ++s)
    if (s != state && per_day[s] > 0.0) others.push_back(per_day[s]);
  if (others.size() < 2) return 0.0;
  std::sort(others.begin(), others.end());
  std::size_t half = others.size() / 2;
  return others.size() % 2 == 1 ? others[half] : 0.5 * (others[half - 1] + others[half]);
}

std::string unit_hint(const std::string& unit, bool too_high) {
  if (too_high && unit == "per_day") return "; was a yearly amount given under per_day?";
  if (!too_high && unit == "per_year") return "; was a daily amount given under per_year?";
  return "; check the amount and its unit";
}

void doubt_daily_costs(const ConfigMap& costs, const Scenario& scenario, std::vector<InputError>& doubts) {
  const std::vector<double>& per_day = scenario.costs.per_day;
  for (std::size_t s = 0; s < per_day.size(); ++s) {
    double median = median_of_others(per_day, s);
    if (per_day[s] <= 0.0 || median <= 0.0) continue;
    bool too_high = per_day[s] > cost_ratio_doubted * median;
    if (!too_high && per_day[s] * cost_ratio_doubted >= median) continue;
    auto written = amount_written(costs, scenario.states[s].name);
    if (!written) continue;
    const auto& [amount, unit] = *written;
    doubts.emplace_back(amount.where(), amount.path(),
                        fmt::format("'{}' costs {:.2f} a day ({:.0f} a year), {:.0f} times {} the median of the other "
                                    "states' daily costs ({:.2f}){}",
                                    scenario.states[s].name, per_day[s], per_day[s] * 365.25,
                                    too_high ? per_day[s] / median : median / per_day[s],
                                    too_high ? "more than" : "less than", median, unit_hint(unit, too_high)));
  }
}

void doubt_price_index(const ConfigMap& costs, const Scenario& scenario, std::vector<InputError>& doubts) {
  auto table = costs.optional("price_index");
  if (!table || !table->is_map()) return;
  const std::map<int, double>& index = scenario.costs.price_index;
  for (auto it = std::next(index.begin(), index.empty() ? 0 : 1); it != index.end(); ++it) {
    auto before = std::prev(it);
    if (it->second >= before->second) continue;
    auto written = table->map().optional(std::to_string(it->first));
    const ConfigValue& where = written ? *written : *table;
    doubts.emplace_back(where.where(), where.path(),
                        fmt::format("the price index falls from {:g} in {} to {:g} in {}; price_index holds price "
                                    "levels (e.g. 100, 102, 104.5), not yearly changes (for a constant change a year, "
                                    "give price_growth_per_year)",
                                    before->second, before->first, it->second, it->first));
    return;  // one is enough: the rest would repeat it
  }
}

}  // namespace

std::vector<InputError> doubts_about_costs(const ConfigValue& value, const Scenario& scenario) {
  std::vector<InputError> doubts;
  ConfigMap costs = value.map();
  doubt_daily_costs(costs, scenario, doubts);
  doubt_price_index(costs, scenario, doubts);
  return doubts;
}

}  // namespace carecast::models
