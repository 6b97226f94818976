#pragma once
// Runs replicates in parallel with oneTBB. Replicates are independent; within a replicate the
// kernel's blocks run in parallel too, and their tallies are merged by a deterministic
// reduction whose shape depends only on the number of blocks. Results are therefore
// bit-identical for any number of threads.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "engine/life_observer.hpp"
#include "engine/replicate_program.hpp"
#include "engine/tally.hpp"

namespace carecast::engine {

/// Creates the observers that record one share of a replicate into the given tally; the key is
/// the replicate's, for observers that make draws of their own.
using ObserverFactory = std::function<std::unique_ptr<LifeObserver>(Tally&, StreamKey)>;
/// Gives the program for a replicate (the same one, or one with that replicate's parameters).
using KernelForReplicate = std::function<const ReplicateProgram&(std::size_t replicate)>;
/// Completes a replicate's tally once all its blocks are merged.
using TallyFinisher = std::function<void(Tally&)>;
/// Told each time a replicate completes; may be called from any worker thread, one at a time.
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

struct ReplicateRange {
  std::size_t first = 0;
  std::size_t last = 0;  // one past the end
  std::size_t size() const { return last - first; }
};

class ReplicateRunner {
 public:
  ReplicateRunner(KernelForReplicate kernels, std::shared_ptr<const TallyLayout> layout,
                  ObserverFactory observers, TallyFinisher finish);

  /// Runs the replicates of `range` and returns their tallies in replicate order.
  std::vector<Tally> run(ReplicateRange range, std::uint64_t seed,
                         const ProgressCallback& progress = {}) const;
  Tally run_one(std::size_t replicate, std::uint64_t seed) const;

 private:
  KernelForReplicate kernels_;
  std::shared_ptr<const TallyLayout> layout_;
  ObserverFactory observers_;
  TallyFinisher finish_;
};

}  // namespace carecast::engine
