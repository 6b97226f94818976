// SnapshotTable: the children in care on the start date, from a CSV with columns age, state,
// days_in_state and optionally count and the history counters. Every problem in the file is an
// InputError naming the file and the line.
#include "models/scenario/snapshot_table.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "models/config/input_error.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::data_dir;
using test_support::input_error_of;
using test_support::ScratchFolder;
using namespace std::string_literals;

std::filesystem::path table(const std::string& name) { return data_dir() / "tables" / name; }

TEST(SnapshotTable, ReadsEveryColumnWithTheLineOfEachRow) {
  SnapshotTable snapshot = SnapshotTable::read_csv(table("snapshot.csv"));
  EXPECT_EQ(snapshot.file, table("snapshot.csv"));
  ASSERT_EQ(snapshot.rows.size(), 2u);
  const SnapshotRow& first = snapshot.rows[0];
  EXPECT_EQ(first.line, 3);
  EXPECT_EQ(first.age, 3);
  EXPECT_EQ(first.state, "foster");
  EXPECT_EQ(first.days_in_state, 100.0);
  EXPECT_EQ(first.count, 2);
  EXPECT_EQ(first.placements, 1);
  EXPECT_EQ(first.breakdowns, 0);
  EXPECT_EQ(first.school_changes, 0);
  const SnapshotRow& second = snapshot.rows[1];
  EXPECT_EQ(second.line, 4);
  EXPECT_EQ(second.age, 15);
  EXPECT_EQ(second.state, "institution");
  EXPECT_EQ(second.days_in_state, 30.5);
  EXPECT_EQ(second.count, 1);
  EXPECT_EQ(second.placements, 3);
  EXPECT_EQ(second.breakdowns, 1);
  EXPECT_EQ(second.school_changes, 2);
  EXPECT_EQ(snapshot.children(), 3);
}

TEST(SnapshotTable, OptionalColumnsDefaultToOneChildWithNoHistory) {
  SnapshotTable snapshot = SnapshotTable::read_csv(table("snapshot_minimal.csv"));
  ASSERT_EQ(snapshot.rows.size(), 1u);
  const SnapshotRow& row = snapshot.rows[0];
  EXPECT_EQ(row.age, 0);
  EXPECT_EQ(row.state, "kinship");
  EXPECT_EQ(row.days_in_state, 364.0);
  EXPECT_EQ(row.count, 1);
  EXPECT_EQ(row.placements, 0);
  EXPECT_EQ(row.breakdowns, 0);
  EXPECT_EQ(row.school_changes, 0);
  EXPECT_EQ(snapshot.children(), 1);
}

struct BadTable {
  std::string file;
  int line;
  std::string fragment;
};

void PrintTo(const BadTable& bad, std::ostream* out) { *out << bad.file; }

class SnapshotTableErrors : public ::testing::TestWithParam<BadTable> {};

TEST_P(SnapshotTableErrors, AreLocatedAtTheFileAndLine) {
  const BadTable& bad = GetParam();
  auto error = input_error_of([&] { SnapshotTable::read_csv(table(bad.file)); });
  ASSERT_TRUE(error.has_value()) << bad.file;
  EXPECT_EQ(error->where().file, table(bad.file).string());
  EXPECT_EQ(error->where().line, bad.line) << error->what();
  EXPECT_NE(error->problem().find(bad.fragment), std::string::npos) << error->what();
}

INSTANTIATE_TEST_SUITE_P(
    Files, SnapshotTableErrors,
    ::testing::Values(
        BadTable{"snapshot_too_long.csv", 3, "days_in_state 365.25 is longer than a child aged 0 has lived"},
        BadTable{"snapshot_bad_count.csv", 2, "count must be at least 1"},
        BadTable{"snapshot_negative_counter.csv", 2, "history counters must be whole numbers from 0 to 65535"},
        BadTable{"snapshot_negative_days.csv", 2, "days_in_state must be zero or more"},
        BadTable{"snapshot_age_range.csv", 2, "age 31 is outside 0-30"},
        BadTable{"snapshot_not_a_number.csv", 3, "age"},
        // The header is on line 2 (after a comment line).
        BadTable{"snapshot_missing_column.csv", 2, "the snapshot needs a column 'days_in_state'"}),
    [](const ::testing::TestParamInfo<BadTable>& info) {
      return info.param.file.substr(0, info.param.file.find('.'));
    });

// A cell must hold its number from its first to its last character, and the counts must stay
// within max_snapshot_children: each error names the line, the column and the text found.
struct BadText {
  std::string name;
  std::string rows;  // after the header (line 1)
  int line;
  std::string fragment;
};

void PrintTo(const BadText& bad, std::ostream* out) { *out << bad.name; }

class SnapshotTableTextErrors : public ::testing::TestWithParam<BadText> {};

