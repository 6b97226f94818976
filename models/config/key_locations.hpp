#pragma once
// Where each key of a resolved scenario tree was last written (after extends and include have
// merged its files), by key path as errors name it ("costs.discount_rate",
// "transitions[2].hazard"), so that a check made after reading, such as compare's check that the
// scenarios share the base's horizon and money, can point at the file and line.
#include <map>
#include <optional>
#include <string>

#include "models/config/config_node.hpp"

namespace carecast::models {

class KeyLocations {
 public:
  KeyLocations() = default;
  explicit KeyLocations(const ConfigNode& root);

  /// Where the key at `key_path` was written, or nothing if the tree has no such key.
  std::optional<SourceLocation> find(const std::string& key_path) const;
  bool has(const std::string& key_path) const { return where_.count(key_path) > 0; }

 private:
  void record(const ConfigNode& node, const std::string& path);

  std::map<std::string, SourceLocation> where_;
};

}  // namespace carecast::models
