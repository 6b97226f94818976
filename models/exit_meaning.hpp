#pragma once
// What an engine exit means in this domain: which scenario transition it comes from and, for a
// breakdown, which cause. An engine exit's tag indexes a table of these.
#include <cstddef>
#include <vector>

#include "engine/state_hazards.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

struct ExitMeaning {
  std::size_t transition = 0;  // index into Scenario::transitions
  bool breakdown = false;
  BreakdownCause cause = BreakdownCause::other;
};

/// The meaning of the exit a child took; null for ageing out and for the engine's own moves.
inline const ExitMeaning* meaning_of(const engine::Exit* exit, const std::vector<ExitMeaning>& meanings) {
  if (exit == nullptr || exit->tag >= meanings.size()) return nullptr;
  return &meanings[exit->tag];
}

}  // namespace carecast::models
