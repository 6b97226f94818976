#include "models/config/config_value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <chrono>
#include <cmath>
#include <optional>

#include "models/config/did_you_mean.hpp"

namespace carecast::models {

namespace {

std::optional<double> parse_number(const std::string& text) {
  double value = 0.0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::string kind_name(ConfigNode::Kind kind) {
  switch (kind) {
    case ConfigNode::Kind::null: return "nothing";
    case ConfigNode::Kind::scalar: return "a value";
    case ConfigNode::Kind::sequence: return "a list";
    case ConfigNode::Kind::map: return "a mapping";
  }
  return "something else";
}

/// Why a scalar a person meant as a number is not one, if that can be told: a percentage, or a
/// decimal comma or thousands separator ("" otherwise).
std::string number_hint(const std::string& text) {
  if (!text.empty() && text.back() == '%') {
    std::string number = text.substr(0, text.find_last_not_of(" %") + 1);
    char* end = nullptr;
    double percent = std::strtod(number.c_str(), &end);
    if (!number.empty() && end == number.c_str() + number.size() && std::isfinite(percent))
      return fmt::format("; write a fraction: {:g} for {} %", percent / 100.0, number);
    return "; write a fraction: 0.035 for 3.5 %";
  }
  bool digits_and_separators = !text.empty() && text.find_first_not_of("0123456789,.-+ ") == std::string::npos &&
                               text.find_first_of("0123456789") != std::string::npos;
  if (digits_and_separators && (text.find(',') != std::string::npos || text.find(' ') != std::string::npos))
    return "; write numbers with a '.' for decimals and no thousands separator: 1287.50, 470000";
  return "";
}

/// The year and month of "2026-06-31": a text shaped YYYY-MM-DD, with a valid month, whose day
/// that month does not have.
std::optional<std::chrono::year_month> month_of_impossible_day(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  std::chrono::year_month month{std::chrono::year{std::stoi(text.substr(0, 4))},
                                std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))}};
  unsigned day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
  if (!month.ok() || day == 0 || day <= static_cast<unsigned>((month / std::chrono::last).day())) return std::nullopt;
  return month;
}

}  // namespace

ConfigValue::ConfigValue(const ConfigNode& node, std::string path)
    : node_(&node), path_(std::move(path)) {}

std::string ConfigValue::found() const {
  if (is_scalar()) return "'" + node_->scalar + "'";
  return kind_name(node_->kind);
}

void ConfigValue::fail(const std::string& problem) const { throw InputError(where(), path_, problem); }

std::string ConfigValue::text() const {
  if (!is_scalar()) fail("expected a text value, found " + found());
  return node_->scalar;
}

double ConfigValue::number() const {
  auto value = is_scalar() ? parse_number(node_->scalar) : std::nullopt;
  if (!value) fail("expected a number, found " + found() + (is_scalar() ? number_hint(node_->scalar) : ""));
  return *value;
}

double ConfigValue::non_negative() const {
  double value = number();
  if (value < 0.0) fail("expected a number that is zero or more, found " + found());
  return value;
}

double ConfigValue::positive() const {
  double value = number();
  if (value <= 0.0) fail("expected a number greater than zero, found " + found());
  return value;
}

double ConfigValue::probability() const {
  double value = number();
  if (value < 0.0 || value > 1.0) fail("expected a probability between 0 and 1, found " + found());
  return value;
}

double ConfigValue::number_or_infinity() const {
  if (is_scalar()) {
    const std::string& s = node_->scalar;
    if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF" || s == "inf")
      return INFINITY;
  }
  auto value = is_scalar() ? parse_number(node_->scalar) : std::nullopt;
  if (!value) fail("expected a number or .inf, found " + found());
  return *value;
}

long ConfigValue::integer() const {
  double value = number();
  if (value != std::floor(value) || std::fabs(value) > 9.0e15)
    fail("expected a whole number, found " + found());
  return static_cast<long>(value);
}

long ConfigValue::integer_in(long lowest, long highest) const {
  long value = integer();
  if (value < lowest || value > highest)
    fail("expected a whole number from " + std::to_string(lowest) + " to " +
         std::to_string(highest) + ", found " + found());
  return value;
}

