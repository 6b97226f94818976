#pragma once
// Reads episode records from the generic CSV (docs/episode-formats.md).
//
// A header row is required; columns may come in any order:
//   child_id, birth_date, start, end, state, reason   (required)
//   school_change, sex                                (optional)
// Dates are YYYY-MM-DD; birth_date may be YYYY-MM (read as the 1st). `end` is empty while the
// episode is ongoing, and then `reason` is empty too. Otherwise `reason` is `moved` (a planned
// move), `breakdown_carer`, `breakdown_other`, `breakdown` (= breakdown_other) or the name of the
// exit state the child left to. State names are identifiers: [a-z_][a-z0-9_]*. school_change is
// 0 or 1, or empty when not recorded. Lines starting with '#' are comments.
//
// Every child's episodes then pass the checks of episode_checks.hpp. Strict: the first problem
// is an InputError naming the file, the line and the child. Lenient: children with a problem are
// dropped, and EpisodeData::warnings says how many, for each kind of problem.
#include <filesystem>
#include <optional>
#include <string_view>

#include "models/calibration/episode.hpp"

namespace carecast::models::calibration {

/// The words of the `reason` column that are not exit states.
namespace generic_reason {
inline constexpr std::string_view moved = "moved";
inline constexpr std::string_view breakdown_carer = "breakdown_carer";
inline constexpr std::string_view breakdown_other = "breakdown_other";
inline constexpr std::string_view breakdown = "breakdown";  // read as breakdown_other
}  // namespace generic_reason

/// True for a state name of the generic format: [a-z_][a-z0-9_]*.
bool is_state_identifier(std::string_view name);

/// Reads the file. `observed_until` defaults to the latest start or end date in the file.
EpisodeData read_generic_episodes(const std::filesystem::path& file, Strictness strictness,
                                  std::optional<engine::Date> observed_until = {});

}  // namespace carecast::models::calibration
