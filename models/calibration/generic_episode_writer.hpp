#pragma once
// Writes episode records as the generic CSV, the exact inverse of read_generic_episodes: reading
// what it writes gives back the same episodes (the `line` field then counts from the header on
// line 1). All eight columns are written, in the order child_id, birth_date, start, end, state,
// reason, school_change, sex; a field is quoted when it holds a comma, a quote, surrounding
// blanks or a leading '#'.
//
// An episode the reader could not read back (a state or exit state that is not an identifier,
// an exit state named like a move or breakdown, an end without an ending or the reverse, a line
// break in a field) is a std::invalid_argument naming the child.
#include <filesystem>
#include <ostream>
#include <span>

#include "models/calibration/episode.hpp"

namespace carecast::models::calibration {

void write_generic_episodes(std::ostream& out, std::span<const Episode> episodes);

/// Writes the file (replacing any file of that name); throws FileWriteError (text_file_writer.hpp),
/// with the system's reason, if it cannot.
void write_generic_episodes(const std::filesystem::path& file, std::span<const Episode> episodes);
void write_generic_episodes(const std::filesystem::path& file, const EpisodeData& data);

}  // namespace carecast::models::calibration
