#include "models/care_tally.hpp"

#include "models/caseworker_costs.hpp"

#include "models/leavers_recorder.hpp"
#include "models/placement_counter.hpp"
#include "models/school_changes.hpp"

namespace carecast::models {

CareTally::CareTally(const Scenario& scenario, const ReplicateModels& models)
    : scenario_(scenario), models_(models), compiled_(models.shared()),
      money_(scenario.costs, scenario.simulation), layout_(std::make_shared<engine::TallyLayout>()) {
  const CompiledScenario& compiled = compiled_;
  for (const StateSpec& state : scenario.states) is_placement_.push_back(state.kind == StateKind::placement);
  std::size_t points = compiled.grid.points(), intervals = points - 1, states = compiled.model.states();
  std::size_t years = compiled.grid.years();
  occupancy_ = engine::OccupancyRecorder::register_arrays(*layout_, points, states);
  exits_ = layout_->add_counts("exits", {intervals, states}, {"interval", "state"});
  moves_ = layout_->add_counts("moves", {intervals, states}, {"interval", "state"});
  leavers_ = LeaversRecorder::register_array(*layout_, years);
  breakdowns_ = BreakdownRecorder::register_arrays(*layout_, intervals, states);
  cohorts_ = CohortRecorder::register_arrays(*layout_, years);
  if (scenario.school.enabled) {
    school_changes_ = SchoolChanges::register_array(*layout_, intervals);
    attainment_ = AttainmentRecorder::register_arrays(*layout_, years, states);
  }
  if (compiled.carer_pool) pool_ = PoolRecorder::register_arrays(*layout_, points);
  costs_ = CostRecorder::register_arrays(*layout_, scenario, years);
  if (scenario.caseload.enabled)
    caseload_ = CaseloadMeasures::register_arrays(*layout_, scenario.caseload, points, years);
}

engine::ObserverFactory CareTally::observers() const {
  return [this](engine::Tally& tally, engine::StreamKey key) { return make_observers(tally, key); };
}

std::unique_ptr<engine::LifeObserver> CareTally::make_observers(engine::Tally& tally, engine::StreamKey key) const {
  const auto& grid = compiled_.grid;
  const auto& absorbing = compiled_.model.absorbing;
  auto chain = std::make_unique<engine::ObserverChain>();
  // Observers that write history counters come first, then those that read them.
  chain->add(std::make_unique<PlacementCounter>(is_placement_));
  if (school_changes_)
    chain->add(std::make_unique<SchoolChanges>(
        SchoolChanges::Context{scenario_.school, scenario_, compiled_.exit_meanings, grid, key}, *school_changes_,
        tally));
  chain->add(std::make_unique<engine::OccupancyRecorder>(grid, absorbing, occupancy_, tally));
  chain->add(std::make_unique<LeaversRecorder>(grid, absorbing, leavers_, tally));
  chain->add(std::make_unique<BreakdownRecorder>(scenario_, compiled_.exit_meanings, grid, breakdowns_, tally));
  chain->add(std::make_unique<CohortRecorder>(grid, cohorts_, tally));
  if (attainment_)
    chain->add(std::make_unique<AttainmentRecorder>(scenario_.school.exam, absorbing, grid,
                                                    *attainment_, tally));
  if (pool_) chain->add(std::make_unique<PoolRecorder>(grid, *pool_, tally));
  chain->add(std::make_unique<CostRecorder>(scenario_, models_.compiled(key.replicate), money_, costs_, tally));
  return chain;
}

engine::TallyFinisher CareTally::finisher() const {
  return [this](engine::Tally& tally) { finish(tally); };
}

void CareTally::finish(engine::Tally& tally) const {
  std::size_t states = compiled_.model.states();
  engine::OccupancyRecorder::finalize(tally, occupancy_, states);
  auto transitions = tally.counts(occupancy_.transitions);
  auto exits = tally.counts(exits_);
  auto moves = tally.counts(moves_);
  for (std::size_t i = 0; i + 1 < compiled_.grid.points(); ++i)
    for (std::size_t from = 0; from < states; ++from)
      for (std::size_t to = 0; to < states; ++to) {
        std::int64_t n = transitions[(i * states + from) * states + to];
        if (compiled_.model.absorbing[to])
          exits[i * states + to] += n;
        else
          moves[i * states + from] += n;
      }
  CostRecorder::add_fixed_costs(scenario_, compiled_.grid, money_, costs_, tally);
  if (caseload_)
    CaseloadMeasures::compute(scenario_.caseload, compiled_.grid, occupancy_.stock, *caseload_, tally);
  if (costs_caseworkers(scenario_))
    add_caseworker_costs(scenario_, compiled_.grid, money_, costs_, caseload_->fte_needed, tally);
}

}  // namespace carecast::models
