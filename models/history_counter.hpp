#pragma once
// What the engine's generic per-child history counters mean in this domain.
#include <cstddef>

namespace carecast::models {

enum class HistoryCounter : std::size_t { placements = 0, breakdowns = 1, school_changes = 2 };

constexpr int counter_index(HistoryCounter counter) { return static_cast<int>(counter); }

}  // namespace carecast::models
