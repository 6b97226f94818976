#pragma once
// One event in an interacting replicate's queue. Events run in order of time, then kind, then
// id: `order` holds the kind in its top bits and the id below, so that one comparison of
// (time, order) gives that order.
#include <cstdint>

namespace carecast::engine {

struct QueuedEvent {
  double time = 0.0;
  std::uint64_t order = 0;
  std::uint32_t target = 0;   // what the event acts on (a child's slot, a unit)
  std::uint32_t version = 0;  // the target's version when queued: older ones are stale

  static constexpr int id_bits = 61;
  static constexpr std::uint64_t max_id = (std::uint64_t{1} << id_bits) - 1;
  static std::uint64_t order_of(int kind, std::uint64_t id) {
    return (static_cast<std::uint64_t>(kind) << id_bits) | id;
  }
  int kind() const { return static_cast<int>(order >> id_bits); }
  std::uint64_t id() const { return order & max_id; }
  bool operator<(const QueuedEvent& other) const {
    return time < other.time || (time == other.time && order < other.order);
  }
};

}  // namespace carecast::engine
