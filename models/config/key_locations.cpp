#include "models/config/key_locations.hpp"

namespace carecast::models {

KeyLocations::KeyLocations(const ConfigNode& root) { record(root, ""); }

std::optional<SourceLocation> KeyLocations::find(const std::string& key_path) const {
  auto found = where_.find(key_path);
  if (found == where_.end()) return std::nullopt;
  return found->second;
}

void KeyLocations::record(const ConfigNode& node, const std::string& path) {
  if (node.kind == ConfigNode::Kind::sequence)
    for (std::size_t i = 0; i < node.items.size(); ++i)
      record(node.items[i], path + "[" + std::to_string(i) + "]");
  if (node.kind != ConfigNode::Kind::map) return;
  for (std::size_t i = 0; i < node.entries.size(); ++i) {
    const auto& [key, value] = node.entries[i];
    std::string child = path.empty() ? key : path + "." + key;
    where_[child] = i < node.key_where.size() ? node.key_where[i] : value.where;
    record(value, child);
  }
}

}  // namespace carecast::models
