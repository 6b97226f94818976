#pragma once
// The aggregates a replicate of a care scenario records, the observers that record them (in
// the order they must run), and how a replicate's tally is completed. Arrays:
//   stock, entries, transitions          (engine::OccupancyRecorder)
//   exits [interval][state]              children reaching each exit state, by exit state
//   moves [interval][state]              moves into a non-exit state, by state left
//   left_within_year [year]              (LeaversRecorder)
//   breakdowns, placement_endings        (BreakdownRecorder)
//   cohort_*                             (CohortRecorder)
//   school_changes                       (SchoolChanges; with a school section)
//   exam_cohort, exam_expected_passes    (AttainmentRecorder; with a school section)
//   carer_pool, carer_pool_flows         (PoolRecorder; with a foster_carers section)
//   care_days, costs, costs_discounted   (CostRecorder; without a costs section only interventions cost, unindexed)
//   fte_needed, caseload_per_worker, months_above_norm   (CaseloadMeasures; with a caseload section)
#include <memory>
#include <optional>

#include "engine/occupancy_recorder.hpp"
#include "engine/replicate_runner.hpp"
#include "engine/tally.hpp"
#include "models/attainment_recorder.hpp"
#include "models/breakdown_recorder.hpp"
#include "models/cohort_recorder.hpp"
#include "models/caseload_measures.hpp"
#include "models/cost_recorder.hpp"
#include "models/money_years.hpp"
#include "models/pool_recorder.hpp"
#include "models/replicate_models.hpp"

namespace carecast::models {

class CareTally {
 public:
  CareTally(const Scenario& scenario, const ReplicateModels& models);

  std::shared_ptr<const engine::TallyLayout> layout() const { return layout_; }
  engine::ObserverFactory observers() const;
  engine::TallyFinisher finisher() const;

 private:
  std::unique_ptr<engine::LifeObserver> make_observers(engine::Tally& tally, engine::StreamKey key) const;
  void finish(engine::Tally& tally) const;

  const Scenario& scenario_;
  const ReplicateModels& models_;
  const CompiledScenario& compiled_;  // the shared model: grid, states and exits are the same in every replicate
  MoneyYears money_;
  std::vector<char> is_placement_;  // by state
  std::shared_ptr<engine::TallyLayout> layout_;
  engine::OccupancyRecorder::Handles occupancy_{};
  std::size_t exits_ = 0;
  std::size_t moves_ = 0;
  std::size_t leavers_ = 0;
  BreakdownRecorder::Handles breakdowns_{};
  CohortRecorder::Handles cohorts_{};
  std::optional<std::size_t> school_changes_;
  std::optional<AttainmentRecorder::Handles> attainment_;
  std::optional<PoolRecorder::Handles> pool_;
  CostRecorder::Handles costs_{};
  std::optional<CaseloadMeasures::Handles> caseload_;
};

}  // namespace carecast::models
