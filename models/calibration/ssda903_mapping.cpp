#include "models/calibration/ssda903_mapping.hpp"

#include <algorithm>
#include <set>

#include "models/calibration/generic_episode_reader.hpp"
#include "models/config/config_loader.hpp"
#include "models/config/config_value.hpp"
#include "models/config/did_you_mean.hpp"

namespace carecast::models::calibration {

namespace {

constexpr const char* temporary_word = "temporary";
constexpr const char* continues_word = "continues";

bool is_code(const std::string& code) {
  return !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

/// The entries of a required, non-empty section, each with a well-formed code as its key.
std::vector<std::pair<std::string, ConfigValue>> code_entries(const ConfigMap& root,
                                                              const std::string& section) {
  ConfigValue value = root.required(section);
  ConfigMap codes = value.map();
  auto entries = codes.entries();
  if (entries.empty()) value.fail("expected at least one code");
  for (const auto& [code, _] : entries)
    if (!is_code(code))
      codes.fail_at_key(code, "'" + code + "' is not an SSDA903 code; expected upper-case letters and digits");
  return entries;
}

std::string one_of(const ConfigValue& value, const std::vector<std::string>& words) {
  std::string text = value.text();
  if (std::find(words.begin(), words.end(), text) != words.end()) return text;
  std::string expected;
  for (const auto& word : words) expected += (expected.empty() ? "" : " | ") + word;
  std::string problem = "expected " + expected + ", found '" + text + "'";
  if (auto near = closest_name(text, words)) problem += "; did you mean '" + *near + "'?";
  value.fail(problem);
}

std::string state_name(const ConfigValue& value, const char* other_word) {
  std::string name = value.text();
  if (!is_state_identifier(name))
    value.fail("'" + name + "' is not a state name; expected " + other_word +
               " or an identifier of lower-case letters, digits and _");
  return name;
}

std::map<std::string, Ssda903Mapping::Place, std::less<>> read_places(const ConfigMap& root) {
  std::map<std::string, Ssda903Mapping::Place, std::less<>> places;
  for (const auto& [code, value] : code_entries(root, "place")) {
    if (value.is_scalar() && value.text() == temporary_word) places[code] = {"", true};
    else places[code] = {state_name(value, temporary_word), false};
  }
  return places;
}

std::map<std::string, std::optional<std::string>, std::less<>> read_reasons_ceased(const ConfigMap& root) {
  std::map<std::string, std::optional<std::string>, std::less<>> reasons;
  for (const auto& [code, value] : code_entries(root, "reason_ceased")) {
    if (value.is_scalar() && value.text() == continues_word) {
      reasons[code] = std::nullopt;
      continue;
    }
    std::string exit = state_name(value, continues_word);
    for (std::string_view word : {generic_reason::moved, generic_reason::breakdown,
                                  generic_reason::breakdown_carer, generic_reason::breakdown_other})
      if (exit == word) value.fail("'" + exit + "' is a reason word of the episode formats, not an exit state");
    reasons[code] = exit;
  }
  return reasons;
}

EpisodeEnding read_change(const ConfigValue& value) {
  std::string word = one_of(value, {"planned_move", "breakdown_carer", "breakdown_other"});
  if (word == "planned_move") return EpisodeEnding::planned_move;
  return word == "breakdown_carer" ? EpisodeEnding::breakdown_carer : EpisodeEnding::breakdown_other;
}

std::map<std::string, EpisodeEnding, std::less<>> read_place_changes(const ConfigMap& root) {
  std::map<std::string, EpisodeEnding, std::less<>> changes;
  for (const auto& [code, value] : code_entries(root, "reason_place_change")) changes[code] = read_change(value);
  return changes;
}

std::map<std::string, bool, std::less<>> read_legal_statuses(const ConfigMap& root) {
  std::map<std::string, bool, std::less<>> statuses;
  for (const auto& [code, value] : code_entries(root, "legal_status"))
    statuses[code] = one_of(value, {"include", "exclude"}) == "include";
  return statuses;
}

}  // namespace

std::vector<std::string> Ssda903Mapping::state_names() const {
  std::set<std::string> names;
  for (const auto& [_, mapped] : place)
    if (!mapped.temporary) names.insert(mapped.state);
  for (const auto& [_, exit] : reason_ceased)
    if (exit) names.insert(*exit);
  return {names.begin(), names.end()};
}

Ssda903Mapping read_ssda903_mapping(const std::filesystem::path& file) {
  ConfigNode tree = parse_yaml_file(file, SourceLocation{file.string(), 0, 0});
  ConfigMap root = ConfigValue(tree, "").map();
  Ssda903Mapping mapping;
  mapping.file = file;
  mapping.place = read_places(root);
  mapping.reason_ceased = read_reasons_ceased(root);
  mapping.reason_place_change = read_place_changes(root);
  if (auto unrecorded = root.optional("unrecorded_place_change"))
    mapping.unrecorded_place_change = read_change(*unrecorded);
  mapping.legal_status = read_legal_statuses(root);
  root.reject_unknown();
  return mapping;
}

}  // namespace carecast::models::calibration
