// Episode checks: the problems first_problem finds in one child's sorted episodes, grouping by
// child, and the ProblemLog that turns problems into located errors (strict) or counted warnings
// (lenient).
#include "models/calibration/episode_checks.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "models/config/input_error.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using test_support::input_error_of;

engine::Date day(const char* iso) { return *engine::parse_iso_date(iso); }

Episode episode(const char* child, const char* start, const char* end, const char* state,
                EpisodeEnding ending, std::size_t line, const char* birth = "2010-01-01") {
  Episode e;
  e.child = child;
  e.birth = day(birth);
  e.start = day(start);
  if (end[0] != '\0') e.end = day(end);
  e.state = state;
  e.ending = ending;
  if (ending == EpisodeEnding::exit) e.exit_state = "returned_home";
  e.line = line;
  return e;
}

constexpr auto ongoing = EpisodeEnding::ongoing;
constexpr auto exits = EpisodeEnding::exit;
constexpr auto moves = EpisodeEnding::planned_move;
constexpr auto breaks_carer = EpisodeEnding::breakdown_carer;
constexpr auto breaks_other = EpisodeEnding::breakdown_other;

const engine::Date observed = day("2024-12-31");

TEST(EpisodeChecks, ASoundHistoryPassesEveryCheck) {
  std::vector<Episode> child = {
      episode("A", "2020-01-01", "2020-06-01", "foster", moves, 2),
      episode("A", "2020-06-01", "2020-06-01", "foster", breaks_carer, 3),  // a zero-length episode
      episode("A", "2020-06-01", "2021-01-01", "residential", breaks_other, 4),
      episode("A", "2021-01-01", "2021-05-01", "foster", exits, 5),
      episode("A", "2021-05-01", "2022-01-01", "foster", exits, 6),  // re-entry on the day of the exit
      episode("A", "2023-01-01", "", "foster", ongoing, 7),
  };
  EXPECT_FALSE(first_problem(child, observed).has_value());
}

struct BadHistory {
  std::string name;
  std::vector<Episode> episodes;
  std::string_view kind;
  std::size_t line;
  std::string fragment;
};

void PrintTo(const BadHistory& bad, std::ostream* out) { *out << bad.name; }

class EpisodeCheckProblems : public ::testing::TestWithParam<BadHistory> {};

TEST_P(EpisodeCheckProblems, AreFoundAtTheirLine) {
  const BadHistory& bad = GetParam();
  auto problem = first_problem(bad.episodes, observed);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->kind, bad.kind);
  EXPECT_EQ(problem->line, bad.line);
  EXPECT_NE(problem->detail.find(bad.fragment), std::string::npos) << problem->detail;
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, EpisodeCheckProblems,
    ::testing::Values(
        BadHistory{"end_before_start",
                   {episode("A", "2020-03-05", "2020-01-01", "foster", exits, 9)},
                   problem_kind::end_before_start, 9, "the end 2020-01-01 is before the start 2020-03-05"},
        BadHistory{"overlap",
                   {episode("A", "2020-01-01", "2020-06-01", "foster", exits, 2),
                    episode("A", "2020-05-01", "", "foster", ongoing, 3)},
                   problem_kind::overlap, 3, "overlaps the episode on line 2"},
        BadHistory{"move_followed_by_a_gap",
                   {episode("A", "2020-01-01", "2020-06-01", "foster", moves, 2),
                    episode("A", "2020-06-02", "", "foster", ongoing, 3)},
                   problem_kind::move_not_followed, 2, "expected it to start 2020-06-01"},
        BadHistory{"breakdown_with_nothing_after",
                   {episode("A", "2020-01-01", "2020-06-01", "foster", breaks_carer, 4)},
                   problem_kind::move_not_followed, 4, "no episode follows"},
        BadHistory{"after_ongoing",
                   {episode("A", "2020-01-01", "", "foster", ongoing, 2),
                    episode("A", "2021-01-01", "", "foster", ongoing, 3)},
                   problem_kind::after_ongoing, 3, "still ongoing"},
        BadHistory{"birth_after_start",
                   {episode("A", "2020-01-01", "", "foster", ongoing, 2, "2020-02-01")},
                   problem_kind::birth_after_start, 2, "the birth date 2020-02-01 is after"},
        BadHistory{"birth_before_1900",
                   {episode("A", "2020-01-01", "", "foster", ongoing, 2, "1899-12-31")},
                   problem_kind::impossible_birth, 2, "before 1900"},
        BadHistory{"older_than_25",
                   {episode("A", "2020-01-01", "2020-03-01", "foster", exits, 2, "1994-03-01"),
                    episode("A", "2020-03-02", "", "foster", ongoing, 3, "1994-03-01")},
                   problem_kind::impossible_birth, 3, "the child is 26"},
        BadHistory{"birth_differs",
                   {episode("A", "2020-01-01", "2020-02-01", "foster", exits, 2, "2010-01-01"),
                    episode("A", "2021-01-01", "", "foster", ongoing, 5, "2010-01-02")},
                   problem_kind::birth_differs, 5, "differs from 2010-01-01 on line 2"},
        BadHistory{"end_after_observation",
                   {episode("A", "2024-01-01", "2025-01-01", "foster", exits, 2)},
                   problem_kind::after_observation, 2, "2025-01-01 is after the end of observation 2024-12-31"},
        BadHistory{"start_after_observation",
                   {episode("A", "2025-01-01", "", "foster", ongoing, 2)},
                   problem_kind::after_observation, 2, "2025-01-01"}));

