#include "cli/non_negative_number_validator.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace carecast::cli {

CLI::Validator non_negative_number_validator(const std::string& what) {
  auto check = [what](std::string& text) -> std::string {
    double value = 0.0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error == std::errc{} && end == text.data() + text.size() && std::isfinite(value) && value >= 0.0) return {};
    return fmt::format("expected {}, 0 or more, found '{}'", what, text);
  };
  return CLI::Validator(check, "NONNEGATIVE", "non-negative number");
}

}  // namespace carecast::cli
