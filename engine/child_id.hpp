#pragma once
// Deterministic child ids: derived from what a child is (the day and group of its arrival and
// its index among that day's arrivals, or its row in the initial stock), never from a counter
// shared between threads.
#include <cstddef>
#include <cstdint>

namespace carecast::engine {

// Layout of an arrival's id: 32 bits of day, 12 bits of group key, 16 bits of index (60 bits);
// initial-stock ids set bit 62, so the two never meet.
inline constexpr std::size_t max_arrival_groups = 1u << 12;
inline constexpr std::size_t max_arrivals_per_day_and_group = 1u << 16;
inline constexpr long day_bias = 1L << 31;

/// `group_key` is the group's stable identity (e.g. its age), not its position in a list, so
/// that adding or removing another group does not change this group's children.
inline std::uint64_t arrival_cell_key(long day, std::size_t group_key) {
  return (static_cast<std::uint64_t>(day + day_bias) << 12) | group_key;
}

inline std::uint64_t arrival_child_id(long day, std::size_t group_key, std::size_t index) {
  return (arrival_cell_key(day, group_key) << 16) | index;
}

inline std::uint64_t initial_child_id(std::size_t row) {
  return (std::uint64_t{1} << 62) | static_cast<std::uint64_t>(row);
}

}  // namespace carecast::engine
