#pragma once
// The foster-carer pool over time:
//   carer_pool [time][measure]          on each grid date: families, of which free, and
//                                       children waiting in the fallback for a family
//   carer_pool_flows [interval][flow]   children diverted to the fallback, and moved back
#include <cstddef>
#include <cstdint>

#include "engine/life_observer.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"

namespace carecast::models {

class PoolRecorder final : public engine::LifeObserver {
 public:
  static constexpr std::size_t measures = 3;  // families, free, waiting
  static constexpr std::size_t flows = 2;     // diverted, returned
  struct Handles {
    std::size_t census, flows;
  };
  static Handles register_arrays(engine::TallyLayout& layout, std::size_t points);

  PoolRecorder(const engine::ReportingGrid& grid, Handles handles, engine::Tally& tally);
  unsigned hooks() const override { return 0; }  // pool changes only
  void on_arrival(engine::Individual&) override {}
  void on_stay(const engine::Individual&, double) override {}
  void on_transition(engine::Individual&, int, const engine::Exit*) override {}
  void on_pool_change(double time, const engine::PoolCensus& census) override;

 private:
  const engine::ReportingGrid& grid_;
  // The arrays inside the replicate's tally (its storage never moves once built).
  std::int64_t* census_;
  std::int64_t* flows_;
  engine::PoolCensus current_;
  std::size_t next_point_ = 0;
};

}  // namespace carecast::models
