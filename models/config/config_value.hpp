#pragma once
// Typed, checked reading of a located tree. Every accessor that finds the wrong thing throws
// an InputError naming the file, line, column and key path, and saying what was expected.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/calendar.hpp"
#include "models/config/config_node.hpp"

namespace carecast::models {

/// A whole number from 0 to 2^64 - 1 written in decimal digits only (no sign, no other base), as
/// the seed is read from a scenario and from the command line; nothing for any other text.
std::optional<std::uint64_t> parse_unsigned_decimal(std::string_view text);
/// What such a number is, for messages.
inline constexpr char unsigned_decimal_expected[] = "expected a whole number from 0 to 18446744073709551615";

class ConfigMap;

class ConfigValue {
 public:
  ConfigValue(const ConfigNode& node, std::string path);

  const std::string& path() const { return path_; }
  const SourceLocation& where() const { return node_->where; }
  const ConfigNode& node() const { return *node_; }
  bool is_null() const { return node_->kind == ConfigNode::Kind::null; }
  bool is_scalar() const { return node_->kind == ConfigNode::Kind::scalar; }
  bool is_list() const { return node_->kind == ConfigNode::Kind::sequence; }
  bool is_map() const { return node_->kind == ConfigNode::Kind::map; }

  std::string text() const;
  double number() const;          // a finite number
  double non_negative() const;    // a finite number >= 0
  double positive() const;        // a finite number > 0
  double probability() const;     // a number in [0, 1]
  double number_or_infinity() const;  // a number, or .inf / inf
  long integer() const;
  long integer_in(long lowest, long highest) const;
  std::uint64_t unsigned_integer() const;  // 0 to 2^64 - 1, exactly
  bool flag() const;
  engine::Date date() const;
  std::vector<ConfigValue> list() const;
  ConfigMap map() const;
  /// A file named by this value, relative to the folder of the file it was written in.
  std::filesystem::path file_path() const;

  [[noreturn]] void fail(const std::string& problem) const;

 private:
  std::string found() const;

  const ConfigNode* node_;
  std::string path_;
};

class ConfigMap {
 public:
  ConfigMap(const ConfigNode& node, std::string path);

  const std::string& path() const { return path_; }
  const SourceLocation& where() const { return node_->where; }
  bool has(const std::string& key) const;
  ConfigValue required(const std::string& key) const;
  std::optional<ConfigValue> optional(const std::string& key) const;
  /// Every entry, in file order, with its key; all count as known.
  std::vector<std::pair<std::string, ConfigValue>> entries() const;
  /// Throws for the first key that was never asked for, suggesting the closest known key.
  void reject_unknown() const;
  /// The same, before reading: every key must be one of `known` (which then count as asked), so
  /// that a misspelt key is named before a key it stands for is reported missing.
  void reject_keys_other_than(const std::vector<std::string>& known) const;
  [[noreturn]] void fail(const std::string& problem) const;
  [[noreturn]] void fail_at_key(const std::string& key, const std::string& problem) const;
  /// Fails for keys of this map that must not appear together (at least two of `keys` are
  /// present). If they were written in different files, merged by extends or include, the error
  /// points at the one written last and names where the others were written, with the way to
  /// drop an inherited key; otherwise it points at the last of them.
  [[noreturn]] void fail_together(const std::vector<std::string>& keys, const std::string& problem) const;

 private:
  std::string child_path(const std::string& key) const;
  /// The index of `key` among the entries, or the number of entries if it is absent.
  std::size_t index_of(const std::string& key) const;

  const ConfigNode* node_;
  std::string path_;
  mutable std::set<std::string> asked_;
};

}  // namespace carecast::models
