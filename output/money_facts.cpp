#include "output/money_facts.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cmath>

namespace carecast::output {

namespace {

std::string scalar_or(const YAML::Node& map, const char* key, const std::string& fallback) {
  YAML::Node value = map[key];
  return value && value.IsScalar() ? value.Scalar() : fallback;
}

/// "0.035" -> 3.5; anything that is not a number -> 0.
double percent_or_zero(const std::string& fraction) {
  try {
    return 100.0 * std::stod(fraction);
  } catch (const std::exception&) {
    return 0.0;
  }
}

std::string prices_of(const YAML::Node& costs) {
  if (costs["price_index"] && costs["price_index"].IsMap()) return "following costs.price_index";
  double rate = percent_or_zero(scalar_or(costs, "price_growth_per_year", "0"));
  if (rate == 0.0) return "held constant";
  return fmt::format("{} {:g} % a year", rate > 0.0 ? "rising" : "falling", std::abs(rate));
}

}  // namespace

MoneyFacts money_facts(const models::Provenance& provenance, const std::string& start_date) {
  MoneyFacts facts;
  try {
    YAML::Node costs = YAML::Load(provenance.scenario_text)["costs"];
    if (!costs || !costs.IsMap()) return facts;
    facts.has_costs = true;
    facts.currency = scalar_or(costs, "currency", "DKK");
    facts.price_year = scalar_or(costs, "price_year", start_date.substr(0, 4));
    facts.prices = prices_of(costs);
    facts.discount_rate = scalar_or(costs, "discount_rate", "0");
  } catch (const YAML::Exception&) {
    return MoneyFacts{};
  }
  return facts;
}

std::string describe_money(const MoneyFacts& money) {
  if (!money.has_costs) return "millions (money at face value: the scenario has no costs section)";
  return fmt::format("millions of {} (nominal: {} prices {}; discounted to the start date at {:g} % a year)",
                     money.currency, money.price_year, money.prices, percent_or_zero(money.discount_rate));
}

}  // namespace carecast::output
