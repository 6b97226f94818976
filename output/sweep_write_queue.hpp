#pragma once
// Writes a sweep's combinations on a thread of its own, so that writing one combination's
// result (compressing and summarising its replicates, single-threaded) overlaps with simulating
// the next. One write at a time and in the order given, so the file is the same as when the
// combinations are written in turn; at most two results are held in memory (the one being
// written and the one being simulated).
#include <cstddef>
#include <future>

#include "models/run_result.hpp"
#include "output/sweep_writer.hpp"

namespace carecast::output {

class SweepWriteQueue {
 public:
  explicit SweepWriteQueue(SweepWriter& writer) : writer_(writer) {}
  /// Waits for a write still under way (without rethrowing its failure: this runs only when
  /// something else has failed already).
  ~SweepWriteQueue();
  SweepWriteQueue(const SweepWriteQueue&) = delete;
  SweepWriteQueue& operator=(const SweepWriteQueue&) = delete;

  /// Waits for the previous write (rethrowing its failure), then starts writing `result` as
  /// combination `index` and returns.
  void write(std::size_t index, models::RunResult result);
  /// Waits for the last write; rethrows its failure.
  void wait();

 private:
  SweepWriter& writer_;
  std::future<void> pending_;
};

}  // namespace carecast::output
