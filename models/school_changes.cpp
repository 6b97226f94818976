#include "models/school_changes.hpp"

#include "models/domain_purpose.hpp"
#include "models/history_counter.hpp"

namespace carecast::models {

std::size_t SchoolChanges::register_array(engine::TallyLayout& layout, std::size_t intervals) {
  layout.label_axis("move_kind", {"entry", "planned_move", "breakdown", "return_home"});
  return layout.add_counts("school_changes", {intervals, move_kinds}, {"interval", "move_kind"});
}

SchoolChanges::SchoolChanges(Context context, std::size_t handle, engine::Tally& tally)
    : context_(context),
      returns_home_(context.school.return_home_state.begin(), context.school.return_home_state.end()),
      changes_(tally.counts(handle).data()) {
  for (const StateSpec& state : context.scenario.states) {
    is_exit_.push_back(state.kind == StateKind::exit);
    is_support_.push_back(state.kind == StateKind::support);
  }
}

void SchoolChanges::on_arrival(engine::Individual& child) {
  if (!is_support_[static_cast<std::size_t>(child.state)]) maybe_change_school(child, MoveKind::entry);
}

void SchoolChanges::on_transition(engine::Individual& child, int from, const engine::Exit* exit) {
  if (auto kind = kind_of(child, from, exit)) maybe_change_school(child, *kind);
}

std::optional<MoveKind> SchoolChanges::kind_of(const engine::Individual& child, int from,
                                               const engine::Exit* exit) const {
  auto state = static_cast<std::size_t>(child.state);
  if (is_support_[static_cast<std::size_t>(from)])
    return is_exit_[state] || is_support_[state] ? std::nullopt : std::optional(MoveKind::entry);
  if (returns_home_[state] || is_support_[state]) return MoveKind::return_home;
  if (is_exit_[state]) return std::nullopt;
  const ExitMeaning* meaning = meaning_of(exit, context_.meanings);
  if (meaning != nullptr && meaning->breakdown) return MoveKind::breakdown;
  return MoveKind::planned_move;
}

void SchoolChanges::maybe_change_school(engine::Individual& child, MoveKind kind) {
  double age = (child.entered - child.birth) / engine::days_per_year;
  if (!context_.school.ages.contains(age)) return;
  auto stream = engine::make_stream(context_.key, child.id, purpose_code(DomainPurpose::school_change), child.events);
  const auto& in_force = context_.school.policy_change_probability && child.entered >= 0.0
                             ? *context_.school.policy_change_probability
                             : context_.school.change_probability;
  if (engine::draw_uniform(stream) >= in_force[static_cast<std::size_t>(kind)]) return;
  auto& changes = child.history[static_cast<std::size_t>(HistoryCounter::school_changes)];
  if (changes < UINT16_MAX) changes += 1;
  std::size_t interval = context_.grid.interval_of(child.entered);
  if (interval < context_.grid.intervals())
    changes_[interval * move_kinds + static_cast<std::size_t>(kind)] += 1;
}

}  // namespace carecast::models
