#include "output/fixed_decimals.hpp"

#include <fmt/format.h>

namespace carecast::output {

std::string fixed_decimals(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  bool rounded_zero = text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos;
  return rounded_zero ? text.substr(1) : text;
}

}  // namespace carecast::output
