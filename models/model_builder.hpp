#pragma once
// Turns a validated scenario into the engine's objects: days instead of years, per-day rates,
// arrival groups by single year of age, and the initial stock.
#include <optional>
#include <vector>

#include "engine/arrival_schedule.hpp"
#include "engine/calendar.hpp"
#include "engine/initial_child.hpp"
#include "engine/multistate_model.hpp"
#include "engine/replicate_kernel.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/resource_pool.hpp"
#include "models/exit_meaning.hpp"
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
};

CompiledScenario compile_scenario(const Scenario& scenario);

/// A banded rate per year (ages and durations in years) as a per-day engine rate.
engine::PiecewiseRate per_day_rate(const BandedRate& rate);

}  // namespace carecast::models
