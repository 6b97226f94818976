#include <fmt/format.h>

#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

constexpr const char* move_kind_keys[move_kinds] = {"entry", "planned_move", "breakdown", "return_home"};

std::array<double, move_kinds> read_change_probabilities(const ConfigValue& value) {
  ConfigMap changes = value.map();
  std::array<double, move_kinds> probabilities{};
  for (std::size_t kind = 0; kind < move_kinds; ++kind)
    probabilities[kind] = changes.required(move_kind_keys[kind]).probability();
  changes.reject_unknown();
  return probabilities;
}

Interval read_school_ages(const ConfigValue& value) {
  auto ends = value.list();
  if (ends.size() != 2) value.fail("expected [first age, age at leaving] in years, e.g. [6, 16]");
  Interval ages{ends[0].non_negative(), ends[1].non_negative()};
  if (ages.lower < 3 || ages.upper > 20 || ages.upper <= ages.lower)
    value.fail(fmt::format("expected school ages within 3 to 20 years, the first below the second; found [{:g}, {:g}]",
                           ages.lower, ages.upper));
  return ages;
}

std::vector<bool> read_return_home_states(const ConfigValue& value, const Scenario& scenario) {
  std::vector<bool> flags(scenario.states.size(), false);
  for (const ConfigValue& item : value.list()) {
    int state = resolve_state(item, scenario);
    if (!scenario.is_exit(state)) item.fail("a return home must be an exit state");
    flags[static_cast<std::size_t>(state)] = true;
  }
  return flags;
}

ExamSpec read_exam(const ConfigValue& value, const Scenario& scenario, const Interval& school_ages) {
  ConfigMap map = value.map();
  ExamSpec exam;
  ConfigValue age = map.required("age");
  exam.age = age.positive();
  if (exam.age < school_ages.lower || exam.age > school_ages.upper)
    age.fail("the exam age must lie within the school ages");
  exam.intercept = map.required("intercept").number();
  exam.per_school_change = map.required("per_school_change").number();
  exam.per_year_in_care = map.required("per_year_in_care").number();
  exam.state_effect.assign(scenario.states.size(), 0.0);
  if (auto effects = map.optional("state_effect"))
    for (const auto& [name, effect] : effects->map().entries())
      exam.state_effect[static_cast<std::size_t>(resolve_state_name(name, effect, scenario))] = effect.number();
  map.reject_unknown();
  return exam;
}

}  // namespace

SchoolSpec read_school(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  SchoolSpec spec;
  spec.enabled = true;
  spec.ages = read_school_ages(map.required("ages"));
  spec.change_probability = read_change_probabilities(map.required("change_probability"));
  if (auto policy = map.optional("policy_change_probability"))
    spec.policy_change_probability = read_change_probabilities(*policy);
  spec.return_home_state = read_return_home_states(map.required("return_home_states"), scenario);
  spec.exam = read_exam(map.required("exam"), scenario, spec.ages);
  map.reject_unknown();
  return spec;
}

}  // namespace carecast::models
