#include "models/scenario/sweep_path.hpp"

#include <algorithm>
#include <cctype>

#include "models/config/did_you_mean.hpp"

namespace carecast::models {

namespace {

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

/// "a.b[3]" so far: the steps joined as error messages write key paths.
std::string written(const std::vector<std::string>& steps, std::size_t count, const ConfigNode& root) {
  std::string text;
  const ConfigNode* node = &root;
  for (std::size_t i = 0; i < count; ++i) {
    bool index = node->kind == ConfigNode::Kind::sequence;
    text += index ? "[" + steps[i] + "]" : (text.empty() ? "" : ".") + steps[i];
    node = index ? &node->items[std::stoul(steps[i])] : node->find(steps[i]);
  }
  return text;
}

std::string where_in(const std::string& parent) {
  return parent.empty() ? "at the top level of the scenario" : "in '" + parent + "'";
}

std::string known_keys(const ConfigNode& map) {
  std::string list;
  for (const auto& [key, value] : map.entries) list += (list.empty() ? "" : ", ") + key;
  return list.empty() ? "none" : list;
}

[[noreturn]] void missing_key(const ConfigNode& map, const std::string& key, const std::string& parent,
                              const SourceLocation& where, const std::string& error_path) {
  std::vector<std::string> keys;
  for (const auto& entry : map.entries) keys.push_back(entry.first);
  std::string problem = "the scenario has no key '" + key + "' " + where_in(parent);
  if (auto suggestion = closest_name(key, keys))
    problem += "; did you mean '" + *suggestion + "'?";
  else
    problem += "; it has: " + known_keys(map);
  throw InputError(where, error_path, problem);
}

[[noreturn]] void missing_item(const ConfigNode& list, const std::string& step, const std::string& parent,
                               const SourceLocation& where, const std::string& error_path) {
  std::string problem = "'" + parent + "' is a list of " + std::to_string(list.items.size()) + " items";
  if (!list.items.empty()) problem += " (0 to " + std::to_string(list.items.size() - 1) + ")";
  problem += all_digits(step) ? "; it has no item " + step
                              : "; a list item is named by its index from 0, not '" + step + "'";
  throw InputError(where, error_path, problem);
}

}  // namespace

std::vector<std::string> key_path_steps(const std::string& path) {
  std::vector<std::string> steps;
  std::size_t i = 0;
  auto take_until = [&](const char* stops) {
    std::size_t end = path.find_first_of(stops, i);
    if (end == std::string::npos) end = path.size();
    std::string step = path.substr(i, end - i);
    i = end;
    return step;
  };
  std::string first = take_until(".[]");
  if (first.empty()) return {};
  steps.push_back(first);
  while (i < path.size()) {
    char separator = path[i++];
    if (separator == '.') {
      std::string name = take_until(".[]");
      if (name.empty()) return {};
      steps.push_back(name);
    } else if (separator == '[') {
      std::string index = take_until("]");
      if (i == path.size() || !all_digits(index)) return {};
      ++i;  // the ']'
      steps.push_back(index);
    } else {
      return {};
    }
  }
  return steps;
}

ConfigNode& node_at_path(ConfigNode& root, const std::vector<std::string>& steps, const SourceLocation& where,
                         const std::string& error_path) {
  ConfigNode* node = &root;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const std::string& step = steps[i];
    std::string parent = written(steps, i, root);
    switch (node->kind) {
      case ConfigNode::Kind::map: {
        auto entry = std::find_if(node->entries.begin(), node->entries.end(),
                                  [&](const auto& e) { return e.first == step; });
        if (entry == node->entries.end()) missing_key(*node, step, parent, where, error_path);
        node = &entry->second;
        break;
      }
      case ConfigNode::Kind::sequence:
        if (!all_digits(step) || step.size() > 9 || std::stoul(step) >= node->items.size())
          missing_item(*node, step, parent, where, error_path);
        node = &node->items[std::stoul(step)];
        break;
      default:
        throw InputError(where, error_path,
                         "'" + parent + "' is a single value, not a mapping or a list; it has no '" + step + "'");
    }
  }
  return *node;
}

}  // namespace carecast::models
