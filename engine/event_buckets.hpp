#pragma once
// Unsorted buckets of queued events that share one pool of fixed-size chunks: appending is
// O(1) and never moves events, and a drained bucket's chunks are reused by the others, so the
// memory held is that of the events pending (plus one partly filled chunk per bucket).
//
// Chunks are large (about 1.5 KiB) because a bucket of far-future events is read long after it
// was written, from memory: each chunk costs a miss that waits on the link to it, and within a
// chunk the reads run in sequence, which the processor fetches ahead.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/prefetch.hpp"
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
  /// Empties the bucket, handing its events to `take(events, count)` a chunk at a time, in the
  /// order they came. `take` may append to any bucket: each chunk is copied out and freed
  /// before it is taken, so those appends reuse the chunks just read, still in cache.
  template <class Take>
  void drain(std::size_t bucket, Take take) {
    Bucket b = buckets_[bucket];
    buckets_[bucket] = Bucket{};
    QueuedEvent taken[chunk_events];
    for (std::uint32_t chunk = b.first; chunk != no_chunk;) {
      std::uint32_t next = chunks_[chunk].next;
      std::uint32_t count = next == no_chunk ? b.in_last : chunk_events;
      if (next != no_chunk) prefetch_chunk(next);
      std::copy(chunks_[chunk].events, chunks_[chunk].events + count, taken);
      free(chunk);
      take(static_cast<const QueuedEvent*>(taken), count);
      chunk = next;
    }
  }
  bool empty(std::size_t bucket) const { return buckets_[bucket].first == no_chunk; }

 private:
  static constexpr std::uint32_t chunk_events = 63;
  static constexpr std::uint32_t no_chunk = UINT32_MAX;
  struct Chunk {
    std::uint32_t next = no_chunk;  // first: read before the events, to fetch the next chunk early
    QueuedEvent events[chunk_events];
  };
  struct Bucket {
    std::uint32_t first = no_chunk, last = no_chunk;
    std::uint32_t in_last = chunk_events;  // events in the last chunk (full when there is none)
  };

  void start_chunk(Bucket& bucket);
  std::uint32_t new_chunk();
  void free(std::uint32_t chunk) {
    chunks_[chunk].next = free_chunk_;
    free_chunk_ = chunk;
  }
  /// Starts loading a chunk's first lines (the processor fetches the rest as they are read).
  void prefetch_chunk(std::uint32_t chunk) const {
    const char* at = reinterpret_cast<const char*>(&chunks_[chunk]);
    prefetch(at);
    prefetch(at + 64);
    prefetch(at + 128);
    prefetch(at + 192);
  }

  std::vector<Bucket> buckets_;
  std::vector<Chunk> chunks_;
  std::uint32_t free_chunk_ = no_chunk;  // chunks to reuse, linked by Chunk::next
};

}  // namespace carecast::engine
