#include "cli/seed_validator.hpp"

#include <optional>
#include <string>

#include "models/config/config_value.hpp"

namespace carecast::cli {

CLI::Validator seed_validator() {
  auto check = [](std::string& text) -> std::string {
    std::optional<std::uint64_t> value = models::parse_unsigned_decimal(text);
    if (!value) return std::string(models::unsigned_decimal_expected) + ", found '" + text + "'";
    text = std::to_string(*value);
    return {};
  };
  return CLI::Validator(check, "NONNEGATIVE", "seed");
}

}  // namespace carecast::cli
