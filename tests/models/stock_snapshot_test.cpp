// The stock on a date as a snapshot: age in whole years, days in the state and in care, and the
// counters of the current spell (placements, breakdowns before the current episode, school
// changes), for every child with an episode open on that date.
#include "models/calibration/stock_snapshot.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

engine::Date date(int y, unsigned m, unsigned d) {
  return engine::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Episode episode(const std::string& child, engine::Date birth, engine::Date start, std::optional<engine::Date> end,
                const std::string& state, EpisodeEnding ending, bool school_change = false) {
  Episode e;
  e.child = child;
  e.birth = birth;
  e.start = start;
  e.end = end;
  e.state = state;
  e.ending = ending;
  e.school_change = school_change;
  if (ending == EpisodeEnding::exit) e.exit_state = "home";
  return e;
}

class StockSnapshotTest : public ::testing::Test {
 protected:
  EpisodeData data;
  void SetUp() override {
    data.observed_until = date(2022, 12, 31);
    engine::Date a_birth = date(2010, 7, 1);
    data.episodes = {
        // a: a first spell ending in an exit, then a second spell with a breakdown and a move.
        episode("a", a_birth, date(2015, 1, 1), date(2016, 1, 1), "foster", EpisodeEnding::exit, true),
        episode("a", a_birth, date(2019, 1, 1), date(2019, 6, 1), "foster", EpisodeEnding::breakdown_carer, true),
        episode("a", a_birth, date(2019, 6, 1), date(2020, 1, 1), "foster", EpisodeEnding::planned_move, false),
        episode("a", a_birth, date(2020, 1, 1), std::nullopt, "residential", EpisodeEnding::ongoing, true),
        // b: left before the date.
        episode("b", date(2012, 1, 1), date(2019, 1, 1), date(2020, 6, 30), "foster", EpisodeEnding::exit),
        // c: starts on the date itself.
        episode("c", date(2005, 12, 31), date(2020, 7, 1), std::nullopt, "kinship", EpisodeEnding::ongoing),
    };
  }
};

TEST_F(StockSnapshotTest, OneRowPerChildOpenOnTheDate) {
  SnapshotTable table = stock_snapshot(data, date(2020, 7, 1));
  ASSERT_EQ(table.rows.size(), 2u);
  const SnapshotRow& a = table.rows[0];
  EXPECT_EQ(a.age, 10);  // born 1 Jul 2010: 10 on 1 Jul 2020
  EXPECT_EQ(a.state, "residential");
  EXPECT_EQ(a.days_in_state, 182);  // 1 Jan to 1 Jul 2020 (a leap year)
  EXPECT_EQ(a.days_in_care, 547);   // 1 Jan 2019 to 1 Jul 2020: the second spell only
  EXPECT_EQ(a.placements, 3);
  EXPECT_EQ(a.breakdowns, 1);
  EXPECT_EQ(a.school_changes, 2);  // the first spell's change is not counted
  const SnapshotRow& c = table.rows[1];
  EXPECT_EQ(c.age, 14);  // born 31 Dec 2005: still 14 on 1 Jul 2020
  EXPECT_EQ(c.days_in_state, 0);
  EXPECT_EQ(c.placements, 1);
}

TEST_F(StockSnapshotTest, WritesTheSnapshotFormatThatScenariosRead) {
  test_support::ScratchFolder folder;
  auto file = folder.path() / "stock.csv";
  write_snapshot_csv(stock_snapshot(data, date(2020, 7, 1)), file);
  SnapshotTable read = SnapshotTable::read_csv(file);
  ASSERT_EQ(read.rows.size(), 2u);
  EXPECT_EQ(read.rows[0].state, "residential");
  EXPECT_EQ(read.rows[0].days_in_care, 547);
  EXPECT_EQ(read.rows[0].breakdowns, 1);
  EXPECT_EQ(read.children(), 2);
}

}  // namespace
}  // namespace carecast::models::calibration
