#pragma once
// Episode records: one row per stretch of time a child spent in one state, as the calibration
// reads them (generic CSV, or England's SSDA903 after mapping) and as `run` writes them back.
//
// A child's episodes are contiguous while the child stays in care: an episode that ends in a
// move or a breakdown is followed by the next episode starting on the same day. An episode that
// ends in an exit names the exit state; the child may re-enter later with a new episode.
#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.hpp"

namespace carecast::models::calibration {

/// How an episode ended.
enum class EpisodeEnding {
  ongoing,          // still open on the extract date (end empty)
  exit,             // left care (or support) to `exit_state`
  planned_move,     // moved to the next episode's state, as planned
  breakdown_carer,  // an unplanned end, initiated by the carer
  breakdown_other,  // an unplanned end, other causes (or cause not recorded)
};

struct Episode {
  std::string child;                  // the child's id as the file gives it
  engine::Date birth{};               // a birth month is read as the 1st of that month
  engine::Date start{};
  std::optional<engine::Date> end;    // empty while ongoing
  std::string state;                  // a state name of the model
  EpisodeEnding ending = EpisodeEnding::ongoing;
  std::string exit_state;             // the exit state, when ending == exit
  std::optional<bool> school_change;  // a school change at this episode's start, if recorded
  std::string sex;                    // optional attribute ("" when not given)
  std::size_t line = 0;               // the line in the source file (1-based; 0 if simulated)
};

/// All episodes of one file, ordered by child (in order of first appearance) and then by start.
struct EpisodeData {
  std::filesystem::path file;
  std::vector<Episode> episodes;
  /// Data are observed up to and including this date: ongoing episodes are censored here.
  engine::Date observed_until{};
  /// The records have a school_change field (generic CSV with that column, simulated episodes),
  /// even if it is empty; SSDA903 records never have one.
  bool has_school_change_column = false;
  /// Lenient mode only: one line per kind of problem, with its count ("3 episodes end before
  /// they start; dropped").
  std::vector<std::string> warnings;
};

/// The earliest start of any episode; observed_until when there are none.
inline engine::Date earliest_start(const EpisodeData& data) {
  engine::Date first = data.episodes.empty() ? data.observed_until : data.episodes.front().start;
  for (const Episode& e : data.episodes) first = std::min(first, e.start);
  return first;
}

/// Strict: a problem is an InputError naming the file, the line and the child.
/// Lenient: problem rows (or children) are dropped and counted in EpisodeData::warnings.
enum class Strictness { strict, lenient };

}  // namespace carecast::models::calibration
