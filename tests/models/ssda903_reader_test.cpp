// read_ssda903: England's SSDA903 episodes and header files, through the shipped mapping. The
// fixture (tests/models/data/episodes/ssda903_*.csv) covers merges of legal-status changes,
// same-carer changes and temporary moves, planned moves, breakdowns, exits, re-entry, open
// episodes, rows out of order and short breaks to exclude; each malformed variant gives an
// error at the file, line and child.
#include "models/calibration/ssda903_reader.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "models/config/input_error.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using test_support::data_dir;
using test_support::input_error_of;
using test_support::scenarios_dir;
using test_support::ScratchFolder;

engine::Date day(const char* iso) { return *engine::parse_iso_date(iso); }

std::filesystem::path fixture(const std::string& name) { return data_dir() / "episodes" / name; }

const Ssda903Mapping& mapping() {
  static const Ssda903Mapping shipped = read_ssda903_mapping(scenarios_dir() / "ssda903-mapping.yaml");
  return shipped;
}

EpisodeData read_fixture(const std::string& episodes, Strictness strictness = Strictness::strict,
                         std::optional<engine::Date> observed_until = day("2024-03-31")) {
  return read_ssda903(fixture(episodes), fixture("ssda903_header.csv"), mapping(), strictness, observed_until);
}

struct Expected {
  const char* child;
  const char* start;
  const char* end;  // "" while open
  const char* state;
  EpisodeEnding ending;
  const char* exit_state;
  std::size_t line;
};

constexpr auto open = EpisodeEnding::ongoing;
constexpr auto exits = EpisodeEnding::exit;
constexpr auto planned = EpisodeEnding::planned_move;
constexpr auto carer = EpisodeEnding::breakdown_carer;
constexpr auto other = EpisodeEnding::breakdown_other;

// Worked out by hand from ssda903_episodes.csv (see the comments for the rule each shows).
const std::vector<Expected> expected_episodes = {
    {"1001", "2022-04-01", "2022-10-15", "foster", exits, "returned_home", 2},      // E4A
    {"1002", "2021-05-10", "", "foster", open, "", 3},                              // merged: RNE L
    {"1003", "2020-02-03", "2022-06-14", "foster", planned, "", 5},                 // X1 CARPL
    {"1003", "2022-06-14", "", "childrens_home", open, "", 6},                      //
    {"1014", "2023-02-01", "2023-05-10", "foster", other, "", 35},                  // listed last, X1 STAND
    {"1014", "2023-05-10", "", "childrens_home", open, "", 7},                      // R1
    {"1004", "2021-09-01", "2022-01-20", "foster", carer, "", 8},                   // X1 CREQB
    {"1004", "2022-01-20", "2023-03-02", "childrens_home", other, "", 9},           // X1 ALLEG
    {"1004", "2023-03-02", "2023-09-14", "semi_independent", exits, "ceased_18", 10},  // H5, E5
    {"1005", "2020-08-12", "2021-05-03", "foster", planned, "", 11},                // U6 -> U5: new carers
    {"1005", "2021-05-03", "2022-01-15", "foster", planned, "", 12},                // X1 PLACE
    {"1005", "2022-01-15", "2022-09-20", "for_adoption", exits, "adopted", 13},     // RNE U, A5, E11
    {"1006", "2021-03-05", "2021-07-30", "foster", exits, "returned_home", 14},     // E4B
    {"1006", "2022-10-11", "", "foster", open, "", 15},                             // re-entry
    {"1008", "2022-11-09", "", "childrens_home", open, "", 20},                     // V3 row left out
    {"1009", "2021-06-01", "", "foster", open, "", 21},                             // merged: T3 between U4
    {"1010", "2021-02-01", "2023-02-28", "foster", exits, "special_guardianship", 24},  // merged L, E45
    {"1011", "2021-05-20", "2023-06-30", "with_parents", exits, "returned_home", 26},
    {"1012", "2022-06-06", "2022-12-13", "childrens_home", exits, "left_other", 27},  // E3
    {"1013", "2022-10-01", "2023-03-19", "foster", carer, "", 28},                  // X1 CREQO
    {"1013", "2023-03-19", "", "foster", open, "", 29},                             //
    {"1015", "2021-07-07", "", "foster", open, "", 30},                             // merged: RNE T
    {"1016", "2023-08-29", "2023-09-05", "childrens_home", other, "", 32},          // X1 LAREQ
    {"1016", "2023-09-05", "", "semi_independent", open, "", 33},                   // RNE B
    {"1017", "2019-03-15", "2023-09-09", "foster", exits, "ceased_18", 34},         // E17
};

