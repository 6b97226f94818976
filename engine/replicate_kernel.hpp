#pragma once
// One replicate: every child of the initial stock and every arrival is followed from its start
// to the horizon. Without interactions, children are independent, so the work is cut into
// fixed blocks (chunks of the initial stock, runs of arrival days) that may run in any order
// or in parallel and still give the same result.
#include <cstddef>
#include <vector>

#include "engine/arrival_schedule.hpp"
#include "engine/initial_child.hpp"
#include "engine/life_observer.hpp"
#include "engine/multistate_model.hpp"
#include "engine/random_stream.hpp"

namespace carecast::engine {

struct KernelSpan {
  long first_arrival_day = 0;  // negative: arrivals before the start warm the stock up
  double horizon = 0.0;        // day offset where simulation stops
};

class ReplicateKernel {
 public:
  static constexpr std::size_t initial_children_per_block = 2048;
  static constexpr long arrival_days_per_block = 61;

  ReplicateKernel(const MultistateModel& model, const ArrivalSchedule& arrivals,
                  const std::vector<InitialChild>& initial, KernelSpan span);

  std::size_t blocks() const { return initial_blocks_ + arrival_blocks_; }
  void run_block(std::size_t block, StreamKey key, LifeObserver& observer) const;
  /// Follows one child from `from` until it is absorbed or the horizon is reached.
  void follow(Individual child, double from, StreamKey key, LifeObserver& observer) const;
  const MultistateModel& model() const { return model_; }

 private:
  void run_initial_block(std::size_t block, StreamKey key, LifeObserver& observer) const;
  void run_arrival_block(std::size_t block, StreamKey key, LifeObserver& observer) const;
  void move(Individual& child, int to, double time, const Exit* exit, LifeObserver& observer) const;

  const MultistateModel& model_;
  const ArrivalSchedule& arrivals_;
  const std::vector<InitialChild>& initial_;
  KernelSpan span_;
  std::size_t initial_blocks_ = 0;
  std::size_t arrival_blocks_ = 0;
};

/// Draws the exact age of an initial-stock child (row `row`) and returns it as an individual.
Individual materialize_initial_child(const InitialChild& spec, std::size_t row, StreamKey key);

}  // namespace carecast::engine
