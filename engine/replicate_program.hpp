#pragma once
// The work of one replicate, cut into blocks that the runner may run in any order and merge.
#include <cstddef>

#include "engine/life_observer.hpp"
#include "engine/random_stream.hpp"

namespace carecast::engine {

class ReplicateProgram {
 public:
  virtual ~ReplicateProgram() = default;
  virtual std::size_t blocks() const = 0;
  virtual void run_block(std::size_t block, StreamKey key, LifeObserver& observer) const = 0;
};

}  // namespace carecast::engine
