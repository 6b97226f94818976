#include "engine/replicate_runner.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_reduce.h>

#include <mutex>
#include <optional>

namespace carecast::engine {

namespace {

/// The reduction body: a tally and the observers writing into it.
class BlockReducer {
 public:
  BlockReducer(const ReplicateProgram& kernel, StreamKey key,
               const std::shared_ptr<const TallyLayout>& layout, const ObserverFactory& observers)
      : kernel_(kernel), key_(key), layout_(layout), observers_(observers), tally_(layout),
        observer_(observers(tally_, key)) {}
  BlockReducer(BlockReducer& other, tbb::split)
      : BlockReducer(other.kernel_, other.key_, other.layout_, other.observers_) {}

  void operator()(const tbb::blocked_range<std::size_t>& blocks) {
    for (std::size_t b = blocks.begin(); b != blocks.end(); ++b)
      kernel_.run_block(b, key_, *observer_);
  }
  void join(BlockReducer& right) {
    observer_->flush();
    right.observer_->flush();
    tally_.merge(right.tally_);
  }
  Tally take() {
    observer_->flush();
    return std::move(tally_);
  }

 private:
  const ReplicateProgram& kernel_;
  StreamKey key_;
  const std::shared_ptr<const TallyLayout>& layout_;
  const ObserverFactory& observers_;
  Tally tally_;
  std::unique_ptr<LifeObserver> observer_;
};

}  // namespace

ReplicateRunner::ReplicateRunner(KernelForReplicate kernels,
                                 std::shared_ptr<const TallyLayout> layout,
                                 ObserverFactory observers, TallyFinisher finish)
    : kernels_(std::move(kernels)), layout_(std::move(layout)), observers_(std::move(observers)),
      finish_(std::move(finish)) {}

Tally ReplicateRunner::run_one(std::size_t replicate, std::uint64_t seed) const {
  const ReplicateProgram& kernel = kernels_(replicate);
  BlockReducer reducer(kernel, StreamKey{seed, replicate}, layout_, observers_);
  tbb::parallel_deterministic_reduce(tbb::blocked_range<std::size_t>(0, kernel.blocks(), 1),
                                     reducer, tbb::simple_partitioner{});
  Tally tally = reducer.take();
  if (finish_) finish_(tally);
  return tally;
}

std::vector<Tally> ReplicateRunner::run(ReplicateRange range, std::uint64_t seed,
                                        const ProgressCallback& progress) const {
  std::vector<std::optional<Tally>> slots(range.size());
  std::mutex progress_mutex;
  std::size_t done = 0;
  tbb::parallel_for(std::size_t{0}, range.size(), [&](std::size_t i) {
    slots[i].emplace(run_one(range.first + i, seed));
    if (!progress) return;
    std::lock_guard lock(progress_mutex);
    progress(++done, range.size());
  });
  std::vector<Tally> tallies;
  tallies.reserve(slots.size());
  for (auto& slot : slots) tallies.push_back(std::move(*slot));
  return tallies;
}

}  // namespace carecast::engine
