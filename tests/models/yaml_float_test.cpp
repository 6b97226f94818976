// yaml_float: numbers that YAML 1.1 readers (PyYAML) read as numbers too. Their float pattern
// needs a decimal point in the mantissa, so an exponent form without one ("3e+06") would be read
// as a string; and the value must survive the rounding to 6 significant digits.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <limits>
#include <regex>
#include <string>

#include "models/calibration/yaml_float.hpp"

namespace carecast::models::calibration {
namespace {

/// YAML 1.1's float and int patterns (yaml.org/type/float.html, int.html), decimal forms.
bool yaml11_number(const std::string& text) {
  static const std::regex float11(R"([-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))");
  static const std::regex int11(R"([-+]?(0|[1-9][0-9_]*))");
  return std::regex_match(text, float11) || std::regex_match(text, int11);
}

TEST(YamlFloat, LargeAndSmallNumbersHaveAPointInTheirMantissa) {
  EXPECT_EQ(yaml_float(3e6, 6), "3.0e+06");
  EXPECT_EQ(yaml_float(1.3194e6, 6), "1.3194e+06");
  EXPECT_EQ(yaml_float(1e-5, 6), "1.0e-05");
  EXPECT_EQ(yaml_float(-2.5e-7, 6), "-2.5e-07");
  EXPECT_EQ(yaml_float(1e100, 6), "1.0e+100");
}

TEST(YamlFloat, OrdinaryNumbersAreWrittenAsBefore) {
  EXPECT_EQ(yaml_float(0.171680123, 6), "0.17168");
  EXPECT_EQ(yaml_float(119945.3, 6), "119945");
  EXPECT_EQ(yaml_float(0.0, 6), "0");
  EXPECT_EQ(yaml_float(12.0, 6), "12");
  EXPECT_EQ(yaml_float(std::numeric_limits<double>::infinity(), 6), ".inf");
  EXPECT_EQ(yaml_float(-std::numeric_limits<double>::infinity(), 6), "-.inf");
}

TEST(YamlFloat, EveryFormIsAYaml11NumberAndReadsBackWithinTheRounding) {
  for (double value : {3e6, 2999999.7, 1e-4, 9.99999e-5, 1e-5, 6.02e23, 0.5, 42.0, 123456789.0, 1.5e-300}) {
    for (double signed_value : {value, -value}) {
      std::string text = yaml_float(signed_value, 6);
      EXPECT_TRUE(yaml11_number(text)) << text;
      double back = YAML::Load(text).as<double>();
      EXPECT_NEAR(back, signed_value, 5e-6 * std::abs(signed_value)) << text;
    }
  }
}

}  // namespace
}  // namespace carecast::models::calibration
