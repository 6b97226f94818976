#pragma once
// The children in care on the start date, from a CSV with columns age, state, days_in_state
// and optionally days_in_care (default: days_in_state), count (rows standing for several
// children) and the history counters placements, breakdowns, school_changes.
#include <filesystem>
#include <string>
#include <vector>

namespace carecast::models {

/// The most children a snapshot may hold, over all its rows' counts. Each child becomes a 48-byte
/// InitialChild in every compiled model (one per replicate under parameter uncertainty), and an
/// interacting replicate holds a live slot (32-bit index) for each, so a count in the billions
/// would end the run with an out-of-memory failure. Ten million is far above any country's
/// children in care.
inline constexpr long max_snapshot_children = 10'000'000;

struct SnapshotRow {
  int line = 0;
  int age = 0;  // whole years on the start date
  std::string state;
  double days_in_state = 0.0;
  double days_in_care = 0.0;  // when not given, days_in_state
  long count = 1;
  int placements = 0;
  int breakdowns = 0;
  int school_changes = 0;
};

struct SnapshotTable {
  std::filesystem::path file;
  std::vector<SnapshotRow> rows;

  static SnapshotTable read_csv(const std::filesystem::path& file);
  long children() const;
};

}  // namespace carecast::models
