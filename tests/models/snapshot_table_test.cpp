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

TEST(SnapshotTable, AMissingFileIsAnInputError) {
  auto error = input_error_of([&] { SnapshotTable::read_csv(table("no_such_snapshot.csv")); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string(error->what()).find("no_such_snapshot.csv"), std::string::npos) << error->what();
}

}  // namespace
}  // namespace carecast::models
