#include <fmt/format.h>

#include <cmath>
#include <set>
#include <string>
#include <tuple>

#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

BandBox hazard_domain(const Scenario& scenario) {
  BandBox domain;
  domain.age = {0.0, scenario.ageing_out.age};
  domain.duration = {0.0, engine::infinity};
  return domain;
}

void read_breakdown_causes(const ConfigValue& value, TransitionSpec& transition, const Scenario& scenario) {
  if (scenario.states[static_cast<std::size_t>(transition.from)].kind != StateKind::placement)
    value.fail("only a placement can break down; '" + scenario.states[static_cast<std::size_t>(transition.from)].name +
               "' is not of kind placement");
  ConfigMap causes = value.map();
  transition.breakdown = true;
  transition.cause_shares[static_cast<std::size_t>(BreakdownCause::carer_initiated)] =
      causes.required("carer_initiated").probability();
  transition.cause_shares[static_cast<std::size_t>(BreakdownCause::other)] = causes.required("other").probability();
  causes.reject_unknown();
  double total = transition.cause_shares[0] + transition.cause_shares[1];
  if (std::fabs(total - 1.0) > 1e-6)
    value.fail(fmt::format("the cause shares carer_initiated and other must sum to 1; they sum to {:.6g}", total));
}

}  // namespace

std::vector<TransitionSpec> read_transitions(const ConfigValue& value, const Scenario& scenario) {
  engine::Calendar calendar(scenario.simulation.start);
  std::vector<TransitionSpec> transitions;
  std::set<std::tuple<int, int, bool>> seen;  // a planned move and a breakdown may share from and to
  for (const ConfigValue& item : value.list()) {
    ConfigMap map = item.map();
    TransitionSpec transition;
    ConfigValue from = map.required("from");
    transition.from = resolve_state(from, scenario);
    if (scenario.is_exit(transition.from))
      from.fail("'" + from.text() + "' is an exit state; nobody leaves an exit state");
    ConfigValue to = map.required("to");
    transition.to = resolve_state(to, scenario);
    transition.hazard = read_banded_rate(map.required("hazard"), BandAxes{true, true},
                                         hazard_domain(scenario), calendar);
    if (auto breakdown = map.optional("breakdown")) read_breakdown_causes(*breakdown, transition, scenario);
    if (!seen.insert({transition.from, transition.to, transition.breakdown}).second)
      item.fail("the " + std::string(transition.breakdown ? "breakdown " : "transition ") + from.text() + " -> " +
                to.text() + " is listed twice");
    map.reject_unknown();
    transitions.push_back(transition);
  }
  return transitions;
}

AgeingOutSpec read_ageing_out(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  AgeingOutSpec spec;
  ConfigValue age = map.required("age");
  spec.age = age.positive();
  if (spec.age > 30) age.fail("expected an age of at most 30 years");
  ConfigValue to = map.required("to");
  spec.to = resolve_state(to, scenario);
  if (!scenario.is_exit(spec.to)) to.fail("children who age out must go to a state of kind exit");
  map.reject_unknown();
  return spec;
}

}  // namespace carecast::models
