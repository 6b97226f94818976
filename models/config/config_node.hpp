#pragma once
// A YAML document as a tree whose every node remembers where it was written, so that errors
// can point at the file, line and column even after `extends:` and `include:` have merged
// several files into one.
#include <string>
#include <utility>
#include <vector>

#include "models/config/input_error.hpp"

namespace carecast::models {

struct ConfigNode {
  enum class Kind { null, scalar, sequence, map };

  Kind kind = Kind::null;
  std::string scalar;                                      // Kind::scalar
  std::vector<ConfigNode> items;                           // Kind::sequence
  std::vector<std::pair<std::string, ConfigNode>> entries;  // Kind::map, in file order
  SourceLocation where;
  std::vector<SourceLocation> key_where;  // Kind::map: where each entry's key was last written

  const ConfigNode* find(const std::string& key) const;
  /// Overlays `override` on this node: maps merge key by key (recursively), anything else is
  /// replaced whole.
  void overlay(const ConfigNode& override);
  /// Removes a key from a map, if present.
  void erase(const std::string& key);
};

/// Renders the tree as YAML (block style), for recording the resolved scenario.
std::string to_yaml(const ConfigNode& node);

}  // namespace carecast::models
