#include "models/care_tally.hpp"

#include "models/leavers_recorder.hpp"

namespace carecast::models {

CareTally::CareTally(const CompiledScenario& compiled)
    : compiled_(compiled), layout_(std::make_shared<engine::TallyLayout>()) {
  std::size_t points = compiled.grid.points(), states = compiled.model.states();
  occupancy_ = engine::OccupancyRecorder::register_arrays(*layout_, points, states);
  exits_ = layout_->add_counts("exits", {points - 1, states}, {"interval", "state"});
  moves_ = layout_->add_counts("moves", {points - 1, states}, {"interval", "state"});
  leavers_ = LeaversRecorder::register_array(*layout_, compiled.grid.year_starts().size() - 1);
}

engine::ObserverFactory CareTally::observers() const {
  return [this](engine::Tally& tally) -> std::unique_ptr<engine::LifeObserver> {
    auto chain = std::make_unique<engine::ObserverChain>();
    chain->add(std::make_unique<engine::OccupancyRecorder>(compiled_.grid, compiled_.model.absorbing,
                                                           occupancy_, tally));
    chain->add(std::make_unique<LeaversRecorder>(compiled_.grid.year_starts(), compiled_.model.absorbing, leavers_, tally));
    return chain;
  };
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
}

}  // namespace carecast::models
