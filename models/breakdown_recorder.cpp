#include "models/breakdown_recorder.hpp"

namespace carecast::models {

BreakdownRecorder::Handles BreakdownRecorder::register_arrays(engine::TallyLayout& layout,
                                                              std::size_t intervals, std::size_t states) {
  layout.label_axis("cause", {"carer_initiated", "other"});
  layout.label_axis("ending", {"breakdown", "planned_move", "left_care"});
  return {layout.add_counts("breakdowns", {intervals, states, breakdown_causes}, {"interval", "state", "cause"}),
          layout.add_counts("placement_endings", {intervals, states, placement_endings},
                            {"interval", "state", "ending"})};
}

BreakdownRecorder::BreakdownRecorder(const Scenario& scenario, const std::vector<ExitMeaning>& meanings,
                                     const engine::ReportingGrid& grid, Handles handles, engine::Tally& tally)
    : meanings_(meanings), grid_(grid), states_(scenario.states.size()),
      breakdowns_(tally.counts(handles.breakdowns).data()), endings_(tally.counts(handles.endings).data()) {
  for (const StateSpec& state : scenario.states) {
    is_placement_.push_back(state.kind == StateKind::placement);
    is_exit_.push_back(state.kind == StateKind::exit);
  }
}

void BreakdownRecorder::on_transition(engine::Individual& child, int from, const engine::Exit* exit) {
  auto left = static_cast<std::size_t>(from);
  if (!is_placement_[left]) return;
  std::size_t interval = grid_.interval_of(child.entered);
  if (interval >= grid_.intervals()) return;
  const ExitMeaning* meaning = meaning_of(exit, meanings_);
  PlacementEnding ending =
      is_exit_[static_cast<std::size_t>(child.state)] ? PlacementEnding::left_care : PlacementEnding::planned_move;
  if (meaning != nullptr && meaning->breakdown) {
    ending = PlacementEnding::breakdown;
    breakdowns_[(interval * states_ + left) * breakdown_causes + static_cast<std::size_t>(meaning->cause)] += 1;
  }
  endings_[(interval * states_ + left) * placement_endings + static_cast<std::size_t>(ending)] += 1;
}

}  // namespace carecast::models
