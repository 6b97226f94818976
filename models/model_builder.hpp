#pragma once
// Turns a validated scenario into the engine's objects: days instead of years, per-day rates,
// arrival groups by single year of age, and the initial stock.
#include <optional>
#include <vector>

#include "engine/arrival_schedule.hpp"
#include "engine/calendar.hpp"
#include "engine/initial_child.hpp"
#include "engine/load_feedback.hpp"
#include "engine/multistate_model.hpp"
#include "engine/replicate_kernel.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/resource_pool.hpp"
#include "models/exit_meaning.hpp"
#include "models/intervention_values.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

struct CompiledScenario {
  engine::Calendar calendar;
  engine::ReportingGrid grid;
  engine::MultistateModel model;
  engine::ArrivalSchedule arrivals;
  std::vector<engine::InitialChild> initial;
  engine::KernelSpan span;
  std::vector<ExitMeaning> exit_meanings;   // indexed by engine::Exit::tag
  std::optional<engine::ResourcePoolSpec> carer_pool;
  std::optional<engine::LoadFeedbackSpec> load_feedback;  // caseload feedback
  std::vector<std::size_t> arrival_rule_owner;  // the intervention of each arrival rule
  InterventionValues intervention_values;       // the values the model was built with
};

/// The scenario with its interventions' central values.
CompiledScenario compile_scenario(const Scenario& scenario);
/// The scenario with one replicate's intervention values.
CompiledScenario compile_scenario(const Scenario& scenario, const InterventionValues& values);

/// A banded rate per year (ages and durations in years) as a per-day engine rate.
engine::PiecewiseRate per_day_rate(const BandedRate& rate);

}  // namespace carecast::models
