#pragma once
// Records stock at grid points and flows per grid interval into a tally:
//   stock        [point][state]  children in each state at each grid date; for absorbing
//                                states, the children who reached it since the grid's start
//                                (reaching it during a warm-up does not count)
//   entries      [interval][state]        arrivals by first state
//   transitions  [interval][from][to]     every transition, ageing out included
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/life_observer.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"

namespace carecast::engine {

class OccupancyRecorder final : public LifeObserver {
 public:
  struct Handles {
    std::size_t stock, entries, transitions;
  };
  static Handles register_arrays(TallyLayout& layout, std::size_t points, std::size_t states);
  /// Turns the stock array from per-point increments into counts; call once per replicate.
  static void finalize(Tally& tally, Handles handles, std::size_t states);

  OccupancyRecorder(const ReportingGrid& grid, const std::vector<bool>& absorbing, Handles handles,
                    Tally& tally);
  void on_arrival(Individual& child) override;
  void on_stay(const Individual& child, double until) override;
  void on_transition(Individual& child, int from, const Exit* exit) override;

 private:
  const ReportingGrid& grid_;
  std::vector<char> absorbing_;  // per state (a copy: bytes are cheaper to read than bits)
  double grid_start_;
  std::size_t states_;
  Handles handles_;
  Tally& tally_;
  // The arrays inside tally_ (its storage never moves once built).
  std::int64_t* stock_;
  std::int64_t* entries_;
  std::int64_t* transitions_;
};

}  // namespace carecast::engine
