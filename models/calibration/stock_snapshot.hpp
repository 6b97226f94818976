#pragma once
// The children in care on a date, from episode records, as the snapshot table a scenario starts
// from: age, state, days in the state and in care, and the history counters of the child's
// current spell in care (placements, breakdowns, school changes up to the date). This is how a
// back-test starts its simulation from the stock on the cut date.
#include <filesystem>

#include "engine/calendar.hpp"
#include "models/calibration/episode.hpp"
#include "models/scenario/snapshot_table.hpp"

namespace carecast::models::calibration {

/// Every child with an episode open on `date` (started on or before it, not ended by it), one
/// row each, in the order of the episode data. A spell is a run of contiguous episodes.
SnapshotTable stock_snapshot(const EpisodeData& data, engine::Date date);

/// Writes the table in the snapshot CSV format (columns age, state, days_in_state, days_in_care,
/// placements, breakdowns, school_changes); throws FileWriteError (text_file_writer.hpp).
void write_snapshot_csv(const SnapshotTable& table, const std::filesystem::path& file);

}  // namespace carecast::models::calibration
