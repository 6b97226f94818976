#pragma once
// What a CSV table must be before its lines are read: a file of text lines. The parser stops a
// line at a NUL byte and splits lines only at LF, so a NUL would silently cut a cell short and a
// file with old-Mac line endings (CR alone) would read as one long header line.
#include <filesystem>

namespace carecast::models {

/// Throws an InputError naming the file, the line and the column of the first byte that a table
/// of text lines must not hold: a NUL, or a CR that does not end a CRLF line. A file that cannot
/// be opened is left for the reader to report.
void require_text_lines(const std::filesystem::path& file);

}  // namespace carecast::models
