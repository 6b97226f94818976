#pragma once
// Per entry cohort (the reporting year in which a child entered care), the distributions of
// placements, breakdowns and school changes per child, counted when the child leaves care or
// at the horizon, whichever comes first (so recent cohorts are still open):
//   cohort_children [year]
//   cohort_placements [year][count], cohort_breakdowns [year][count],
//   cohort_school_changes [year][count]     count 0, 1, ..., with the last bin "that many or more"
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/life_observer.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"

namespace carecast::models {

class CohortRecorder final : public engine::LifeObserver {
 public:
  static constexpr std::size_t bins = 7;  // 0 to 5, and 6 or more
  struct Handles {
    std::size_t children, placements, breakdowns, school_changes;
  };
  static Handles register_arrays(engine::TallyLayout& layout, std::size_t years);

  CohortRecorder(const engine::ReportingGrid& grid, Handles handles, engine::Tally& tally);
  unsigned hooks() const override { return engine::hook_stay; }
  void on_arrival(engine::Individual&) override {}
  void on_stay(const engine::Individual& child, double until) override;
  void on_transition(engine::Individual&, int, const engine::Exit*) override {}

 private:
  static void add(std::int64_t* counts, std::size_t year, std::size_t count);

  const engine::ReportingGrid& grid_;  // its reporting years
  // The arrays inside the replicate's tally (its storage never moves once built).
  std::int64_t* children_;
  std::int64_t* placements_;
  std::int64_t* breakdowns_;
  std::int64_t* school_changes_;
};

}  // namespace carecast::models
