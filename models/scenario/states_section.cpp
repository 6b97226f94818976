#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "models/config/did_you_mean.hpp"
#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

StateKind read_kind(const ConfigValue& value) {
  std::string kind = value.text();
  if (kind == "support") return StateKind::support;
  if (kind == "placement") return StateKind::placement;
  if (kind == "exit") return StateKind::exit;
  value.fail("expected a state kind: support, placement or exit; found '" + kind + "'");
}

void check_state_name(const ConfigValue& value, const std::string& name) {
  bool plain = !name.empty() && std::isalpha(static_cast<unsigned char>(name[0]));
  for (char c : name) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  if (!plain) value.fail("a state name must start with a letter and hold only letters, digits and _");
}

}  // namespace

std::vector<StateSpec> read_states(const ConfigValue& value) {
  std::vector<StateSpec> states;
  std::set<std::string> seen;
  for (const ConfigValue& item : value.list()) {
    ConfigMap map = item.map();
    StateSpec state;
    ConfigValue name = map.required("name");
    state.name = name.text();
    check_state_name(name, state.name);
    if (!seen.insert(state.name).second) name.fail("the state '" + state.name + "' is declared twice");
    state.kind = read_kind(map.required("kind"));
    state.label = map.has("label") ? map.required("label").text() : state.name;
    map.reject_unknown();
    states.push_back(state);
  }
  if (states.size() > 60) value.fail("at most 60 states are supported");
  auto count = [&](auto pred) { return std::count_if(states.begin(), states.end(), pred); };
  if (count([](const StateSpec& s) { return s.kind != StateKind::exit; }) == 0)
    value.fail("declare at least one state of kind support or placement");
  if (count([](const StateSpec& s) { return s.kind == StateKind::exit; }) == 0)
    value.fail("declare at least one state of kind exit (e.g. reunified, aged_out)");
  return states;
}

int resolve_state(const ConfigValue& value, const Scenario& scenario) {
  return resolve_state_name(value.text(), value, scenario);
}

int resolve_state_name(const std::string& name, const ConfigValue& value, const Scenario& scenario) {
  int index = scenario.state_index(name);
  if (index >= 0) return index;
  std::vector<std::string> names;
  for (const auto& s : scenario.states) names.push_back(s.name);
  std::string problem = "the state '" + name + "' is not declared under 'states'";
  if (auto near = closest_name(name, names)) problem += "; did you mean '" + *near + "'?";
  bool digits = !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
  // {foster: 1287,50} reads as foster: 1287 and a key 50; {foster: 470,000} as 470 and a key 000.
  if (digits && name.size() == 3)
    problem += ". A thousands separator? In {…} a comma separates entries, so 'N," + name +
               "' reads as the number N and a key '" + name + "': write the number without separators (N" + name + ")";
  else if (digits)
    problem += ". A decimal comma? In {…} a comma separates entries, so 'N," + name + "' reads as the number N and a key '" +
               name + "': write N." + name;
  value.fail(problem);
}

}  // namespace carecast::models
