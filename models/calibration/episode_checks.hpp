#pragma once
// Checks over episode records, shared by the generic and the SSDA903 readers.
//
// A reader parses its rows into Episodes, groups them by child (group_by_child), and passes each
// child's sorted episodes to first_problem. Every problem, whether found while parsing a row or
// by these checks, goes to a ProblemLog: in strict mode it is an InputError naming the file, the
// line and the child; in lenient mode the whole child is dropped and the problem counted, and
// the log turns the counts into one warning line per kind of problem.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "models/calibration/episode.hpp"

namespace carecast::models::calibration {

/// The kinds of problem first_problem finds. Each is a phrase that heads a lenient warning.
namespace problem_kind {
inline constexpr std::string_view end_before_start = "an episode ends before it starts";
inline constexpr std::string_view overlap = "two episodes overlap";
inline constexpr std::string_view move_not_followed =
    "a move or breakdown is not followed by an episode starting that day";
inline constexpr std::string_view after_ongoing = "an episode follows one that is still ongoing";
inline constexpr std::string_view birth_after_start = "the birth date is after the first episode starts";
inline constexpr std::string_view impossible_birth =
    "an impossible birth date (before 1900, or older than 25 at a start)";
inline constexpr std::string_view birth_differs = "the birth date differs between the child's rows";
inline constexpr std::string_view after_observation = "a date is after the end of observation";
}  // namespace problem_kind

/// Oldest age, in whole years, at which an episode may start (aftercare can run to 25).
inline constexpr int oldest_age_at_start = 25;

/// One problem in a child's records: its kind (see problem_kind), what was found and what was
/// expected (for the strict error), and the line it is on.
struct EpisodeProblem {
  std::string_view kind;
  std::string detail;
  std::size_t line = 0;
};

/// The first problem in one child's episodes, which must be sorted by start (then end); nothing
/// if they are sound. Episodes are contiguous while in care: a move or breakdown must be followed
/// by an episode starting on its end date.
std::optional<EpisodeProblem> first_problem(std::span<const Episode> episodes,
                                            engine::Date observed_until);

/// True for the endings that lead into another episode (planned moves and breakdowns).
bool ends_in_move(const Episode& episode);

/// Episodes grouped by child: each child's episodes together, children in order of first
/// appearance, and each child's episodes by start (then by end, ongoing last, then file order).
struct ChildGroups {
  std::vector<Episode> episodes;
  std::vector<std::size_t> source;  // for each grouped episode, its index in the input
  std::vector<std::size_t> begin;   // child k holds episodes [begin[k], begin[k + 1])

  std::size_t children() const { return begin.empty() ? 0 : begin.size() - 1; }
  std::span<Episode> child(std::size_t k) {
    return {episodes.data() + begin[k], episodes.data() + begin[k + 1]};
  }
};

ChildGroups group_by_child(std::vector<Episode> episodes);

/// A hash for tables keyed by std::string that are searched with a std::string_view.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

/// The problems of one reading. Strict: report() throws an InputError at the file and line,
/// naming the child. Lenient: report() drops the child and counts it once, under the kind of
/// its first problem.
class ProblemLog {
 public:
  ProblemLog(std::filesystem::path file, Strictness strictness);

  void report(const EpisodeProblem& problem, std::string_view child);
  /// The same, for a problem in another file read with this one (e.g. SSDA903's header file).
  void report(const std::filesystem::path& file, const EpisodeProblem& problem, std::string_view child);

  bool dropped(std::string_view child) const;
  Strictness strictness() const { return strictness_; }
  /// One line per kind of problem, in order of first occurrence, e.g. "12 children dropped: an
  /// episode ends before it starts (first: line 88, child C0042)".
  std::vector<std::string> warnings() const;

 private:
  struct Tally {
    std::string_view kind;
    std::size_t children = 0;
    std::string first_file;  // empty when it is the log's own file
    std::size_t first_line = 0;
    std::string first_child;
  };
  std::filesystem::path file_;
  Strictness strictness_;
  std::vector<Tally> tallies_;
  std::unordered_set<std::string, TextHash, std::equal_to<>> dropped_;
};

/// Checks each child of `groups` with first_problem and returns, in order, the episodes of the
/// children that pass and were not dropped while their rows were read.
std::vector<Episode> keep_sound_children(ChildGroups groups, engine::Date observed_until,
                                         ProblemLog& log);

/// Refuses records without a single episode, which would calibrate nothing and have no end of
/// observation: an InputError at `file`. It says that the file holds no records, then `expected`
/// (what a record looks like); or, when lenient reading dropped every child, why (`log`).
void require_episodes(std::span<const Episode> episodes, const std::filesystem::path& file,
                      std::string_view expected, const ProblemLog& log);

/// The latest start or end date among the episodes (the default end of observation).
engine::Date latest_date(std::span<const Episode> episodes);

}  // namespace carecast::models::calibration