TEST(Ssda903Reader, ConvertsTheFixtureAsWorkedOutByHand) {
  EpisodeData data = read_fixture("ssda903_episodes.csv");
  EXPECT_EQ(data.file, fixture("ssda903_episodes.csv"));
  EXPECT_EQ(data.observed_until, day("2024-03-31"));
  EXPECT_TRUE(data.warnings.empty());
  ASSERT_EQ(data.episodes.size(), expected_episodes.size());
  for (std::size_t i = 0; i < expected_episodes.size(); ++i) {
    const Expected& want = expected_episodes[i];
    const Episode& got = data.episodes[i];
    SCOPED_TRACE("episode " + std::to_string(i) + " of child " + want.child);
    EXPECT_EQ(got.child, want.child);
    EXPECT_EQ(got.start, day(want.start));
    EXPECT_EQ(got.end, want.end[0] == '\0' ? std::nullopt : std::optional(day(want.end)));
    EXPECT_EQ(got.state, want.state);
    EXPECT_EQ(got.ending, want.ending);
    EXPECT_EQ(got.exit_state, want.exit_state);
    EXPECT_EQ(got.line, want.line);
    EXPECT_EQ(got.school_change, std::nullopt);
  }
}

TEST(Ssda903Reader, TakesBirthAndSexFromTheHeaderFile) {
  EpisodeData data = read_fixture("ssda903_episodes.csv");
  ASSERT_FALSE(data.episodes.empty());
  EXPECT_EQ(data.episodes[0].birth, day("2010-03-12"));
  EXPECT_EQ(data.episodes[0].sex, "male");
  EXPECT_EQ(data.episodes[1].birth, day("2015-07-05"));
  EXPECT_EQ(data.episodes[1].sex, "female");
}

TEST(Ssda903Reader, ObservesUntilTheLatestDateOfTheEpisodesUnlessTold) {
  EpisodeData data = read_fixture("ssda903_episodes.csv", Strictness::strict, std::nullopt);
  EXPECT_EQ(data.observed_until, day("2023-09-14"));
}

