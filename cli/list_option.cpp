#include "cli/list_option.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <sstream>

#include "models/config/config_value.hpp"

namespace carecast::cli {

namespace {

/// The elements of the option's values, split at commas; an empty one is a ValidationError.
std::vector<std::string> elements_of(const std::vector<std::string>& values, const std::string& option) {
  std::vector<std::string> elements;
  for (const std::string& value : values) {
    std::istringstream in(value + ",");  // the trailing comma ends the last element
    std::size_t position = 0;
    for (std::string element; std::getline(in, element, ',');) {
      ++position;
      if (element.empty())
        throw CLI::ValidationError(option, fmt::format("element {} of '{}' is empty; expected values separated by "
                                                       "single commas, such as 0,1,6,12",
                                                       position, value));
      elements.push_back(element);
    }
  }
  return elements;
}

double number_of(const std::string& text, const std::string& option) {
  double value = 0.0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
    throw CLI::ValidationError(option, fmt::format("expected a number, found '{}'", text));
  return value;
}

int whole_number_of(const std::string& text, const std::string& option) {
  std::optional<std::uint64_t> value = models::parse_unsigned_decimal(text);
  if (!value || *value > static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
    throw CLI::ValidationError(option, fmt::format("expected a whole number, found '{}'", text));
  return static_cast<int>(*value);
}

/// Adds the option; `parse` turns its elements into the bound variable.
CLI::Option* add_list(CLI::App& command, const std::string& name, const std::string& description,
                      const std::string& type, std::function<void(const std::vector<std::string>&)> parse) {
  return command
      .add_option_function<std::vector<std::string>>(
          name, [name, parse](const std::vector<std::string>& values) { parse(elements_of(values, name)); },
          description)
      ->type_name(type);
}

}  // namespace

CLI::Option* add_number_list(CLI::App& command, const std::string& name, std::vector<double>& into,
                             const std::string& description) {
  return add_list(command, name, description, "FLOAT", [&into, name](const std::vector<std::string>& elements) {
    into.clear();
    for (const std::string& e : elements) into.push_back(number_of(e, name));
  });
}

CLI::Option* add_whole_number_list(CLI::App& command, const std::string& name, std::vector<int>& into,
                                   const std::string& description) {
  return add_list(command, name, description, "INT", [&into, name](const std::vector<std::string>& elements) {
    into.clear();
    for (const std::string& e : elements) into.push_back(whole_number_of(e, name));
  });
}

CLI::Option* add_text_list(CLI::App& command, const std::string& name, std::vector<std::string>& into,
                           const std::string& description) {
  return add_list(command, name, description, "TEXT",
                  [&into](const std::vector<std::string>& elements) { into = elements; });
}

}  // namespace carecast::cli
