#include "cli/seed_validator.hpp"

#include <charconv>
#include <cstdint>
#include <string>
#include <system_error>

namespace carecast::cli {

CLI::Validator seed_validator() {
  auto check = [](std::string& text) -> std::string {
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size())
      return "expected a whole number from 0 to 18446744073709551615, found '" + text + "'";
    text = std::to_string(value);
    return {};
  };
  return CLI::Validator(check, "NONNEGATIVE", "seed");
}

}  // namespace carecast::cli
