// money_keys::is_money_key: the keys that say in what money a scenario counts (and keys below
// them, such as one year of the price index), and no other key of the costs section.
#include "models/scenario/money_keys.hpp"

#include <gtest/gtest.h>

namespace carecast::models {
namespace {

TEST(MoneyKeys, AreTheCurrencyPriceYearPriceIndexAndDiscountRate) {
  for (const char* key : {"costs.currency", "costs.price_year", "costs.price_index", "costs.price_index.2027",
                          "costs.price_growth_per_year", "costs.discount_rate"})
    EXPECT_TRUE(money_keys::is_money_key(key)) << key;
  for (const char* key : {"costs", "costs.per_day.foster", "costs.one_off.entry", "costs.discount_rate_x",
                          "interventions.x.cost.per_participant", "simulation.start"})
    EXPECT_FALSE(money_keys::is_money_key(key)) << key;
}

}  // namespace
}  // namespace carecast::models
