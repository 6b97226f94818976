#pragma once
// Records, for each reporting year, how many of the children in care on the year's first day
// left care (reached an exit state) before the next year began: the Danish statistic "left
// care within a year, of those in care on 1 January". The denominator is the stock on that
// day, which the stock array holds.
//   left_within_year [year]
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/life_observer.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"

namespace carecast::models {

class LeaversRecorder final : public engine::LifeObserver {
 public:
  /// Counts by the reporting years of `grid`.
  static std::size_t register_array(engine::TallyLayout& layout, std::size_t years);

  LeaversRecorder(const engine::ReportingGrid& grid, const std::vector<bool>& absorbing,
                  std::size_t handle, engine::Tally& tally);
  unsigned hooks() const override { return engine::hook_transition; }
  void on_arrival(engine::Individual&) override {}
  void on_stay(const engine::Individual&, double) override {}
  void on_transition(engine::Individual& child, int from, const engine::Exit* exit) override;

 private:
  const engine::ReportingGrid& grid_;  // its reporting years
  std::vector<char> absorbing_;  // by state (a copy: bytes are cheaper to read than bits)
  std::int64_t* left_;           // the array inside the replicate's tally (it never moves once built)
};

}  // namespace carecast::models
