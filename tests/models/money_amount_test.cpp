// read_money_amount: a sum of money, refusing the Danish and German thousands separator (a point
// between groups of three digits) that YAML would read as a decimal point, and nothing else.
#include <gtest/gtest.h>

#include <string>

#include "models/config/config_loader.hpp"
#include "models/config/config_value.hpp"
#include "models/scenario/scenario_sections.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::input_error_of;

double amount_of(const std::string& text) {
  ConfigNode root = parse_yaml_text("amount: " + text + "\n", "money.yaml");
  return read_money_amount(ConfigMap(root, "").required("amount"));
}

std::string problem_of(const std::string& text) {
  auto error = input_error_of([&] { amount_of(text); });
  return error ? error->problem() : "(accepted)";
}

TEST(MoneyAmount, ReadsPlainAmountsAndDecimalsThatAreNotGroupsOfThousands) {
  EXPECT_EQ(amount_of("470000"), 470000.0);
  EXPECT_EQ(amount_of("12.5"), 12.5);
  EXPECT_EQ(amount_of("0.500"), 0.5);    // a leading 0 is no thousands group
  EXPECT_EQ(amount_of("1234.567"), 1234.567);  // four digits before the point: no group either
  EXPECT_EQ(amount_of("0"), 0.0);
}

TEST(MoneyAmount, RefusesOneGroupOfThousandsNamingBothReadings) {
  EXPECT_EQ(problem_of("470.000"),
            "'470.000' would be read as 470, since a point in YAML is a decimal point; for 470000 write it without "
            "a thousands separator, and for 470 write 470");
}

TEST(MoneyAmount, RefusesSeveralGroupsOfThousandsWithTheNumberToWrite) {
  EXPECT_EQ(problem_of("1.250.000"),
            "'1.250.000' groups thousands with points, which YAML does not read as a number; write 1250000");
}

TEST(MoneyAmount, RefusesANegativeAmount) {
  EXPECT_NE(problem_of("-5").find("-5"), std::string::npos);
}

}  // namespace
}  // namespace carecast::models
