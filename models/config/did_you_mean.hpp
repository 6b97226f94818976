#pragma once
// Suggests the known name closest to a misspelt one.
#include <optional>
#include <string>
#include <vector>

namespace carecast::models {

/// The candidate with the smallest edit distance to `word`, if that distance is small enough
/// to be a likely typo (at most a third of the word's length, and at least 1 allowed).
std::optional<std::string> closest_name(const std::string& word,
                                        const std::vector<std::string>& candidates);

/// For the columns of a table: the closest_name ignoring case or, failing that, the first
/// candidate that has `word` as one of its words (separated by _) or is one of word's words:
/// 'child' for 'child_id', 'start_date' for 'start'.
std::optional<std::string> closest_column_name(const std::string& word,
                                               const std::vector<std::string>& candidates);

}  // namespace carecast::models
