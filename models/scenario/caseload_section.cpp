#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

/// caseload.feedback: how caseload per worker above the norm acts on breakdowns and exits.
engine::LoadLaw read_feedback(const ConfigValue& value) {
  ConfigMap map = value.map();
  engine::LoadLaw law;
  if (auto v = map.optional("breakdown_increase")) law.raise_per_excess = v->non_negative();
  if (auto v = map.optional("exit_slowdown")) law.slow_per_excess = v->non_negative();
  law.raise_cap = 3.0;
  if (auto v = map.optional("max_breakdown_multiplier")) {
    law.raise_cap = v->number();
    if (law.raise_cap < 1.0)
      v->fail("expected a number of at least 1 (the feedback never lowers breakdowns), found '" + v->text() + "'");
  }
  map.reject_unknown();
  return law;
}

}  // namespace

CaseloadSpec read_caseload(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  CaseloadSpec spec;
  spec.enabled = true;
  spec.weights.assign(scenario.states.size(), 1.0);
  if (auto weights = map.optional("weights")) spec.weights = read_state_amounts(*weights, scenario, 1.0);
  for (std::size_t s = 0; s < scenario.states.size(); ++s)
    if (scenario.states[s].kind == StateKind::exit) spec.weights[s] = 0.0;
  spec.norm = read_year_table(map.required("norm"), 0.0);
  if (auto staffing = map.optional("staffing")) spec.staffing = read_year_table(*staffing, 0.0);
  if (auto feedback = map.optional("feedback"); feedback && !feedback->is_null()) {
    if (!spec.staffing)
      feedback->fail("a feedback needs caseload.staffing: it compares caseload per worker with the norm");
    spec.feedback = read_feedback(*feedback);
  }
  map.reject_unknown();
  return spec;
}

}  // namespace carecast::models