TEST(EpisodeChecks, AgeTwentyFiveAtAStartIsAllowedAndTwentySixIsNot) {
  std::vector<Episode> day_before = {episode("A", "2020-05-31", "", "foster", ongoing, 2, "1994-06-01")};
  EXPECT_FALSE(first_problem(day_before, observed).has_value());
  std::vector<Episode> birthday = {episode("A", "2020-06-01", "", "foster", ongoing, 2, "1994-06-01")};
  ASSERT_TRUE(first_problem(birthday, observed).has_value());
  EXPECT_EQ(first_problem(birthday, observed)->kind, problem_kind::impossible_birth);
}

TEST(EpisodeChecks, EndsInMoveForMovesAndBreakdownsOnly) {
  EXPECT_TRUE(ends_in_move(episode("A", "2020-01-01", "2020-02-01", "foster", moves, 1)));
  EXPECT_TRUE(ends_in_move(episode("A", "2020-01-01", "2020-02-01", "foster", breaks_carer, 1)));
  EXPECT_TRUE(ends_in_move(episode("A", "2020-01-01", "2020-02-01", "foster", breaks_other, 1)));
  EXPECT_FALSE(ends_in_move(episode("A", "2020-01-01", "2020-02-01", "foster", exits, 1)));
  EXPECT_FALSE(ends_in_move(episode("A", "2020-01-01", "", "foster", ongoing, 1)));
}

TEST(GroupByChild, KeepsChildrenInOrderOfFirstAppearanceAndSortsEachByStart) {
  std::vector<Episode> rows = {
      episode("B", "2021-01-01", "", "foster", ongoing, 2),
      episode("A", "2020-06-01", "", "foster", ongoing, 3),
      episode("B", "2020-01-01", "2021-01-01", "foster", moves, 4),
      episode("C", "2022-01-01", "", "foster", ongoing, 5),
      episode("A", "2020-06-01", "2020-06-01", "foster", moves, 6),  // same start, ends first
      episode("A", "2020-01-01", "2020-06-01", "foster", moves, 7),
  };
  ChildGroups groups = group_by_child(rows);
  ASSERT_EQ(groups.children(), 3u);
  EXPECT_EQ(groups.begin, (std::vector<std::size_t>{0, 2, 5, 6}));
  std::vector<std::size_t> lines;
  for (const Episode& e : groups.episodes) lines.push_back(e.line);
  EXPECT_EQ(lines, (std::vector<std::size_t>{4, 2, 7, 6, 3, 5}));
  EXPECT_EQ(groups.source, (std::vector<std::size_t>{2, 0, 5, 4, 1, 3}));
  EXPECT_EQ(groups.child(1).front().child, "A");
  EXPECT_EQ(groups.child(1).size(), 3u);
}

TEST(GroupByChild, OfNothingHasNoChildren) {
  ChildGroups groups = group_by_child({});
  EXPECT_EQ(groups.children(), 0u);
  EXPECT_TRUE(groups.episodes.empty());
}

