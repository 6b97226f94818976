// read_generic_episodes: the generic episode CSV. Every field of the hand-written fixture, the
// default end of observation, the order of the output, columns in any order, and every problem:
// located at the file, line and child when strict, dropped and counted when lenient.
#include "models/calibration/generic_episode_reader.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "models/config/input_error.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using test_support::data_dir;
using test_support::input_error_of;
using test_support::ScratchFolder;

engine::Date day(const char* iso) { return *engine::parse_iso_date(iso); }

std::filesystem::path small_file() { return data_dir() / "episodes" / "generic_small.csv"; }

constexpr const char* header = "child_id,birth_date,start,end,state,reason,school_change,sex\n";

TEST(GenericEpisodeReader, ReadsEveryFieldOfTheSmallFile) {
  EpisodeData data = read_generic_episodes(small_file(), Strictness::strict, day("2024-12-31"));
  EXPECT_EQ(data.file, small_file());
  EXPECT_EQ(data.observed_until, day("2024-12-31"));
  EXPECT_TRUE(data.warnings.empty());
  ASSERT_EQ(data.episodes.size(), 16u);

  const Episode& first = data.episodes[0];
  EXPECT_EQ(first.child, "C01");
  EXPECT_EQ(first.birth, day("2012-05-14"));
  EXPECT_EQ(first.start, day("2023-01-01"));
  EXPECT_EQ(first.end, day("2023-04-01"));
  EXPECT_EQ(first.state, "foster");
  EXPECT_EQ(first.ending, EpisodeEnding::planned_move);
  EXPECT_EQ(first.exit_state, "");
  EXPECT_EQ(first.school_change, std::optional<bool>(true));
  EXPECT_EQ(first.sex, "f");
  EXPECT_EQ(first.line, 19u);

  const Episode& exit = data.episodes[1];
  EXPECT_EQ(exit.state, "childrens_home");
  EXPECT_EQ(exit.ending, EpisodeEnding::exit);
  EXPECT_EQ(exit.exit_state, "returned_home");
  EXPECT_EQ(exit.school_change, std::optional<bool>(false));

  EXPECT_EQ(data.episodes[2].ending, EpisodeEnding::breakdown_carer);
  const Episode& ongoing = data.episodes[3];
  EXPECT_EQ(ongoing.ending, EpisodeEnding::ongoing);
  EXPECT_FALSE(ongoing.end.has_value());
  EXPECT_EQ(ongoing.sex, "m");

  EXPECT_EQ(data.episodes[4].school_change, std::nullopt);              // C03: not recorded
  EXPECT_EQ(data.episodes[6].ending, EpisodeEnding::breakdown_other);   // C04
  EXPECT_EQ(data.episodes[7].ending, EpisodeEnding::breakdown_other);   // C04: `breakdown`
  EXPECT_EQ(data.episodes[9].birth, day("2016-01-01"));                 // C05: `2016-01`
  EXPECT_EQ(data.episodes[10].start, day("2024-04-01"));                // C05 re-enters
  EXPECT_EQ(data.episodes[12].child, "C07");
  EXPECT_EQ(data.episodes[12].sex, "");
  EXPECT_EQ(data.episodes[15].line, 34u);
}

TEST(GenericEpisodeReader, ObservesUntilTheLatestDateInTheFileUnlessTold) {
  EXPECT_EQ(read_generic_episodes(small_file(), Strictness::strict).observed_until, day("2024-10-01"));
}

TEST(GenericEpisodeReader, OrdersByChildInOrderOfFirstAppearanceThenByStart) {
  ScratchFolder scratch;
  auto file = scratch.write("e.csv", std::string(header) +
                                         "B,2010-01-01,2021-01-01,,foster,,,\n"
                                         "A,2012-01-01,2020-06-01,,foster,,,\n"
                                         "B,2010-01-01,2020-01-01,2021-01-01,foster,moved,,\n"
                                         "A,2012-01-01,2020-01-01,2020-06-01,residential,breakdown_carer,,\n");
  EpisodeData data = read_generic_episodes(file, Strictness::strict);
  std::vector<std::size_t> lines;
  for (const Episode& e : data.episodes) lines.push_back(e.line);
  EXPECT_EQ(lines, (std::vector<std::size_t>{4, 2, 5, 3}));
}

