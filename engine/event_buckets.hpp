#pragma once
// Unsorted buckets of queued events that share one pool of fixed-size chunks: appending is
// O(1) and never moves events, and a drained bucket's chunks are reused by the others, so the
// memory held is that of the events pending (plus one partly filled chunk per bucket).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/queued_event.hpp"

namespace carecast::engine {

class EventBuckets {
 public:
  explicit EventBuckets(std::size_t buckets) : buckets_(buckets) {}

  void append(std::size_t bucket, const QueuedEvent& event) {
    Bucket& b = buckets_[bucket];
    if (b.in_last == chunk_events) start_chunk(b);  // also for an empty bucket (see Bucket)
    chunks_[b.last].events[b.in_last++] = event;
  }
  /// Appends the bucket's events to `out` (in the order they came) and empties the bucket.
  void drain_into(std::size_t bucket, std::vector<QueuedEvent>& out);
  bool empty(std::size_t bucket) const { return buckets_[bucket].first == no_chunk; }

 private:
  static constexpr std::uint32_t chunk_events = 15;
  static constexpr std::uint32_t no_chunk = UINT32_MAX;
  struct Chunk {
    QueuedEvent events[chunk_events];
    std::uint32_t next = no_chunk;
  };
  struct Bucket {
    std::uint32_t first = no_chunk, last = no_chunk;
    std::uint32_t in_last = chunk_events;  // events in the last chunk (full when there is none)
  };

  void start_chunk(Bucket& bucket);
  std::uint32_t new_chunk();

  std::vector<Bucket> buckets_;
  std::vector<Chunk> chunks_;
  std::uint32_t free_chunk_ = no_chunk;  // chunks to reuse, linked by Chunk::next
};

}  // namespace carecast::engine
