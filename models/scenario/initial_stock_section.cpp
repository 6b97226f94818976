#include <fmt/format.h>

#include "models/config/did_you_mean.hpp"
#include "models/scenario/csv_table.hpp"
#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

/// "the state 'fostr' is not declared in the scenario; did you mean 'foster'?"
std::string unknown_state(const std::string& name, const Scenario& scenario) {
  std::vector<std::string> followed;
  for (const StateSpec& state : scenario.states)
    if (state.kind != StateKind::exit) followed.push_back(state.name);
  std::string problem = "the state '" + name + "' is not declared in the scenario";
  if (auto close = closest_name(name, followed)) return problem + "; did you mean '" + *close + "'?";
  std::string list;
  for (const std::string& state : followed) list += (list.empty() ? "" : ", ") + state;
  return problem + "; the states in care are " + list;
}

void check_snapshot_states(const SnapshotTable& table, const Scenario& scenario) {
  for (const SnapshotRow& row : table.rows) {
    SourceLocation here{table.file.string(), row.line, 0};
    int state = scenario.state_index(row.state);
    if (state < 0) throw InputError(here, "", unknown_state(row.state, scenario));
    if (scenario.is_exit(state)) throw InputError(here, "", "'" + row.state + "' is an exit state; the snapshot lists children in care");
    if (row.age >= scenario.ageing_out.age)
      throw InputError(here, "", fmt::format("age {} is not below the ageing-out age {}", row.age, scenario.ageing_out.age));
  }
}

}  // namespace

InitialStockSpec read_initial_stock(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  InitialStockSpec spec;
  auto snapshot = map.optional("snapshot");
  auto warmup = map.optional("warmup_years");
  const std::string expected =
      "give either 'snapshot' (a CSV of the children in care at the start) or "
      "'warmup_years' (simulate that many years before the start), not both or neither";
  if (snapshot && warmup) map.fail_together({"snapshot", "warmup_years"}, expected);
  if (!snapshot && !warmup) map.fail(expected);
  if (snapshot) {
    auto file = snapshot->file_path();
    require_readable(file, snapshot->where(), snapshot->path());
    spec.from_snapshot = true;
    spec.snapshot = SnapshotTable::read_csv(file);
    check_snapshot_states(spec.snapshot, scenario);
  } else {
    spec.warmup_years = static_cast<double>(warmup->integer_in(0, 100));
  }
  map.reject_unknown();
  return spec;
}

}  // namespace carecast::models
