#include "models/scenario/sweep_reader.hpp"

#include <charconv>
#include <cmath>
#include <optional>

#include "models/config/config_loader.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/scenario/sweep_path.hpp"
#include "models/scenario/sweep_section.hpp"

namespace carecast::models {

namespace {

constexpr char sweep_key[] = "sweep";

/// A value as YAML in flow style, on one line: 0.1, [12, 18], {uniform: [0.3, 0.6]}.
std::string flow_text(const ConfigNode& node) {
  std::string text;
  switch (node.kind) {
    case ConfigNode::Kind::null: return "~";
    case ConfigNode::Kind::scalar: return node.scalar;
    case ConfigNode::Kind::sequence:
      for (const ConfigNode& item : node.items) text += (text.empty() ? "" : ", ") + flow_text(item);
      return "[" + text + "]";
    case ConfigNode::Kind::map:
      for (const auto& [key, value] : node.entries) text += (text.empty() ? "" : ", ") + key + ": " + flow_text(value);
      return "{" + text + "}";
  }
  return text;
}

std::optional<double> number_of(const ConfigNode& node) {
  if (node.kind != ConfigNode::Kind::scalar) return std::nullopt;
  const std::string& text = node.scalar;
  double value = 0.0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

/// Takes the sweep section out of the tree; nothing if there is none or it is ~.
std::optional<SweepSection> take_sweep_section(ConfigNode& root, SourceLocation& where) {
  const ConfigNode* node = root.find(sweep_key);
  std::optional<SweepSection> section;
  if (node != nullptr && node->kind != ConfigNode::Kind::null) {
    for (std::size_t i = 0; i < root.entries.size(); ++i)
      if (root.entries[i].first == sweep_key) where = root.key_where[i];
    section = read_sweep_section(*node);
  }
  root.erase(sweep_key);
  return section;
}

void check_paths_exist(ConfigNode& root, const SweepSection& section) {
  for (const SweepKey& key : section.keys) node_at_path(root, key.steps, key.where, std::string(sweep_key) + "." + key.path);
}

SweepCombination read_combination(const ConfigNode& root, const SweepSection& section, std::size_t index,
                                  const std::filesystem::path& file, const std::vector<std::string>& keys) {
  ConfigNode tree = root;
  SweepCombination combination;
  for (std::size_t k = 0; k < section.keys.size(); ++k) {
    const ConfigNode& value = section.combinations[index][k];
    node_at_path(tree, section.keys[k].steps, section.keys[k].where, section.keys[k].path) = value;
    combination.values.push_back(flow_text(value));
    combination.numbers.push_back(number_of(value));
  }
  try {
    combination.scenario = read_scenario_tree(tree, file);
  } catch (const InputError& error) {
    throw in_combination(error, index, keys, combination.values);
  }
  return combination;
}

}  // namespace

Sweep read_sweep(const std::filesystem::path& file) {
  ConfigLoader loader;
  ConfigNode root = loader.load(file);
  Sweep sweep;
  sweep.path = file.string();
  sweep.resolved_text = to_yaml(root);
  std::optional<SweepSection> section = take_sweep_section(root, sweep.where);
  if (!section) {
    sweep.combinations.push_back({{}, {}, read_scenario_tree(root, file)});
    record_input_files(sweep.combinations.front().scenario, loader.files_read());
    sweep.sha256 = sweep.combinations.front().scenario.sha256;
    return sweep;
  }
  check_paths_exist(root, *section);
  for (const SweepKey& key : section->keys) sweep.keys.push_back(key.path);
  sweep.grid = section->grid;
  std::vector<std::string> hashed{sweep.resolved_text};
  for (std::size_t c = 0; c < section->combinations.size(); ++c) {
    sweep.combinations.push_back(read_combination(root, *section, c, file, sweep.keys));
    record_input_files(sweep.combinations.back().scenario, loader.files_read());
    hashed.push_back(sweep.combinations.back().scenario.sha256);
  }
  sweep.sha256 = sha256_hex(hashed);
  return sweep;
}

}  // namespace carecast::models
