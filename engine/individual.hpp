#pragma once
// One simulated child, as the engine sees it: an id, dates, a state and counters whose meaning
// belongs to the domain.
#include <array>
#include <cstdint>

namespace carecast::engine {

inline constexpr std::size_t history_counters = 4;

struct Individual {
  std::uint64_t id = 0;
  double birth = 0.0;    // day offset of birth
  double arrived = 0.0;  // day offset at which it entered the system (care)
  double entered = 0.0;  // day offset at which the current state began
  int state = 0;
  std::uint32_t events = 0;  // this child's own event number, which counts its random draws
  std::array<std::uint16_t, history_counters> history{};
};

}  // namespace carecast::engine
