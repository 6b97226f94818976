#include "models/config/config_node.hpp"

#include <yaml-cpp/yaml.h>

namespace carecast::models {

const ConfigNode* ConfigNode::find(const std::string& key) const {
  for (const auto& [name, value] : entries)
    if (name == key) return &value;
  return nullptr;
}

void ConfigNode::overlay(const ConfigNode& override) {
  if (kind != Kind::map || override.kind != Kind::map) {
    *this = override;
    return;
  }
  for (std::size_t i = 0; i < override.entries.size(); ++i) {
    const auto& [name, value] = override.entries[i];
    auto existing = std::find_if(entries.begin(), entries.end(),
                                 [&](const auto& entry) { return entry.first == name; });
    if (existing != entries.end()) {
      existing->second.overlay(value);
      key_where[static_cast<std::size_t>(existing - entries.begin())] = override.key_where[i];  // written last here
    } else {
      entries.emplace_back(name, value);
      key_where.push_back(override.key_where[i]);
    }
  }
}

void ConfigNode::erase(const std::string& key) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].first != key) continue;
    entries.erase(entries.begin() + static_cast<long>(i));
    key_where.erase(key_where.begin() + static_cast<long>(i));
    return;
  }
}

namespace {

void emit(YAML::Emitter& out, const ConfigNode& node) {
  switch (node.kind) {
    case ConfigNode::Kind::null: out << YAML::Null; break;
    case ConfigNode::Kind::scalar: out << node.scalar; break;
    case ConfigNode::Kind::sequence:
      out << YAML::BeginSeq;
      for (const auto& item : node.items) emit(out, item);
      out << YAML::EndSeq;
      break;
    case ConfigNode::Kind::map:
      out << YAML::BeginMap;
      for (const auto& [key, value] : node.entries) {
        out << YAML::Key << key << YAML::Value;
        emit(out, value);
      }
      out << YAML::EndMap;
      break;
  }
}

}  // namespace

std::string to_yaml(const ConfigNode& node) {
  YAML::Emitter out;
  emit(out, node);
  return std::string(out.c_str()) + "\n";
}

}  // namespace carecast::models
