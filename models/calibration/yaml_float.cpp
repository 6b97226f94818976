#include "models/calibration/yaml_float.hpp"

#include <fmt/format.h>

#include <cmath>

namespace carecast::models::calibration {

namespace {

/// "3e+06" → "3.0e+06"; a mantissa with a point, or text without an exponent, is kept.
std::string with_point_in_mantissa(std::string text) {
  std::size_t exponent = text.find('e');
  if (exponent == std::string::npos) return text;
  if (text.find('.') > exponent) text.insert(exponent, ".0");
  return text;
}

}  // namespace

std::string yaml_float(double value, int significant_digits) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  return with_point_in_mantissa(fmt::format("{:.{}g}", value, significant_digits));
}

}  // namespace carecast::models::calibration