TEST(Ssda903Reader, AnEpisodeAfterTheEndOfObservationIsAnError) {
  auto error = input_error_of([] { read_fixture("ssda903_episodes.csv", Strictness::strict, day("2023-06-30")); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->problem().find("after the end of observation 2023-06-30"), std::string::npos) << error->what();
}

struct BadFile {
  std::string file;
  int line;
  std::string child;
  std::string fragment;
};

void PrintTo(const BadFile& bad, std::ostream* out) { *out << bad.file; }

class Ssda903ReaderErrors : public ::testing::TestWithParam<BadFile> {};

TEST_P(Ssda903ReaderErrors, AreLocatedAtTheFileLineAndChild) {
  const BadFile& bad = GetParam();
  auto error = input_error_of([&] { read_fixture(bad.file); });
  ASSERT_TRUE(error.has_value()) << bad.file;
  EXPECT_EQ(error->where().file, fixture(bad.file).string());
  EXPECT_EQ(error->where().line, bad.line) << error->what();
  EXPECT_NE(error->problem().find("child " + bad.child + ": "), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find(bad.fragment), std::string::npos) << error->what();
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, Ssda903ReaderErrors,
    ::testing::Values(
        BadFile{"ssda903_bad_place.csv", 2, "1001",
                "PLACE 'Q9' is not a code of the mapping ssda903-mapping.yaml; expected one of A3, A4"},
        BadFile{"ssda903_dec_before_decom.csv", 2, "1003", "the end 2019-06-14 is before the start 2020-02-03"},
        BadFile{"ssda903_overlap.csv", 3, "1013", "overlaps the episode on line 2"},
        BadFile{"ssda903_dob_after_decom.csv", 2, "1001", "the birth date 2010-03-12 is after the first episode's start"},
        BadFile{"ssda903_missing_child.csv", 3, "9999", "not in the header file ssda903_header.csv"},
        BadFile{"ssda903_bad_date.csv", 2, "1001", "DECOM '31/02/2022' is not a date; expected dd/mm/yyyy"}));

TEST(Ssda903Reader, LenientDropsEachChildWithAProblemAndCountsThem) {
  EpisodeData data = read_fixture("ssda903_lenient.csv", Strictness::lenient);
  std::vector<std::string> children;
  for (const Episode& e : data.episodes) children.push_back(e.child);
  EXPECT_EQ(children, (std::vector<std::string>{"1001", "1012"}));
  EXPECT_EQ(data.warnings,
            (std::vector<std::string>{
                "1 child dropped: an unknown PLACE code (first: line 3, child 1003)",
                "1 child dropped: a date cannot be read (first: line 4, child 1004)",
                "1 child dropped: the child is missing from the header file (first: line 5, child 9999)",
                "1 child dropped: an unknown REC code (first: line 6, child 1006)",
                "1 child dropped: two episodes overlap (first: line 8, child 1013)"}));
}

constexpr const char* episodes_header =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

// A header alone, or rows that are all short breaks (legal status V3, which the mapping excludes),
// leave no episode: an input error naming the episodes file.
TEST(Ssda903Reader, AnEpisodesFileWithoutRecordsIsAnInputErrorNamingTheFile) {
  ScratchFolder scratch;
  auto header_only = scratch.write("episodes.csv", episodes_header);
  auto short_breaks = scratch.write("breaks.csv", std::string(episodes_header) + "1002,10/05/2021,S,V3,N1,U6,PR1,,,,,,\n");
  for (const auto& file : {header_only, short_breaks}) {
    auto error = input_error_of(
        [&] { read_ssda903(file, fixture("ssda903_header.csv"), mapping(), Strictness::strict); });
    ASSERT_TRUE(error.has_value()) << file;
    EXPECT_EQ(error->where().file, file.string());
    EXPECT_NE(error->problem().find("the file holds no episode records; expected at least one row after the header"),
              std::string::npos)
        << error->what();
  }
}

struct BadRows {
  std::string name;
  std::string rows;  // after the header (line 1)
  int line;
  std::string fragment;
};

void PrintTo(const BadRows& bad, std::ostream* out) { *out << bad.name; }

class Ssda903ReaderRowErrors : public ::testing::TestWithParam<BadRows> {};

TEST_P(Ssda903ReaderRowErrors, NameTheLineChildAndCode) {
  const BadRows& bad = GetParam();
  ScratchFolder scratch;
  auto file = scratch.write("episodes.csv", std::string(episodes_header) + bad.rows);
  auto error = input_error_of([&] {
    read_ssda903(file, fixture("ssda903_header.csv"), mapping(), Strictness::strict, day("2024-03-31"));
  });
  ASSERT_TRUE(error.has_value()) << bad.name;
  EXPECT_EQ(error->where().file, file.string());
  EXPECT_EQ(error->where().line, bad.line) << error->what();
  EXPECT_NE(error->problem().find("child 1002: "), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find(bad.fragment), std::string::npos) << error->what();
}

INSTANTIATE_TEST_SUITE_P(
    EveryProblem, Ssda903ReaderRowErrors,
    ::testing::Values(
        BadRows{"unknown_legal_status", "1002,10/05/2021,S,Z9,N1,U6,PR1,,,,,,\n", 2, "LS 'Z9' is not a code"},
        BadRows{"unknown_rne", "1002,10/05/2021,X,C1,N1,U6,PR1,,,,,,\n", 2, "RNE 'X' is not a reason for a new episode"},
        BadRows{"unknown_rec", "1002,10/05/2021,S,C1,N1,U6,PR1,01/09/2021,E99,,,,\n", 2, "REC 'E99' is not a code"},
        BadRows{"unknown_place_change", "1002,10/05/2021,S,C1,N1,U6,PR1,01/09/2021,X1,MOVED,,,\n", 2,
                "REASON_PLACE_CHANGE 'MOVED' is not a code"},
        BadRows{"rec_without_dec", "1002,10/05/2021,S,C1,N1,U6,PR1,,E4A,,,,\n", 2, "REC 'E4A' is given but DEC is empty"},
        BadRows{"dec_without_rec", "1002,10/05/2021,S,C1,N1,U6,PR1,01/09/2021,,,,,\n", 2, "DEC is given but REC is empty"},
        BadRows{"bad_dec", "1002,10/05/2021,S,C1,N1,U6,PR1,1 Sept 2021,E4A,,,,\n", 2, "DEC '1 Sept 2021' is not a date"},
        BadRows{"x1_with_nothing_after", "1002,10/05/2021,S,C1,N1,U6,PR1,01/09/2021,X1,CARPL,,,\n", 2,
                "no episode follows"},
        BadRows{"lonely_temporary", "1002,10/05/2021,S,C1,N1,T1,PR1,20/05/2021,E4A,,,,\n", 2,
                "a temporary placement starts and ends with no placement joined to it"},
        BadRows{"move_into_short_breaks",
                "1002,10/05/2021,S,C2,N1,U6,PR1,01/09/2021,X1,CARPL,,,\n"
                "1002,01/09/2021,L,V3,N1,U6,PR1,03/09/2021,E4A,,,,\n",
                2, "no episode follows"}));

TEST(Ssda903Reader, AnUnrecordedPlacementChangeIsAnErrorWhenTheMappingGivesNoDefault) {
  Ssda903Mapping strict_mapping = mapping();
  strict_mapping.unrecorded_place_change.reset();
  ScratchFolder scratch;
  auto file = scratch.write("episodes.csv", std::string(episodes_header) +
                                                "1002,10/05/2021,S,C1,N1,U6,PR1,01/09/2021,X1,,,,\n"
                                                "1002,01/09/2021,P,C1,N1,K2,PR4,,,,,,\n");
  auto error = input_error_of([&] {
    read_ssda903(file, fixture("ssda903_header.csv"), strict_mapping, Strictness::strict, day("2024-03-31"));
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_NE(error->problem().find("the next one (line 3) is another placement, but REASON_PLACE_CHANGE is empty"),
            std::string::npos)
      << error->what();

  EpisodeData with_default =
      read_ssda903(file, fixture("ssda903_header.csv"), mapping(), Strictness::strict, day("2024-03-31"));
  ASSERT_EQ(with_default.episodes.size(), 2u);
  EXPECT_EQ(with_default.episodes[0].ending, EpisodeEnding::planned_move);
}

TEST(Ssda903Reader, ATemporaryPlacementAtTheStartTakesThePlacementAfterIt) {
  ScratchFolder scratch;
  auto file = scratch.write("episodes.csv", std::string(episodes_header) +
                                                "1002,10/05/2021,S,C1,N1,T4,PR1,14/05/2021,X1,,,,\n"
                                                "1002,14/05/2021,P,C1,N1,K2,PR4,,,,,,\n");
  EpisodeData data = read_ssda903(file, fixture("ssda903_header.csv"), mapping(), Strictness::strict, day("2024-03-31"));
  ASSERT_EQ(data.episodes.size(), 1u);
  EXPECT_EQ(data.episodes[0].state, "childrens_home");
  EXPECT_EQ(data.episodes[0].start, day("2021-05-10"));
  EXPECT_EQ(data.episodes[0].line, 2u);
}

TEST(Ssda903Reader, AProblemInTheHeaderFileIsLocatedThere) {
  ScratchFolder scratch;
  auto header = scratch.write("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1002,2,2015-07-32,WBRI,,,\n");
  auto error = input_error_of([&] {
    read_ssda903(fixture("ssda903_episodes.csv"), header, mapping(), Strictness::strict, day("2024-03-31"));
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, header.string());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_NE(error->problem().find("child 1002: DOB '2015-07-32' is not a date"), std::string::npos) << error->what();
}

TEST(Ssda903Reader, AChildRepeatedInTheHeaderFileMustKeepItsBirthDate) {
  ScratchFolder scratch;
  auto episodes = scratch.write("episodes.csv", std::string(episodes_header) + "1002,10/05/2021,S,C1,N1,U6,PR1,,,,,,\n");
  auto same = scratch.write("same.csv", "CHILD,SEX,DOB\n1002,2,05/07/2015\n1002,2,05/07/2015\n");
  EXPECT_EQ(read_ssda903(episodes, same, mapping(), Strictness::strict).episodes.size(), 1u);

  auto differs = scratch.write("differs.csv", "CHILD,SEX,DOB\n1002,2,05/07/2015\n1002,2,06/07/2015\n");
  auto error = input_error_of([&] { read_ssda903(episodes, differs, mapping(), Strictness::strict); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, differs.string());
  EXPECT_EQ(error->where().line, 3);
  EXPECT_NE(error->problem().find("DOB '06/07/2015' differs"), std::string::npos) << error->what();
}

TEST(Ssda903Reader, ANulByteInTheHeaderFileIsLocatedThere) {
  using namespace std::string_literals;
  ScratchFolder scratch;
  auto header = scratch.write("header.csv", "CHILD,SEX,DOB\n1002,2,05/07/20\0"s + "15\n");
  auto error = input_error_of([&] {
    read_ssda903(fixture("ssda903_episodes.csv"), header, mapping(), Strictness::lenient, day("2024-03-31"));
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, header.string());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->where().column, 16);
  EXPECT_NE(error->problem().find("a NUL byte (code 0) follows '1002,2,05/07/20'"), std::string::npos) << error->what();
}

TEST(Ssda903Reader, AMissingColumnIsAnError) {
  ScratchFolder scratch;
  auto file = scratch.write("episodes.csv", "CHILD,DECOM,RNE,LS,PLACE,DEC\n");
  auto error = input_error_of([&] {
    read_ssda903(file, fixture("ssda903_header.csv"), mapping(), Strictness::strict, day("2024-03-31"));
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 1);
  EXPECT_NE(error->problem().find("needs a column 'REC'"), std::string::npos) << error->what();
}

}  // namespace
}  // namespace carecast::models::calibration
