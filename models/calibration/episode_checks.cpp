#include "models/calibration/episode_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "models/config/input_error.hpp"

namespace carecast::models::calibration {

namespace {

using engine::Date;
using engine::format_iso_date;

constexpr Date earliest_birth{std::chrono::year{1900}, std::chrono::January, std::chrono::day{1}};

int whole_years(const Date& birth, const Date& on) {
  int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --years;
  return years;
}

std::optional<EpisodeProblem> birth_problem(std::span<const Episode> episodes) {
  const Episode& first = episodes.front();
  for (const Episode& episode : episodes)
    if (episode.birth != first.birth)
      return EpisodeProblem{problem_kind::birth_differs,
                            fmt::format("the birth date {} differs from {} on line {}; expected one "
                                        "birth date per child",
                                        format_iso_date(episode.birth), format_iso_date(first.birth),
                                        first.line),
                            episode.line};
  if (first.birth < earliest_birth)
    return EpisodeProblem{problem_kind::impossible_birth,
                          fmt::format("the birth date {} is before 1900", format_iso_date(first.birth)),
                          first.line};
  if (first.birth > first.start)
    return EpisodeProblem{problem_kind::birth_after_start,
                          fmt::format("the birth date {} is after the first episode's start {}; "
                                      "expected a birth on or before the start",
                                      format_iso_date(first.birth), format_iso_date(first.start)),
                          first.line};
  for (const Episode& episode : episodes)
    if (whole_years(episode.birth, episode.start) > oldest_age_at_start)
      return EpisodeProblem{problem_kind::impossible_birth,
                            fmt::format("born {}, the child is {} at the start {}; expected at most {}",
                                        format_iso_date(episode.birth),
                                        whole_years(episode.birth, episode.start),
                                        format_iso_date(episode.start), oldest_age_at_start),
                            episode.line};
  return std::nullopt;
}

std::optional<EpisodeProblem> own_problem(const Episode& episode, const Date& observed_until) {
  if (episode.end && *episode.end < episode.start)
    return EpisodeProblem{problem_kind::end_before_start,
                          fmt::format("the end {} is before the start {}; expected an end on or after "
                                      "the start",
                                      format_iso_date(*episode.end), format_iso_date(episode.start)),
                          episode.line};
  Date last = episode.end.value_or(episode.start);
  if (last > observed_until)
    return EpisodeProblem{problem_kind::after_observation,
                          fmt::format("the date {} is after the end of observation {}; expected no "
                                      "date after it",
                                      format_iso_date(last), format_iso_date(observed_until)),
                          episode.line};
  return std::nullopt;
}

std::optional<EpisodeProblem> sequence_problem(const Episode& before, const Episode& after) {
  if (!before.end)
    return EpisodeProblem{problem_kind::after_ongoing,
                          fmt::format("an episode starts {} after the episode on line {}, which is "
                                      "still ongoing; expected an end date on line {}",
                                      format_iso_date(after.start), before.line, before.line),
                          after.line};
  if (after.start < *before.end)
    return EpisodeProblem{problem_kind::overlap,
                          fmt::format("the episode starting {} overlaps the episode on line {}, which "
                                      "ends {}; expected no overlap",
                                      format_iso_date(after.start), before.line,
                                      format_iso_date(*before.end)),
                          after.line};
  if (ends_in_move(before) && after.start != *before.end)
    return EpisodeProblem{problem_kind::move_not_followed,
                          fmt::format("the episode ends {} in a move or breakdown, but the next "
                                      "episode starts {}; expected it to start {}",
                                      format_iso_date(*before.end), format_iso_date(after.start),
                                      format_iso_date(*before.end)),
                          before.line};
  return std::nullopt;
}

std::optional<EpisodeProblem> last_move_problem(const Episode& last) {
  if (!ends_in_move(last)) return std::nullopt;
  return EpisodeProblem{problem_kind::move_not_followed,
                        fmt::format("the episode ends {} in a move or breakdown, but no episode "
                                    "follows; expected an episode starting {}",
                                    format_iso_date(*last.end), format_iso_date(*last.end)),
                        last.line};
}

/// Orders by start, then by end with ongoing episodes last; ties keep file order.
bool earlier(const Episode& a, const Episode& b) {
  if (a.start != b.start) return a.start < b.start;
  if (a.end.has_value() != b.end.has_value()) return a.end.has_value();
  return a.end && *a.end < *b.end;
}

}  // namespace

bool ends_in_move(const Episode& episode) {
  return episode.ending == EpisodeEnding::planned_move ||
         episode.ending == EpisodeEnding::breakdown_carer ||
         episode.ending == EpisodeEnding::breakdown_other;
}

std::optional<EpisodeProblem> first_problem(std::span<const Episode> episodes,
                                            engine::Date observed_until) {
  if (episodes.empty()) return std::nullopt;
  if (auto problem = birth_problem(episodes)) return problem;
  for (std::size_t i = 0; i < episodes.size(); ++i) {
    if (auto problem = own_problem(episodes[i], observed_until)) return problem;
    if (i > 0)
      if (auto problem = sequence_problem(episodes[i - 1], episodes[i])) return problem;
  }
  return last_move_problem(episodes.back());
}

ChildGroups group_by_child(std::vector<Episode> episodes) {
  const std::size_t n = episodes.size();
  std::unordered_map<std::string_view, std::uint32_t> group_of;
  group_of.reserve(n / 2 + 1);
  std::vector<std::uint32_t> group(n);
  std::vector<std::size_t> begin{0};
  for (std::size_t i = 0; i < n; ++i) {
    auto [at, inserted] = group_of.try_emplace(episodes[i].child, static_cast<std::uint32_t>(begin.size() - 1));
    if (inserted) begin.push_back(0);
    group[i] = at->second;
    ++begin[group[i] + 1];
  }
  for (std::size_t k = 1; k < begin.size(); ++k) begin[k] += begin[k - 1];

  std::vector<std::size_t> order(n);
  std::vector<std::size_t> next(begin.begin(), begin.end() - 1);
  for (std::size_t i = 0; i < n; ++i) order[next[group[i]]++] = i;
  auto in_order = [&](std::size_t a, std::size_t b) {
    if (earlier(episodes[a], episodes[b])) return true;
    return !earlier(episodes[b], episodes[a]) && a < b;
  };
  for (std::size_t k = 0; k + 1 < begin.size(); ++k) {
    auto first = order.begin() + begin[k], last = order.begin() + begin[k + 1];
    if (!std::is_sorted(first, last, in_order)) std::sort(first, last, in_order);
  }

  ChildGroups groups;
  groups.begin = std::move(begin);
  groups.episodes.reserve(n);
  for (std::size_t i : order) groups.episodes.push_back(std::move(episodes[i]));
  groups.source = std::move(order);
  return groups;
}

ProblemLog::ProblemLog(std::filesystem::path file, Strictness strictness)
    : file_(std::move(file)), strictness_(strictness) {}

void ProblemLog::report(const EpisodeProblem& problem, std::string_view child) {
  report(file_, problem, child);
}

void ProblemLog::report(const std::filesystem::path& file, const EpisodeProblem& problem,
                        std::string_view child) {
  if (strictness_ == Strictness::strict)
    throw InputError(SourceLocation{file.string(), static_cast<int>(problem.line), 0}, "",
                     fmt::format("child {}: {}", child, problem.detail));
  if (!dropped_.emplace(child).second) return;
  auto tally = std::find_if(tallies_.begin(), tallies_.end(),
                            [&](const Tally& t) { return t.kind == problem.kind; });
  if (tally == tallies_.end()) {
    std::string other_file = file == file_ ? std::string() : file.filename().string();
    tallies_.push_back(Tally{problem.kind, 0, other_file, problem.line, std::string(child)});
    tally = tallies_.end() - 1;
  }
  ++tally->children;
}

bool ProblemLog::dropped(std::string_view child) const {
  return !dropped_.empty() && dropped_.find(child) != dropped_.end();
}

std::vector<std::string> ProblemLog::warnings() const {
  std::vector<std::string> lines;
  for (const Tally& tally : tallies_) {
    std::string where = tally.first_file.empty() ? "" : tally.first_file + " ";
    lines.push_back(fmt::format("{} {} dropped: {} (first: {}line {}, child {})", tally.children,
                                tally.children == 1 ? "child" : "children", tally.kind, where,
                                tally.first_line, tally.first_child));
  }
  return lines;
}

std::vector<Episode> keep_sound_children(ChildGroups groups, engine::Date observed_until,
                                         ProblemLog& log) {
  std::vector<Episode> kept;
  kept.reserve(groups.episodes.size());
  for (std::size_t k = 0; k < groups.children(); ++k) {
    std::span<Episode> child = groups.child(k);
    if (log.dropped(child.front().child)) continue;
    if (auto problem = first_problem(child, observed_until)) {
      log.report(*problem, child.front().child);
      continue;
    }
    for (Episode& episode : child) kept.push_back(std::move(episode));
  }
  return kept;
}

void require_episodes(std::span<const Episode> episodes, const std::filesystem::path& file,
                      std::string_view expected, const ProblemLog& log) {
  if (!episodes.empty()) return;
  std::string dropped;
  for (const std::string& warning : log.warnings()) dropped += (dropped.empty() ? "" : "; ") + warning;
  SourceLocation at{file.string(), 0, 0};
  if (dropped.empty())
    throw InputError(at, "", fmt::format("the file holds no episode records; expected {}", expected));
  throw InputError(at, "", fmt::format("no episode records are left after dropping the children with problems ({}); "
                                       "expected at least one child whose records are sound",
                                       dropped));
}

engine::Date latest_date(std::span<const Episode> episodes) {
  Date latest{};
  for (const Episode& episode : episodes) {
    if (!latest.ok() || episode.start > latest) latest = episode.start;
    if (episode.end && *episode.end > latest) latest = *episode.end;
  }
  return latest;
}

}  // namespace carecast::models::calibration