std::optional<std::uint64_t> parse_unsigned_decimal(std::string_view text) {
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  // Out of range (2^64 or more) is refused too, not a silent 0 or a clamp.
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::uint64_t ConfigValue::unsigned_integer() const {
  std::optional<std::uint64_t> value = is_scalar() ? parse_unsigned_decimal(node_->scalar) : std::nullopt;
  if (!value) fail(std::string(unsigned_decimal_expected) + ", found " + found());
  return *value;
}

bool ConfigValue::flag() const {
  if (is_scalar()) {
    const std::string& s = node_->scalar;
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
  }
  fail("expected true or false, found " + found());
}

engine::Date ConfigValue::date() const {
  auto value = is_scalar() ? engine::parse_iso_date(node_->scalar) : std::nullopt;
  if (value) return *value;
  if (auto month = is_scalar() ? month_of_impossible_day(node_->scalar) : std::nullopt)
    fail(fmt::format("{} is written YYYY-MM-DD, but that month has no such day: {}-{:02} has {} days", found(),
                     static_cast<int>(month->year()), static_cast<unsigned>(month->month()),
                     static_cast<unsigned>((month->year() / month->month() / std::chrono::last).day())));
  fail("expected a date written YYYY-MM-DD, found " + found());
}

std::vector<ConfigValue> ConfigValue::list() const {
  if (!is_list()) fail("expected a list, found " + found());
  std::vector<ConfigValue> items;
  for (std::size_t i = 0; i < node_->items.size(); ++i)
    items.emplace_back(node_->items[i], path_ + "[" + std::to_string(i) + "]");
  return items;
}

ConfigMap ConfigValue::map() const {
  if (!is_map()) fail("expected a mapping of keys to values, found " + found());
  return ConfigMap(*node_, path_);
}

std::filesystem::path ConfigValue::file_path() const {
  std::filesystem::path name = text();
  if (name.is_absolute()) return name;
  return std::filesystem::path(where().file).parent_path() / name;
}

ConfigMap::ConfigMap(const ConfigNode& node, std::string path) : node_(&node), path_(std::move(path)) {}

std::string ConfigMap::child_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

bool ConfigMap::has(const std::string& key) const {
  asked_.insert(key);
  return node_->find(key) != nullptr;
}

ConfigValue ConfigMap::required(const std::string& key) const {
  asked_.insert(key);
  const ConfigNode* value = node_->find(key);
  if (value == nullptr) {
    for (std::size_t i = 0; i < node_->entries.size(); ++i) {
      const std::string& written = node_->entries[i].first;
      if (asked_.count(written) == 0 && closest_name(written, {key}))
        throw InputError(node_->key_where[i], child_path(written),
                         "unknown key '" + written + "'; did you mean '" + key + "'?");
    }
    fail("the key '" + key + "' is missing");
  }
  return ConfigValue(*value, child_path(key));
}

std::optional<ConfigValue> ConfigMap::optional(const std::string& key) const {
  asked_.insert(key);
  const ConfigNode* value = node_->find(key);
  if (value == nullptr) return std::nullopt;
  return ConfigValue(*value, child_path(key));
}

std::vector<std::pair<std::string, ConfigValue>> ConfigMap::entries() const {
  std::vector<std::pair<std::string, ConfigValue>> result;
  for (const auto& [key, value] : node_->entries) {
    asked_.insert(key);
    result.emplace_back(key, ConfigValue(value, child_path(key)));
  }
  return result;
}

void ConfigMap::reject_unknown() const {
  std::vector<std::string> known(asked_.begin(), asked_.end());
  for (std::size_t i = 0; i < node_->entries.size(); ++i) {
    const std::string& key = node_->entries[i].first;
    if (asked_.count(key)) continue;
    std::string problem = "unknown key '" + key + "'";
    if (auto suggestion = closest_name(key, known)) problem += "; did you mean '" + *suggestion + "'?";
    else problem += "; expected one of: " + [&] {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      return list;
    }();
    throw InputError(node_->key_where[i], child_path(key), problem);
  }
}

void ConfigMap::reject_keys_other_than(const std::vector<std::string>& known) const {
  asked_.insert(known.begin(), known.end());
  reject_unknown();
}

void ConfigMap::fail(const std::string& problem) const { throw InputError(where(), path_, problem); }

std::size_t ConfigMap::index_of(const std::string& key) const {
  std::size_t i = 0;
  while (i < node_->entries.size() && node_->entries[i].first != key) ++i;
  return i;
}

void ConfigMap::fail_at_key(const std::string& key, const std::string& problem) const {
  std::size_t i = index_of(key);
  if (i < node_->entries.size()) throw InputError(node_->key_where[i], child_path(key), problem);
  fail(problem);
}

void ConfigMap::fail_together(const std::vector<std::string>& keys, const std::string& problem) const {
  std::vector<std::size_t> present;
  for (const std::string& key : keys)
    if (std::size_t i = index_of(key); i < node_->entries.size()) present.push_back(i);
  std::sort(present.begin(), present.end());  // file order: a later layer's new keys come last
  if (present.empty()) fail(problem);
  std::size_t last = present.back();
  const SourceLocation& written_last = node_->key_where[last];
  std::string elsewhere;
  for (std::size_t i : present) {
    if (node_->key_where[i].file == written_last.file) continue;
    elsewhere += fmt::format("{}'{}' at {}", elsewhere.empty() ? "" : ", ", node_->entries[i].first,
                             describe(node_->key_where[i]));
  }
  const std::string& key = node_->entries[last].first;
  if (elsewhere.empty()) throw InputError(written_last, child_path(key), problem);
  throw InputError(written_last, child_path(key),
                   fmt::format("{}; this map also holds {}, written in another file: under extends and include, "
                               "maps merge key by key and keep both. To replace what is inherited, set '{}' to ~ "
                               "in an included file and write it whole here (scenario reference, 'Removing an "
                               "inherited key')",
                               problem, elsewhere, path_));
}

}  // namespace carecast::models
