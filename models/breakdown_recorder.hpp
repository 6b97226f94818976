#pragma once
// Records how placements end:
//   breakdowns [interval][state][cause]           breakdowns by placement left and cause
//                                                  (carer_initiated, other)
//   placement_endings [interval][state][ending]   every end of a placement, by how it ended:
//                                                  breakdown, planned_move, left_care
// From these follow the breakdown rate per year and the share of placements (e.g. foster
// placements) that end in a breakdown.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/life_observer.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"
#include "models/exit_meaning.hpp"

namespace carecast::models {

enum class PlacementEnding : std::size_t { breakdown = 0, planned_move = 1, left_care = 2 };
inline constexpr std::size_t placement_endings = 3;

class BreakdownRecorder final : public engine::LifeObserver {
 public:
  struct Handles {
    std::size_t breakdowns, endings;
  };
  static Handles register_arrays(engine::TallyLayout& layout, std::size_t intervals, std::size_t states);

  BreakdownRecorder(const Scenario& scenario, const std::vector<ExitMeaning>& meanings,
                    const engine::ReportingGrid& grid, Handles handles, engine::Tally& tally);
  unsigned hooks() const override { return engine::hook_transition; }
  void on_arrival(engine::Individual&) override {}
  void on_stay(const engine::Individual&, double) override {}
  void on_transition(engine::Individual& child, int from, const engine::Exit* exit) override;

 private:
  const std::vector<ExitMeaning>& meanings_;
  const engine::ReportingGrid& grid_;
  std::size_t states_;
  std::vector<char> is_placement_;  // by state
  std::vector<char> is_exit_;       // by state
  // The arrays inside the replicate's tally (its storage never moves once built).
  std::int64_t* breakdowns_;
  std::int64_t* endings_;
};

}  // namespace carecast::models
