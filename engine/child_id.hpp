#pragma once
// Deterministic child ids: derived from what a child is (the day and group of its arrival and
// its index among that day's arrivals, or its row in the initial stock), never from a counter
// shared between threads.
#include <cstddef>
#include <cstdint>

namespace carecast::engine {

inline constexpr std::size_t max_arrival_groups = 1u << 12;
inline constexpr std::size_t max_arrivals_per_day_and_group = 1u << 12;
inline constexpr long day_bias = 1L << 31;

inline std::uint64_t arrival_cell_key(long day, std::size_t group) {
  return (static_cast<std::uint64_t>(day + day_bias) << 12) | group;
}

inline std::uint64_t arrival_child_id(long day, std::size_t group, std::size_t index) {
  return (arrival_cell_key(day, group) << 12) | index;
}

inline std::uint64_t initial_child_id(std::size_t row) {
  return (std::uint64_t{1} << 62) | static_cast<std::uint64_t>(row);
}

}  // namespace carecast::engine
