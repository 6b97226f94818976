#pragma once
// A child already in care at the start, before its exact age is drawn.
#include <array>
#include <cstdint>

#include "engine/individual.hpp"

namespace carecast::engine {

struct InitialChild {
  double min_age_days = 0.0;  // exact age at the start is uniform on [min, max) (and >= days in state)
  double max_age_days = 0.0;
  int state = 0;
  double days_in_state = 0.0;
  double days_in_care = 0.0;  // since it entered care (>= days_in_state); sets Individual::arrived
  std::array<std::uint16_t, history_counters> history{};
};

}  // namespace carecast::engine
