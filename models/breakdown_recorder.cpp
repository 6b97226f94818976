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
    : scenario_(scenario), meanings_(meanings), grid_(grid), handles_(handles), tally_(tally) {}

void BreakdownRecorder::on_transition(engine::Individual& child, int from, const engine::Exit* exit) {
  auto left = static_cast<std::size_t>(from);
  if (scenario_.states[left].kind != StateKind::placement) return;
  std::size_t interval = grid_.interval_of(child.entered);
  if (interval >= grid_.intervals()) return;
  std::size_t states = scenario_.states.size();
  const ExitMeaning* meaning = meaning_of(exit, meanings_);
  PlacementEnding ending = scenario_.is_exit(child.state) ? PlacementEnding::left_care : PlacementEnding::planned_move;
  if (meaning != nullptr && meaning->breakdown) {
    ending = PlacementEnding::breakdown;
    tally_.counts(handles_.breakdowns)[(interval * states + left) * breakdown_causes +
                                       static_cast<std::size_t>(meaning->cause)] += 1;
  }
  tally_.counts(handles_.endings)[(interval * states + left) * placement_endings +
                                  static_cast<std::size_t>(ending)] += 1;
}

}  // namespace carecast::models