TEST_P(SnapshotTableTextErrors, NameTheFileLineColumnAndText) {
  const BadText& bad = GetParam();
  ScratchFolder scratch;
  auto file = scratch.write("s.csv", "age,state,days_in_state,days_in_care,count,placements,breakdowns,school_changes\n" +
                                         bad.rows);
  auto error = input_error_of([&] { SnapshotTable::read_csv(file); });
  ASSERT_TRUE(error.has_value()) << bad.name;
  EXPECT_EQ(error->where().file, file.string());
  EXPECT_EQ(error->where().line, bad.line) << error->what();
  EXPECT_NE(error->problem().find(bad.fragment), std::string::npos) << error->what();
}

INSTANTIATE_TEST_SUITE_P(
    Cells, SnapshotTableTextErrors,
    ::testing::Values(
        BadText{"empty_count", "3,foster,100,100,,0,0,0\n", 2, "count is empty; expected a whole number"},
        BadText{"empty_days_in_care", "3,foster,100,,1,0,0,0\n", 2, "days_in_care is empty; expected a number"},
        BadText{"empty_days_in_state", "3,foster,,100,1,0,0,0\n", 2, "days_in_state is empty; expected a number"},
        BadText{"empty_age", "3,foster,100,100,1,0,0,0\n,foster,100,100,1,0,0,0\n", 3, "age is empty"},
        BadText{"empty_counter", "3,foster,100,100,1,0,,0\n", 2, "breakdowns is empty; expected a whole number"},
        BadText{"count_with_thousands_separator", "3,foster,100,100,\"1,000\",0,0,0\n", 2,
                "count '1,000' is not a whole number; expected digits only"},
        BadText{"days_with_decimal_comma", "3,foster,\"100,5\",100,1,0,0,0\n", 2,
                "days_in_state '100,5' is not a number"},
        BadText{"nul_in_count", "3,foster,100,100,10\0 00,0,0,0\n"s, 2, "a NUL byte (code 0) follows '3,foster,100,100,10'"},
        BadText{"age_that_wraps_in_32_bits", "4294967299,foster,100,100,1,0,0,0\n", 2, "age 4294967299 is outside 0-30"},
        BadText{"counter_that_wraps_in_32_bits", "3,foster,100,100,1,4294967297,0,0\n", 2,
                "history counters must be whole numbers from 0 to 65535"},
        BadText{"count_of_three_billion", "2,foster,100,100,3000000000,0,0,0\n", 2,
                "count 3000000000 takes the snapshot above 10000000 children (0 before this row); expected at "
                "most 10000000 children in all"},
        BadText{"count_of_two_to_the_32", "2,foster,100,100,4294967296,0,0,0\n", 2, "count 4294967296 takes the snapshot"},
        BadText{"count_of_eleven_digits", "2,foster,100,100,99999999999,0,0,0\n", 2, "count 99999999999 takes the snapshot"},
        BadText{"count_beyond_64_bits", "2,foster,100,100,99999999999999999999,0,0,0\n", 2,
                "count '99999999999999999999' has too many digits"},
        BadText{"counts_adding_up_too_far", "2,foster,100,100,6000000,0,0,0\n3,foster,100,100,4000001,0,0,0\n", 3,
                "count 4000001 takes the snapshot above 10000000 children (6000000 before this row)"},
        BadText{"old_mac_line_endings", "3,foster,100,100,1,0,0,0\r4,foster,100,100,1,0,0,0\n", 2,
                "the line '3,foster,100,100,1,0,0,0' ends in a carriage return (CR) alone"}),
    [](const ::testing::TestParamInfo<BadText>& info) { return info.param.name; });

TEST(SnapshotTable, HoldsUpToTheLimitOfChildren) {
  ScratchFolder scratch;
  auto file = scratch.write("s.csv", "age,state,days_in_state,count\n2,foster,100,9999999\n3,foster,100,\"1\"\n");
  SnapshotTable snapshot = SnapshotTable::read_csv(file);
  EXPECT_EQ(snapshot.children(), max_snapshot_children);
  EXPECT_EQ(snapshot.rows[0].days_in_care, 100.0);  // not given: days_in_state
}

TEST(SnapshotTable, ATableSavedWithTabsIsRefusedWithAHintAtTheSeparator) {
  ScratchFolder scratch;
  auto file = scratch.write("s.csv", "age\tstate\tdays_in_state\r\n5\tfoster\t10\r\n");
  auto error = input_error_of([&] { SnapshotTable::read_csv(file); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 1);
  EXPECT_EQ(error->problem(),
            "the header 'age\\tstate\\tdays_in_state' is one column: the file seems separated by tabs, but carecast "
            "reads commas; save it as CSV, comma-separated")
      << error->what();
}

TEST(SnapshotTable, AFolderIsAnInputErrorThatSaysSo) {
  ScratchFolder scratch;
  auto error = input_error_of([&] { SnapshotTable::read_csv(scratch.path()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, scratch.path().string());
  EXPECT_NE(error->problem().find("(it is a folder, not a file)"), std::string::npos) << error->what();
}

TEST(SnapshotTable, AMissingFileIsAnInputError) {
  auto error = input_error_of([&] { SnapshotTable::read_csv(table("no_such_snapshot.csv")); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string(error->what()).find("no_such_snapshot.csv"), std::string::npos) << error->what();
}

}  // namespace
}  // namespace carecast::models
