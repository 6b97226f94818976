// How a result counts money, read back from its resolved scenario text.
#include "output/money_facts.hpp"

#include <gtest/gtest.h>

namespace carecast::output {
namespace {

models::Provenance with_text(const std::string& text) {
  models::Provenance provenance;
  provenance.scenario_text = text;
  return provenance;
}

TEST(MoneyFacts, ReadTheCurrencyPricesAndDiscountRate) {
  MoneyFacts money = money_facts(
      with_text("name: x\ncosts:\n  currency: SEK\n  price_year: 2023\n  price_growth_per_year: 0.02\n"
                "  discount_rate: 0.035\n"),
      "2025-01-01");
  EXPECT_TRUE(money.has_costs);
  EXPECT_EQ(money.currency, "SEK");
  EXPECT_EQ(money.price_year, "2023");
  EXPECT_EQ(money.prices, "rising 2 % a year");
  EXPECT_EQ(describe_money(money),
            "millions of SEK (nominal: 2023 prices rising 2 % a year; discounted to the start date at 3.5 % a year)");
}

TEST(MoneyFacts, DefaultsFollowTheScenarioReference) {
  MoneyFacts money = money_facts(with_text("costs: {per_day: {foster: 100}}\n"), "2026-07-01");
  EXPECT_EQ(money.currency, "DKK");
  EXPECT_EQ(money.price_year, "2026");
  EXPECT_EQ(money.prices, "held constant");
  EXPECT_EQ(money.discount_rate, "0");
  EXPECT_EQ(money_facts(with_text("costs: {price_index: {2026: 100, 2027: 103}}\n"), "2026-01-01").prices,
            "following costs.price_index");
  EXPECT_EQ(money_facts(with_text("costs: {price_growth_per_year: -0.05}\n"), "2026-01-01").prices,
            "falling 5 % a year");
}

TEST(MoneyFacts, WithoutACostsSectionMoneyIsAtFaceValue) {
  for (const char* text : {"name: x\n", "costs: ~\n", "{unclosed: [", ""}) {
    MoneyFacts money = money_facts(with_text(text), "2026-01-01");
    EXPECT_FALSE(money.has_costs) << text;
    EXPECT_EQ(describe_money(money), "millions (money at face value: the scenario has no costs section)") << text;
  }
}

}  // namespace
}  // namespace carecast::output
