#include "cli/whole_number_validator.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>

#include "models/config/config_value.hpp"

namespace carecast::cli {

CLI::Validator whole_number_validator(std::uint64_t lowest, std::uint64_t highest) {
  auto check = [lowest, highest](std::string& text) -> std::string {
    std::optional<std::uint64_t> value = models::parse_unsigned_decimal(text);
    if (value && *value >= lowest && *value <= highest) {
      text = std::to_string(*value);  // no leading zeros, which CLI11 would read as octal
      return {};
    }
    return fmt::format("expected a whole number from {} to {}, found '{}'", lowest, highest, text);
  };
  return CLI::Validator(check, fmt::format("INT in [{} - {}]", lowest, highest), "whole number");
}

}  // namespace carecast::cli
