#pragma once
// One replicate: every child of the initial stock and every arrival is followed from its start
// to the horizon. Without interactions, children are independent, so the work is cut into
// fixed blocks (chunks of the initial stock, runs of arrival days) that may run in any order
// or in parallel and still give the same result.
#include <cstddef>
#include <optional>
#include <vector>

#include "engine/arrival_schedule.hpp"
#include "engine/initial_child.hpp"
#include "engine/life_observer.hpp"
#include "engine/multistate_model.hpp"
#include "engine/random_stream.hpp"
#include "engine/replicate_program.hpp"

namespace carecast::engine {

/// A child's next move as sampled: when, where to, and by which exit (null: ageing out).
struct PlannedMove {
  double time = 0.0;
  int to = 0;
  const Exit* exit = nullptr;
};

/// Moves the child to `to` at `time`: reports the stay that ends, updates state, clock, event
/// number and the counter the exit increments, then reports the transition.
void apply_move(Individual& child, int to, double time, const Exit* exit, LifeObserver& observer);

struct KernelSpan {
  long first_arrival_day = 0;  // negative: arrivals before the start warm the stock up
  double horizon = 0.0;        // day offset where simulation stops
};

class ReplicateKernel final : public ReplicateProgram {
 public:
  static constexpr std::size_t initial_children_per_block = 2048;
  static constexpr long arrival_days_per_block = 61;
  /// Initial-stock children whose first draws are computed together.
  static constexpr std::size_t initial_children_per_batch = 32;

  ReplicateKernel(const MultistateModel& model, const ArrivalSchedule& arrivals,
                  const std::vector<InitialChild>& initial, KernelSpan span);

  std::size_t blocks() const override { return initial_blocks_ + arrival_blocks_; }
  void run_block(std::size_t block, StreamKey key, LifeObserver& observer) const override;
  /// Follows one child from `from` until it is absorbed or the horizon is reached.
  void follow(Individual child, double from, StreamKey key, LifeObserver& observer) const;
  /// The same, with the child's transition stream for its current event number made already.
  void follow(Individual child, double from, StreamKey key, LifeObserver& observer, RandomStream first) const;
  /// The child's next move after `from` (a transition, or ageing out), or nothing before the
  /// horizon. Draws only from the child's own stream for its current event number.
  std::optional<PlannedMove> plan_next(const Individual& child, double from, StreamKey key) const;
  /// The same, drawing from `stream`, which must be that stream.
  std::optional<PlannedMove> plan_next(const Individual& child, double from, RandomStream& stream) const;
  const ArrivalSchedule& arrivals() const { return arrivals_; }
  const std::vector<InitialChild>& initial() const { return initial_; }
  const KernelSpan& span() const { return span_; }
  const MultistateModel& model() const { return model_; }
  bool absorbing(int state) const { return absorbing_[static_cast<std::size_t>(state)] != 0; }

 private:
  void run_initial_block(std::size_t block, StreamKey key, LifeObserver& observer) const;
  void run_arrival_block(std::size_t block, StreamKey key, LifeObserver& observer) const;

  const MultistateModel& model_;
  std::vector<char> absorbing_;  // per state: the model's flags as bytes (cheaper to read than bits)
  const ArrivalSchedule& arrivals_;
  const std::vector<InitialChild>& initial_;
  KernelSpan span_;
  std::size_t initial_blocks_ = 0;
  std::size_t arrival_blocks_ = 0;
};

/// Draws the exact age of an initial-stock child (row `row`) and returns it as an individual.
Individual materialize_initial_child(const InitialChild& spec, std::size_t row, StreamKey key);
/// The same, drawing from `profile`, which must be the child's initial-profile stream.
Individual materialize_initial_child(const InitialChild& spec, std::size_t row, RandomStream profile);

}  // namespace carecast::engine
