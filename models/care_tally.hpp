#pragma once
// The aggregates a replicate of a care scenario records, and how they are completed:
//   stock [time][state], entries [interval][state], transitions [interval][from][to]
//   (from the engine's occupancy recorder), plus
//   exits [interval][state]: children reaching each exit state (by exit state), and
//   moves [interval][state]: moves out of each state into a non-exit state (by state left),
//   left_within_year [year]: of the children in care on each year's first day, those who
//   left care within that year (see LeaversRecorder).
#include <memory>
#include <vector>

#include "engine/occupancy_recorder.hpp"
#include "engine/replicate_runner.hpp"
#include "engine/tally.hpp"
#include "models/model_builder.hpp"

namespace carecast::models {

class CareTally {
 public:
  explicit CareTally(const CompiledScenario& compiled);

  std::shared_ptr<const engine::TallyLayout> layout() const { return layout_; }
  engine::ObserverFactory observers() const;
  engine::TallyFinisher finisher() const;

 private:
  void finish(engine::Tally& tally) const;

  const CompiledScenario& compiled_;
  std::shared_ptr<engine::TallyLayout> layout_;
  engine::OccupancyRecorder::Handles occupancy_{};
  std::size_t exits_ = 0;
  std::size_t moves_ = 0;
  std::size_t leavers_ = 0;
};

}  // namespace carecast::models
