#include "output/sweep_write_queue.hpp"

#include <utility>

namespace carecast::output {

SweepWriteQueue::~SweepWriteQueue() {
  if (pending_.valid()) pending_.wait();
}

void SweepWriteQueue::write(std::size_t index, models::RunResult result) {
  wait();
  pending_ = std::async(std::launch::async, [this, index, result = std::move(result)] {
    writer_.add_combination(index, result);
  });
}

void SweepWriteQueue::wait() {
  if (pending_.valid()) pending_.get();
}

}  // namespace carecast::output