TEST(ProblemLog, StrictReportIsAnInputErrorAtTheFileAndLineNamingTheChild) {
  ProblemLog log("episodes.csv", Strictness::strict);
  auto error = input_error_of([&] {
    log.report(EpisodeProblem{problem_kind::overlap, "the episode overlaps; expected no overlap", 88}, "C0042");
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, "episodes.csv");
  EXPECT_EQ(error->where().line, 88);
  EXPECT_EQ(error->problem(), "child C0042: the episode overlaps; expected no overlap");
  EXPECT_FALSE(log.dropped("C0042"));
}

TEST(ProblemLog, StrictReportOfAnotherFileIsLocatedInThatFile) {
  ProblemLog log("episodes.csv", Strictness::strict);
  auto error = input_error_of([&] {
    log.report("header.csv", EpisodeProblem{problem_kind::birth_differs, "bad", 4}, "7");
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, "header.csv");
  EXPECT_EQ(error->where().line, 4);
}

TEST(ProblemLog, LenientReportDropsTheChildAndCountsItOnceUnderItsFirstProblem) {
  ProblemLog log("episodes.csv", Strictness::lenient);
  log.report(EpisodeProblem{problem_kind::end_before_start, "x", 88}, "C0042");
  log.report(EpisodeProblem{problem_kind::overlap, "x", 90}, "C0042");  // same child: not counted again
  log.report(EpisodeProblem{problem_kind::overlap, "x", 120}, "C0050");
  log.report(EpisodeProblem{problem_kind::end_before_start, "x", 130}, "C0060");
  log.report("header.csv", EpisodeProblem{problem_kind::birth_differs, "x", 3}, "C0070");
  EXPECT_TRUE(log.dropped("C0042"));
  EXPECT_TRUE(log.dropped("C0070"));
  EXPECT_FALSE(log.dropped("C0043"));
  EXPECT_EQ(log.warnings(),
            (std::vector<std::string>{
                "2 children dropped: an episode ends before it starts (first: line 88, child C0042)",
                "1 child dropped: two episodes overlap (first: line 120, child C0050)",
                "1 child dropped: the birth date differs between the child's rows (first: header.csv "
                "line 3, child C0070)"}));
}

TEST(ProblemLog, WithoutProblemsHasNoWarnings) {
  ProblemLog log("episodes.csv", Strictness::lenient);
  EXPECT_TRUE(log.warnings().empty());
  EXPECT_EQ(log.strictness(), Strictness::lenient);
}

TEST(KeepSoundChildren, DropsChildrenWithAProblemOrAlreadyDroppedAndKeepsTheOrder) {
  std::vector<Episode> rows = {
      episode("A", "2020-01-01", "", "foster", ongoing, 2),
      episode("B", "2020-03-05", "2020-01-01", "foster", exits, 3),  // ends before it starts
      episode("C", "2020-01-01", "2020-02-01", "foster", moves, 4),
      episode("D", "2020-01-01", "", "foster", ongoing, 5),
      episode("C", "2020-02-01", "", "residential", ongoing, 6),
  };
  ProblemLog log("f.csv", Strictness::lenient);
  log.report(EpisodeProblem{problem_kind::birth_differs, "x", 5}, "D");
  std::vector<Episode> kept = keep_sound_children(group_by_child(rows), observed, log);
  std::vector<std::size_t> lines;
  for (const Episode& e : kept) lines.push_back(e.line);
  EXPECT_EQ(lines, (std::vector<std::size_t>{2, 4, 6}));
  EXPECT_TRUE(log.dropped("B"));
  ASSERT_EQ(log.warnings().size(), 2u);
  EXPECT_EQ(log.warnings()[1], "1 child dropped: an episode ends before it starts (first: line 3, child B)");
}

TEST(KeepSoundChildren, StrictThrowsForTheFirstChildWithAProblem) {
  std::vector<Episode> rows = {
      episode("A", "2020-01-01", "", "foster", ongoing, 2),
      episode("B", "2020-01-01", "", "foster", ongoing, 3),
      episode("B", "2020-06-01", "", "foster", ongoing, 4),
  };
  ProblemLog log("f.csv", Strictness::strict);
  auto error = input_error_of([&] { keep_sound_children(group_by_child(rows), observed, log); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 4);
  EXPECT_NE(error->problem().find("child B:"), std::string::npos) << error->what();
}

TEST(LatestDate, IsTheLatestStartOrEnd) {
  std::vector<Episode> rows = {
      episode("A", "2020-01-01", "2021-03-01", "foster", exits, 2),
      episode("B", "2021-02-01", "", "foster", ongoing, 3),
  };
  EXPECT_EQ(latest_date(rows), day("2021-03-01"));
  rows[1].start = day("2021-04-01");
  EXPECT_EQ(latest_date(rows), day("2021-04-01"));
}

}  // namespace
}  // namespace carecast::models::calibration
