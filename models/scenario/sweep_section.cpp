#include "models/scenario/sweep_section.hpp"

#include <algorithm>

#include "models/scenario/sweep_path.hpp"

namespace carecast::models {

namespace {

constexpr char section_name[] = "sweep";

std::string error_path(const std::string& key) { return std::string(section_name) + "." + key; }

bool lies_within(const std::vector<std::string>& inner, const std::vector<std::string>& outer) {
  return inner.size() >= outer.size() && std::equal(outer.begin(), outer.end(), inner.begin());
}

SweepKey read_key(const std::string& path, const SourceLocation& where) {
  SweepKey key{path, key_path_steps(path), where};
  if (key.steps.empty())
    throw InputError(where, error_path(path),
                     "expected a key path such as 'interventions.NAME.uptake' or 'transitions[3].hazard'");
  const std::string& top = key.steps.front();
  if (top == "simulation" || top == "states")
    throw InputError(where, error_path(path),
                     "a sweep cannot vary '" + top +
                         "': every combination runs with the same start date, horizon, grid, seed, replicates "
                         "and states, so that the combinations can be compared replicate by replicate");
  return key;
}

void check_distinct(const std::vector<SweepKey>& keys) {
  for (std::size_t a = 0; a < keys.size(); ++a)
    for (std::size_t b = 0; b < a; ++b)
      if (lies_within(keys[a].steps, keys[b].steps) || lies_within(keys[b].steps, keys[a].steps))
        throw InputError(keys[a].where, error_path(keys[a].path),
                         keys[a].steps == keys[b].steps
                             ? "this key path addresses the same value as '" + keys[b].path + "'"
                             : "this key path and '" + keys[b].path + "' address one value inside the other");
}

[[noreturn]] void too_many(const ConfigNode& sweep, std::size_t count) {
  throw InputError(sweep.where, section_name,
                   "the sweep has " + std::to_string(count) + " combinations; at most " +
                       std::to_string(max_sweep_combinations) + " are allowed");
}

/// A value listed twice would run the same scenario twice. With scalars listed as [0,7, 0,9],
/// YAML reads four values (0, 7, 0, 9): a decimal comma.
void refuse_repeated_values(const std::string& path, const ConfigNode& values) {
  for (std::size_t i = 0; i < values.items.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const ConfigNode& a = values.items[j];
      const ConfigNode& b = values.items[i];
      if (a.kind != ConfigNode::Kind::scalar || b.kind != ConfigNode::Kind::scalar || a.scalar != b.scalar) continue;
      throw InputError(b.where, error_path(path),
                       "the value " + b.scalar + " is listed twice (items " + std::to_string(j + 1) + " and " +
                           std::to_string(i + 1) + "), which would run one scenario twice. A decimal comma? "
                           "Write [0.7, 0.9], not [0,7, 0,9]");
    }
}

SweepSection read_grid(const ConfigNode& sweep) {
  SweepSection section;
  if (sweep.entries.empty()) throw InputError(sweep.where, section_name, "a sweep needs at least one key path");
  std::vector<const std::vector<ConfigNode>*> lists;
  std::size_t count = 1;
  for (std::size_t k = 0; k < sweep.entries.size(); ++k) {
    const auto& [path, values] = sweep.entries[k];
    section.keys.push_back(read_key(path, sweep.key_where[k]));
    if (values.kind != ConfigNode::Kind::sequence || values.items.empty())
      throw InputError(values.where, error_path(path),
                       "expected a list of the values to sweep, such as [0.1, 0.2, 0.3] (one value: [0.1])");
    refuse_repeated_values(path, values);
    lists.push_back(&values.items);
    count *= values.items.size();
    if (count > max_sweep_combinations) too_many(sweep, count);
  }
  check_distinct(section.keys);
  for (std::size_t c = 0; c < count; ++c) {
    std::vector<ConfigNode> combination(lists.size());
    std::size_t rest = c;
    for (std::size_t k = lists.size(); k-- > 0;) {
      combination[k] = (*lists[k])[rest % lists[k]->size()];
      rest /= lists[k]->size();
    }
    section.combinations.push_back(std::move(combination));
  }
  return section;
}

std::string item_path(std::size_t item) { return std::string(section_name) + "[" + std::to_string(item) + "]"; }

std::vector<ConfigNode> listed_values(const ConfigNode& item, std::size_t index, const std::vector<SweepKey>& keys) {
  std::vector<ConfigNode> values;
  for (const SweepKey& key : keys) {
    const ConfigNode* value = item.find(key.path);
    if (value == nullptr)
      throw InputError(item.where, item_path(index),
                       "every combination must set the same key paths as the first; this one lacks '" + key.path + "'");
    values.push_back(*value);
  }
  for (std::size_t k = 0; k < item.entries.size(); ++k)
    if (std::none_of(keys.begin(), keys.end(), [&](const SweepKey& key) { return key.path == item.entries[k].first; }))
      throw InputError(item.key_where[k], item_path(index) + "." + item.entries[k].first,
                       "every combination must set the same key paths as the first, which does not set this one");
  return values;
}

SweepSection read_list(const ConfigNode& sweep) {
  SweepSection section;
  section.grid = false;
  if (sweep.items.empty()) throw InputError(sweep.where, section_name, "a sweep needs at least one combination");
  if (sweep.items.size() > max_sweep_combinations) too_many(sweep, sweep.items.size());
  for (std::size_t i = 0; i < sweep.items.size(); ++i) {
    const ConfigNode& item = sweep.items[i];
    if (item.kind != ConfigNode::Kind::map || item.entries.empty())
      throw InputError(item.where, item_path(i), "expected a mapping of key paths to values, one combination");
    if (i == 0) {
      for (std::size_t k = 0; k < item.entries.size(); ++k)
        section.keys.push_back(read_key(item.entries[k].first, item.key_where[k]));
      check_distinct(section.keys);
    }
    section.combinations.push_back(listed_values(item, i, section.keys));
  }
  return section;
}

}  // namespace

SweepSection read_sweep_section(const ConfigNode& sweep) {
  if (sweep.kind == ConfigNode::Kind::map) return read_grid(sweep);
  if (sweep.kind == ConfigNode::Kind::sequence) return read_list(sweep);
  throw InputError(sweep.where, section_name,
                   "expected a mapping of key paths to lists of values (a grid), or a list of combinations");
}

}  // namespace carecast::models
