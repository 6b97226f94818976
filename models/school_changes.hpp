#pragma once
// School disruption: when a child of school age moves (enters care, moves placement, breaks
// down, returns home), it changes school with a probability that depends on the kind of move.
// In-home support (a state of kind support) is not a move away from home: entering it, and
// leaving it for anything but a placement, changes no school; moving from support into a
// placement is entering care; moving from a placement into support is a return home.
// The draw comes from the child's own stream for that event and purpose, so a policy that
// changes these probabilities changes school changes and nothing upstream of them.
//   school_changes [interval][move kind]   (entry, planned_move, breakdown, return_home)
// It writes the child's school-change counter, so it must come before observers that read it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/life_observer.hpp"
#include "engine/random_stream.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"
#include "models/exit_meaning.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

class SchoolChanges final : public engine::LifeObserver {
 public:
  struct Context {
    const SchoolSpec& school;
    const Scenario& scenario;
    const std::vector<ExitMeaning>& meanings;
    const engine::ReportingGrid& grid;
    engine::StreamKey key;
  };
  static std::size_t register_array(engine::TallyLayout& layout, std::size_t intervals);

  SchoolChanges(Context context, std::size_t handle, engine::Tally& tally);
  unsigned hooks() const override { return engine::hook_arrival | engine::hook_transition; }
  void on_arrival(engine::Individual& child) override;
  void on_stay(const engine::Individual&, double) override {}
  void on_transition(engine::Individual& child, int from, const engine::Exit* exit) override;

 private:
  std::optional<MoveKind> kind_of(const engine::Individual& child, int from, const engine::Exit* exit) const;
  void maybe_change_school(engine::Individual& child, MoveKind kind);

  Context context_;
  std::vector<char> returns_home_;  // by state: reaching it is a return home
  std::vector<char> is_exit_;       // by state
  std::vector<char> is_support_;    // by state
  std::int64_t* changes_;           // the array inside the replicate's tally (it never moves once built)
};

}  // namespace carecast::models
