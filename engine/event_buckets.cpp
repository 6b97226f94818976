#include "engine/event_buckets.hpp"

#include <stdexcept>

namespace carecast::engine {

void EventBuckets::start_chunk(Bucket& bucket) {
  std::uint32_t chunk = new_chunk();
  if (bucket.last == no_chunk)
    bucket.first = chunk;
  else
    chunks_[bucket.last].next = chunk;
  bucket.last = chunk;
  bucket.in_last = 0;
}

void EventBuckets::drain_into(std::size_t bucket, std::vector<QueuedEvent>& out) {
  Bucket& b = buckets_[bucket];
  for (std::uint32_t chunk = b.first; chunk != no_chunk;) {
    const Chunk& c = chunks_[chunk];
    std::uint32_t next = c.next;
    std::uint32_t count = next == no_chunk ? b.in_last : chunk_events;
    if (next != no_chunk) prefetch_chunk(next);
    out.insert(out.end(), c.events, c.events + count);
    free(chunk);
    chunk = next;
  }
  b = Bucket{};
}

std::uint32_t EventBuckets::new_chunk() {
  if (free_chunk_ != no_chunk) {
    std::uint32_t chunk = free_chunk_;
    free_chunk_ = chunks_[chunk].next;
    chunks_[chunk].next = no_chunk;
    return chunk;
  }
  if (chunks_.size() >= no_chunk) throw std::length_error("event buckets: too many pending events");
  chunks_.emplace_back();
  return static_cast<std::uint32_t>(chunks_.size() - 1);
}

}  // namespace carecast::engine