TEST(GenericEpisodeReader, TakesColumnsInAnyOrderAndOptionalColumnsMayBeMissing) {
  ScratchFolder scratch;
  auto file = scratch.write("e.csv",
                            "# comment before the header\n"
                            "reason,state,end,start,birth_date,child_id\n"
                            "\n"
                            "returned_home,foster,2020-05-01,2020-01-01,2011-02,\"K, 1\"\n");
  EpisodeData data = read_generic_episodes(file, Strictness::strict);
  ASSERT_EQ(data.episodes.size(), 1u);
  const Episode& e = data.episodes[0];
  EXPECT_EQ(e.child, "K, 1");
  EXPECT_EQ(e.birth, day("2011-02-01"));
  EXPECT_EQ(e.exit_state, "returned_home");
  EXPECT_EQ(e.school_change, std::nullopt);
  EXPECT_EQ(e.sex, "");
  EXPECT_EQ(e.line, 4u);
}

TEST(GenericEpisodeReader, AMissingRequiredColumnIsLocatedAtTheHeader) {
  ScratchFolder scratch;
  auto file = scratch.write("e.csv", "# a comment\nchild_id,birth_date,start,end,state\n");
  auto error = input_error_of([&] { read_generic_episodes(file, Strictness::strict); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, file.string());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_NE(error->problem().find("needs a column 'reason'"), std::string::npos) << error->what();
}

TEST(GenericEpisodeReader, AnUnknownColumnSuggestsTheClosestKnownOne) {
  ScratchFolder scratch;
  auto file = scratch.write("e.csv", "child_id,birth_date,start,end,state,reason,shool_change\n");
  auto error = input_error_of([&] { read_generic_episodes(file, Strictness::strict); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 1);
  EXPECT_NE(error->problem().find("unknown column 'shool_change'; did you mean 'school_change'?"),
            std::string::npos)
      << error->what();
}

TEST(GenericEpisodeReader, AColumnNamedByOneWordOfAKnownColumnSuggestsIt) {
  ScratchFolder scratch;
  for (auto [column, suggested] : {std::pair{"child", "child_id"}, std::pair{"Start_Date", "start"},
                                   std::pair{"BIRTH_DATE", "birth_date"}}) {
    auto file = scratch.write("e.csv", std::string(column) + ",end,state,reason\n");
    auto error = input_error_of([&] { read_generic_episodes(file, Strictness::strict); });
    ASSERT_TRUE(error.has_value()) << column;
    EXPECT_EQ(error->where().line, 1);
    EXPECT_NE(error->problem().find(std::string("unknown column '") + column + "'; did you mean '" + suggested + "'?"),
              std::string::npos)
        << error->what();
  }
}

// A file saved with another separator has a header of one column: the message says so, rather
// than calling the whole header an unknown column.
TEST(GenericEpisodeReader, AHeaderSeparatedBySemicolonsOrTabsIsCalledWhatItIs) {
  ScratchFolder scratch;
  auto semicolons = scratch.write("semi.csv", "\xEF\xBB\xBF" "child_id;birth_date;start;end;state;reason\r\n"
                                              "A;2010-01-01;2020-01-01;;foster;\r\n");
  auto error = input_error_of([&] { read_generic_episodes(semicolons, Strictness::strict); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 1);
  EXPECT_EQ(error->problem(),
            "the header 'child_id;birth_date;start;end;state;reason' is one column: the file seems separated by "
            "semicolons (;), but carecast reads commas; save it as CSV UTF-8, comma-separated, with decimal points "
            "(a spreadsheet set up for a decimal comma saves with semicolons)");
  auto tabs = scratch.write("tab.csv", "# exported\nchild_id\tbirth_date\tstart\tend\tstate\treason\n");
  error = input_error_of([&] { read_generic_episodes(tabs, Strictness::lenient); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_NE(error->problem().find("is one column: the file seems separated by tabs, but carecast reads commas"),
            std::string::npos)
      << error->what();
}

// The parser's errors of structure, in carecast's words: how many fields the header expects and
// how many the row has (counted as the parser splits them: a quoted comma is text), and where a
// quote that is never closed opens.
TEST(GenericEpisodeReader, ARowWithTooFewOrTooManyFieldsSaysHowManyOfEach) {
  ScratchFolder scratch;
  const std::string six = "child_id,birth_date,start,end,state,reason\n";
  auto few = scratch.write("few.csv", six + "A,2010-01-01,2020-01-01,,foster,\nB,2010-01-01,2020-01-01,,foster\n");
  auto error = input_error_of([&] { read_generic_episodes(few, Strictness::lenient); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 3);
  EXPECT_EQ(error->problem(), "expected 6 fields, one for each column of the header, found 5 (an empty value is "
                              "still a field: nothing between two commas)");
  auto many = scratch.write("many.csv", six + "\"A,1\",2010-01-01,2020-01-01,,foster,,1,5\n");
  error = input_error_of([&] { read_generic_episodes(many, Strictness::strict); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_NE(error->problem().find("expected 6 fields, one for each column of the header, found 8 (a value with a "
                                  "comma in it, such as a decimal comma, must be in double quotes)"),
            std::string::npos)
      << error->what();
  EXPECT_EQ(std::string(error->what()).find("Too many columns"), std::string::npos) << error->what();
}

TEST(GenericEpisodeReader, AQuoteNeverClosedIsLocatedAtItsColumn) {
  ScratchFolder scratch;
  auto file = scratch.write("quote.csv", "child_id,birth_date,start,end,state,reason\n"
                                         "A,2010-01-01,2020-01-01,,\"foster,\n");
  auto error = input_error_of([&] { read_generic_episodes(file, Strictness::strict); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->where().column, 26);
  EXPECT_EQ(error->problem(), "this double quote opens a quoted value that is never closed; expected a closing \" "
                              "before the end of the line");
}

TEST(GenericEpisodeReader, SaysWhetherTheRecordsHaveASchoolChangeColumn) {
  EXPECT_TRUE(read_generic_episodes(small_file(), Strictness::strict).has_school_change_column);
  ScratchFolder scratch;
  auto file = scratch.write("e.csv",
                            "child_id,birth_date,start,end,state,reason,sex\nA,2010-01-01,2020-01-01,,foster,,\n");
  EXPECT_FALSE(read_generic_episodes(file, Strictness::strict).has_school_change_column);
}

TEST(GenericEpisodeReader, AFileThatDoesNotExistIsAnInputError) {
  auto error = input_error_of([&] {
    read_generic_episodes(data_dir() / "episodes" / "no_such_file.csv", Strictness::lenient);
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string(error->what()).find("no_such_file.csv"), std::string::npos);
}

// A header alone calibrates nothing and has no end of observation (it was read as 0000-00-00):
// an input error naming the file, in either mode; so is a lenient reading that drops everyone.
TEST(GenericEpisodeReader, AFileWithoutRecordsIsAnInputErrorNamingTheFile) {
  ScratchFolder scratch;
  auto file = scratch.write("header_only.csv", "child_id,birth_date,start,end,state,reason\n");
  for (Strictness strictness : {Strictness::strict, Strictness::lenient}) {
    auto error = input_error_of([&] { read_generic_episodes(file, strictness); });
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->where().file, file.string());
    EXPECT_NE(error->problem().find("the file holds no episode records; expected at least one row after the header"),
              std::string::npos)
        << error->what();
  }
  auto all_bad = scratch.write("all_bad.csv", "child_id,birth_date,start,end,state,reason\n"
                                              "A,2015-01-01,2020-05-01,2020-04-01,foster,home\n");
  auto error = input_error_of([&] { read_generic_episodes(all_bad, Strictness::lenient); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, all_bad.string());
  EXPECT_NE(error->problem().find("no episode records are left after dropping the children with problems (1 child "
                                  "dropped: an episode ends before it starts"),
            std::string::npos)
      << error->what();
}

// A reason names a state children leave to; naming one they are in contradicts the records,
// in either mode (it is not one child's problem).
TEST(GenericEpisodeReader, AnExitReasonThatIsAStateChildrenAreInIsAnError) {
  ScratchFolder scratch;
  auto file = scratch.write("e.csv", std::string(header) +
                                         "A,2012-05-14,2023-01-01,2023-04-01,foster,returned_home,,\n"
                                         "B,2010-02-01,2023-02-01,,returned_home,,,\n"
                                         "C,2011-03-01,2023-03-01,2023-05-01,residential,foster,,\n");
  for (Strictness strictness : {Strictness::strict, Strictness::lenient}) {
    auto error = input_error_of([&] { read_generic_episodes(file, strictness); });
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->where().line, 2);
    EXPECT_EQ(error->problem(),
              "child A: the reason 'returned_home' names a state children are in (line 3, child B); "
              "expected moved, a breakdown, or the exit state the child left to");
  }
}

// The parser ends a line at a NUL byte and splits lines only at LF: a NUL would cut a cell short
// and old-Mac line endings would make the whole file one header line.
TEST(GenericEpisodeReader, ANulByteIsLocatedAtItsLineAndColumn) {
  using namespace std::string_literals;
  ScratchFolder scratch;
  auto file = scratch.write("e.csv", std::string(header) + "X7\0Z,2010-01-01,2020-01-01,,foster,,,\n"s);
  auto error = input_error_of([&] { read_generic_episodes(file, Strictness::lenient); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, file.string());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->where().column, 3);
  EXPECT_NE(error->problem().find("a NUL byte (code 0) follows 'X7' on this line"), std::string::npos)
      << error->what();
}

TEST(GenericEpisodeReader, OldMacLineEndingsAreAnErrorThatSaysSo) {
  ScratchFolder scratch;
  auto file = scratch.write("e.csv", "child_id,birth_date,start,end,state,reason\rX7,2010-01-01,2020-01-01,,foster,\r");
  auto error = input_error_of([&] { read_generic_episodes(file, Strictness::strict); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 1);
  EXPECT_NE(error->problem().find("ends in a carriage return (CR) alone, as in old Mac files; expected lines "
                                  "ending in LF or CRLF"),
            std::string::npos)
      << error->what();
}

TEST(GenericEpisodeReader, AFolderIsAnInputErrorThatSaysSo) {
  ScratchFolder scratch;
  auto error = input_error_of([&] { read_generic_episodes(scratch.path(), Strictness::strict); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->problem().find("(it is a folder, not a file)"), std::string::npos) << error->what();
}

struct BadRows {
  std::string name;
  std::string rows;  // after the header (line 1)
  int line;
  std::string fragment;
};

void PrintTo(const BadRows& bad, std::ostream* out) { *out << bad.name; }

class GenericEpisodeReaderErrors : public ::testing::TestWithParam<BadRows> {};

TEST_P(GenericEpisodeReaderErrors, AreLocatedAtTheFileLineAndChild) {
  const BadRows& bad = GetParam();
  ScratchFolder scratch;
  auto file = scratch.write("bad.csv", std::string(header) + "OK1,2010-01-01,2020-01-01,,foster,,,\n" + bad.rows);
  auto error = input_error_of([&] { read_generic_episodes(file, Strictness::strict, day("2024-12-31")); });
  ASSERT_TRUE(error.has_value()) << bad.name;
  EXPECT_EQ(error->where().file, file.string());
  EXPECT_EQ(error->where().line, bad.line) << error->what();
  EXPECT_NE(error->problem().find("child X7: "), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find(bad.fragment), std::string::npos) << error->what();
}

INSTANTIATE_TEST_SUITE_P(
    EveryProblem, GenericEpisodeReaderErrors,
    ::testing::Values(
        BadRows{"bad_start", "X7,2010-01-01,2020-13-01,,foster,,,\n", 3,
                "start '2020-13-01' is not a date; expected YYYY-MM-DD"},
        BadRows{"bad_end", "X7,2010-01-01,2020-01-01,1/2/2021,foster,returned_home,,\n", 3,
                "end '1/2/2021' is not a date"},
        BadRows{"bad_birth", "X7,2010-02-30,2020-01-01,,foster,,,\n", 3,
                "birth_date '2010-02-30' is not a date; expected YYYY-MM-DD or YYYY-MM"},
        BadRows{"bad_state", "X7,2010-01-01,2020-01-01,,Foster care,,,\n", 3,
                "state 'Foster care' is not a state name"},
        BadRows{"bad_reason", "X7,2010-01-01,2020-01-01,2020-02-01,foster,Returned home,,\n", 3,
                "reason 'Returned home' is not valid; expected moved, breakdown_carer"},
        BadRows{"reason_while_ongoing", "X7,2010-01-01,2020-01-01,,foster,moved,,\n", 3,
                "reason 'moved' is given but end is empty"},
        BadRows{"end_without_reason", "X7,2010-01-01,2020-01-01,2020-02-01,foster,,,\n", 3,
                "the episode ends but has no reason"},
        BadRows{"bad_school_change", "X7,2010-01-01,2020-01-01,,foster,,yes,\n", 3,
                "school_change 'yes' is not valid; expected 0, 1 or empty"},
        BadRows{"end_before_start", "X7,2010-01-01,2020-03-05,2020-01-01,foster,returned_home,,\n", 3,
                "the end 2020-01-01 is before the start 2020-03-05"},
        BadRows{"overlap",
                "X7,2010-01-01,2020-01-01,2020-06-01,foster,returned_home,,\n"
                "X7,2010-01-01,2020-05-01,,foster,,,\n",
                4, "overlaps the episode on line 3"},
        BadRows{"move_not_followed",
                "X7,2010-01-01,2020-01-01,2020-06-01,foster,moved,,\n"
                "X7,2010-01-01,2020-07-01,,foster,,,\n",
                3, "in a move or breakdown"},
        BadRows{"after_ongoing",
                "X7,2010-01-01,2020-01-01,,foster,,,\n"
                "X7,2010-01-01,2021-01-01,,foster,,,\n",
                4, "still ongoing"},
        BadRows{"birth_after_start", "X7,2021-01-01,2020-01-01,,foster,,,\n", 3, "is after the first episode's start"},
        BadRows{"birth_before_1900", "X7,1899-06,2020-01-01,,foster,,,\n", 3, "before 1900"},
        BadRows{"older_than_25", "X7,1990-01-01,2020-01-01,,foster,,,\n", 3, "the child is 30"},
        BadRows{"birth_differs",
                "X7,2010-01-01,2020-01-01,2020-02-01,foster,returned_home,,\n"
                "X7,2010-01-02,2021-01-01,,foster,,,\n",
                4, "differs"},
        BadRows{"after_observation", "X7,2010-01-01,2025-01-01,,foster,,,\n", 3,
                "after the end of observation 2024-12-31"}));

TEST(GenericEpisodeReader, LenientDropsEachChildWithAProblemAndCountsThem) {
  ScratchFolder scratch;
  auto file = scratch.write("lenient.csv", std::string(header) +
                                               "G1,2010-01-01,2020-01-01,,foster,,,\n"               // 2
                                               "B1,2010-01-01,2020-03-05,2020-01-01,foster,returned_home,,\n"  // 3
                                               "B2,2010-01-01,2020-xx-01,,foster,,,\n"               // 4
                                               "B2,2010-01-01,2019-01-01,2020-01-01,foster,moved,,\n"  // 5
                                               "B3,2010-01-01,2020-04-05,2020-01-01,foster,adopted,,\n"  // 6
                                               "G2,2011-01-01,2020-01-01,2020-02-01,foster,moved,,\n"  // 7
                                               "G2,2011-01-01,2020-02-01,,residential,,,\n");          // 8
  EpisodeData data = read_generic_episodes(file, Strictness::lenient);
  std::vector<std::string> children;
  for (const Episode& e : data.episodes) children.push_back(e.child);
  EXPECT_EQ(children, (std::vector<std::string>{"G1", "G2", "G2"}));
  EXPECT_EQ(data.warnings,
            (std::vector<std::string>{
                "1 child dropped: a date cannot be read (first: line 4, child B2)",
                "2 children dropped: an episode ends before it starts (first: line 3, child B1)"}));
}

}  // namespace
}  // namespace carecast::models::calibration
