#pragma once
// A replicate whose children interact: through a resource pool (e.g. a finite number of foster
// families), through a shared load that feeds back on hazards (e.g. caseworkers' caseload), or
// both. All its events run on one queue in time order, ties broken by a fixed rule (time, then
// kind, then id), so the result depends on nothing but the seed: not on threads, ranks or
// memory. With a pool that never runs short and no feedback, every child follows exactly the
// path it follows in the independent kernel, because it draws from the same streams.
//
// The queue is a calendar of day buckets (calendar_queue.hpp); children live in a flat vector of
// slots reused through a free list, and queued events name their slot. Idle units' departures
// are not queued: the pool keeps them in order (idle_departures.hpp) and the replicate retires
// each one in its place among the queued events. Without a feedback, a child's events that
// neither touch the pool nor can be touched by it do not wait in the queue: they happen as soon
// as they are planned, and only the child's next event that may meet the pool is queued (see
// "running ahead" in the .cpp). At the horizon the children still in care are reported in the
// order of their ids.
#include <optional>

#include "engine/load_feedback.hpp"
#include "engine/replicate_kernel.hpp"
#include "engine/resource_pool.hpp"

namespace carecast::engine {

class InteractingReplicate final : public ReplicateProgram {
 public:
  InteractingReplicate(const ReplicateKernel& kernel, ResourcePoolSpec pool);
  /// A pool, a feedback, or both (at least one).
  InteractingReplicate(const ReplicateKernel& kernel, std::optional<ResourcePoolSpec> pool,
                       std::optional<LoadFeedbackSpec> feedback);

  std::size_t blocks() const override { return 1; }
  void run_block(std::size_t block, StreamKey key, LifeObserver& observer) const override;

 private:
  class Run;
  const ReplicateKernel& kernel_;
  ResourcePoolSpec pool_;  // without a pool: guards no state and never activates
  bool has_pool_ = false;
  std::optional<LoadFeedbackSpec> feedback_;
  Exit return_exit_;
};

}  // namespace carecast::engine
