#pragma once
// How a result counts money, read back from its resolved scenario (the scenario_text attribute),
// for the tables and exports that show money: the currency, the price year, how prices rise,
// and the discount rate. Defaults follow docs/scenario-reference.md (costs).
#include <string>

#include "models/run_result.hpp"

namespace carecast::output {

struct MoneyFacts {
  bool has_costs = false;        // a costs section; without one, interventions' costs at face value
  std::string currency;          // "" without a costs section
  std::string price_year;        // "2025"
  std::string prices;            // "rising 2 % a year", "following costs.price_index", "held constant"
  std::string discount_rate;     // "0.035", as written ("0" without one)
};

/// Throws nothing: a text that is not YAML gives the facts of a result without a costs section.
MoneyFacts money_facts(const models::Provenance& provenance, const std::string& start_date);

/// "millions of DKK (nominal: 2025 prices rising 2 % a year; discounted to the start date at
/// 3.5 % a year)", or "millions (money at face value: the scenario has no costs section)".
std::string describe_money(const MoneyFacts& money);

}  // namespace carecast::output
