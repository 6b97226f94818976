// Band boxes (age × time in state × calendar period) as written in a scenario, and the check that
// a list of them tiles its domain: no gap, no overlap, open ends allowed.
#include "models/scenario/band_box.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "models/config/config_loader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::input_error_of;

constexpr BandAxes all_axes{true, true};

class BandBoxTest : public ::testing::Test {
 protected:
  engine::Calendar calendar{engine::Date{std::chrono::year{2025}, std::chrono::January, std::chrono::day{1}}};
  ConfigNode root;

  /// Reads the boxes of the list under `bands:` in `text`.
  std::vector<BandBox> read(const std::string& text, BandAxes axes = all_axes) {
    root = parse_yaml_text(text, "bands.yaml");
    std::vector<BandBox> boxes;
    for (const ConfigValue& item : owner().list()) boxes.push_back(read_band_box(item.map(), axes, calendar));
    return boxes;
  }
  ConfigValue owner() const { return ConfigValue(*root.find("bands"), "bands"); }

  static BandBox domain(double age_upper) {
    BandBox box;
    box.age = {0.0, age_upper};
    box.duration = {0.0, engine::infinity};
    return box;
  }
};

TEST_F(BandBoxTest, ReadsAgesDurationsAndPeriods) {
  auto boxes = read(
      "bands:\n"
      "  - {age: [0, 12], duration: [0, 0.5], period: [2025-01-01, 2026-01-01]}\n"
      "  - {age: [12, .inf], duration: [0.5, ~], period: [~, 2030-07-01]}\n"
      "  - {}\n");
  ASSERT_EQ(boxes.size(), 3u);
  EXPECT_EQ(boxes[0].age.lower, 0.0);
  EXPECT_EQ(boxes[0].age.upper, 12.0);
  EXPECT_EQ(boxes[0].duration.upper, 0.5);
  EXPECT_EQ(boxes[0].period.lower, 0.0);
  EXPECT_EQ(boxes[0].period.upper, 365.0);
  EXPECT_EQ(boxes[0].path, "bands[0]");
  EXPECT_EQ(boxes[0].where.line, 2);
  EXPECT_TRUE(std::isinf(boxes[1].age.upper));
  EXPECT_TRUE(std::isinf(boxes[1].duration.upper));
  EXPECT_TRUE(std::isinf(boxes[1].period.lower));
  EXPECT_LT(boxes[1].period.lower, 0.0);
  EXPECT_EQ(boxes[1].period.upper, calendar.offset_of(*engine::parse_iso_date("2030-07-01")));
  // A key left out means the whole axis.
  EXPECT_TRUE(std::isinf(boxes[2].age.lower) && std::isinf(boxes[2].age.upper));
  EXPECT_TRUE(std::isinf(boxes[2].period.lower) && std::isinf(boxes[2].period.upper));
}

TEST_F(BandBoxTest, IntervalsAreHalfOpen) {
  Interval interval{2.0, 5.0};
  EXPECT_TRUE(interval.contains(2.0));
  EXPECT_TRUE(interval.contains(4.999));
  EXPECT_FALSE(interval.contains(5.0));
  EXPECT_FALSE(interval.contains(1.999));
  EXPECT_EQ(describe_interval(interval, "years"), "[2, 5) years");
  EXPECT_EQ(describe_interval(Interval{0.5, engine::infinity}, "years"), "[0.5, inf) years");
}

TEST_F(BandBoxTest, AxesNotAllowedAreNotRead) {
  auto boxes = read("bands:\n  - {age: [0, 5], duration: [0, 1]}\n", BandAxes{});
  EXPECT_TRUE(std::isinf(boxes[0].duration.upper));  // left for reject_unknown to report
}

TEST_F(BandBoxTest, MalformedIntervalsAreLocatedErrors) {
  struct Case {
    std::string band;
    std::string path;
    std::string problem;
  };
  const std::vector<Case> cases{
      {"{age: [5]}", "bands[0].age", "expected [lower, upper] ages in years"},
      {"{age: [-1, 5]}", "bands[0].age[0]", "expected a lower bound of at least 0"},
      {"{age: [5, 5]}", "bands[0].age", "the upper bound must be greater than the lower bound"},
      {"{age: [6, 5]}", "bands[0].age", "the upper bound must be greater than the lower bound"},
      {"{age: 5}", "bands[0].age", "expected a list, found '5'"},
      {"{age: [a, 5]}", "bands[0].age[0]", "expected a number, found 'a'"},
      {"{duration: [0, x]}", "bands[0].duration[1]", "expected a number or .inf, found 'x'"},
      {"{duration: [-0.5, 1]}", "bands[0].duration[0]", "expected a lower bound of at least 0"},
      {"{period: [2026-01-01, 2025-01-01]}", "bands[0].period", "the end date must come after the first date"},
      {"{period: [2025-01-01, 2025-01-01]}", "bands[0].period", "the end date must come after the first date"},
      {"{period: [2025-01-01]}", "bands[0].period", "expected [first date, end date] (either may be ~ for open)"},
      {"{period: [2025-13-01, ~]}", "bands[0].period[0]", "expected a date written YYYY-MM-DD, found '2025-13-01'"},
  };
  for (const Case& c : cases) {
    auto error = input_error_of([&] { read("bands:\n  - " + c.band + "\n"); });
    ASSERT_TRUE(error.has_value()) << c.band;
    EXPECT_EQ(error->where().file, "bands.yaml") << c.band;
    EXPECT_EQ(error->where().line, 2) << c.band;
    EXPECT_GT(error->where().column, 4) << c.band;
    EXPECT_EQ(error->key_path(), c.path) << c.band;
    EXPECT_EQ(error->problem(), c.problem) << c.band;
  }
}

TEST_F(BandBoxTest, BandsThatTileTheDomainPass) {
  // The shape of the baseline's return-home hazard: three duration bands below 18, one above.
  auto boxes = read(
      "bands:\n"
      "  - {age: [0, 18], duration: [0, 0.5]}\n"
      "  - {age: [0, 18], duration: [0.5, 2]}\n"
      "  - {age: [0, 18], duration: [2, .inf]}\n"
      "  - {age: [18, 23]}\n");
  EXPECT_FALSE(input_error_of([&] { check_tiling(boxes, domain(23), owner()); }).has_value());
}

TEST_F(BandBoxTest, OpenEndsCoverTheRestOfTheDomain) {
  auto boxes = read("bands:\n  - {age: [0, 10]}\n  - {age: [10, .inf]}\n");
  EXPECT_FALSE(input_error_of([&] { check_tiling(boxes, domain(18), owner()); }).has_value());
  boxes = read("bands:\n  - {}\n");
  EXPECT_FALSE(input_error_of([&] { check_tiling(boxes, domain(18), owner()); }).has_value());
  boxes = read("bands:\n  - {duration: [0, ~]}\n");
  EXPECT_FALSE(input_error_of([&] { check_tiling(boxes, domain(18), owner()); }).has_value());
}

TEST_F(BandBoxTest, BandsMayReachBeyondTheDomain) {
  auto boxes = read("bands:\n  - {age: [0, 30]}\n");
  EXPECT_FALSE(input_error_of([&] { check_tiling(boxes, domain(18), owner()); }).has_value());
}

TEST_F(BandBoxTest, AGapInAgesIsAnErrorAtTheListNamingTheGap) {
  auto boxes = read("bands:\n  - {age: [0, 5]}\n  - {age: [6, 18]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->key_path(), "bands");
  EXPECT_EQ(error->problem(), "the bands leave a gap: age [5, 6) years is not covered by any entry");
}

TEST_F(BandBoxTest, AGapAtTheTopOfTheDomainIsAnError) {
  auto boxes = read("bands:\n  - {age: [0, 5]}\n  - {age: [5, 17]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(), "the bands leave a gap: age [17, 18) years is not covered by any entry");
}

TEST_F(BandBoxTest, AGapAtTheBottomOfTheDomainIsAnError) {
  auto boxes = read("bands:\n  - {age: [1, 18]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(), "the bands leave a gap: age [0, 1) years is not covered by any entry");
}

TEST_F(BandBoxTest, AGapInTimeInStateIsAnError) {
  auto boxes = read(
      "bands:\n"
      "  - {age: [0, 18], duration: [0, 0.5]}\n"
      "  - {age: [0, 18], duration: [1, .inf]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(),
            "the bands leave a gap: age [0, 18) years, time in state [0.5, 1) years is not covered by any entry");
}

TEST_F(BandBoxTest, AGapInOneCornerOfTwoAxesIsFound) {
  // Ages 12-18 have no band for two years or more in the state.
  auto boxes = read(
      "bands:\n"
      "  - {age: [0, 12]}\n"
      "  - {age: [12, 18], duration: [0, 2]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(),
            "the bands leave a gap: age [12, 18) years, time in state [2, inf) years is not covered by any entry");
}

TEST_F(BandBoxTest, AnOverlapIsAnErrorAtTheLaterBandNamingTheEarlierOne) {
  auto boxes = read(
      "bands:\n"
      "  - {age: [0, 18], duration: [0, 1]}\n"
      "  - {age: [0, 18], duration: [0.5, .inf]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, "bands.yaml");
  EXPECT_EQ(error->where().line, 3);
  EXPECT_EQ(error->key_path(), "bands[1]");
  EXPECT_EQ(error->problem(),
            "this band overlaps 'bands[0]' at age [0, 18) years, time in state [0.5, 1) years");
}

TEST_F(BandBoxTest, AnOverlapInPeriodsIsAnError) {
  auto boxes = read(
      "bands:\n"
      "  - {period: [~, 2027-01-01]}\n"
      "  - {period: [2026-01-01, ~]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->key_path(), "bands[1]");
  EXPECT_NE(error->problem().find("overlaps 'bands[0]'"), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find("period [365, 730) days from the start"), std::string::npos) << error->what();
}

TEST_F(BandBoxTest, AGapBetweenPeriodsIsAnError) {
  auto boxes = read(
      "bands:\n"
      "  - {period: [~, 2026-01-01]}\n"
      "  - {period: [2027-01-01, ~]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->problem().find("gap"), std::string::npos);
  EXPECT_NE(error->problem().find("period [365, 730) days from the start"), std::string::npos) << error->what();
}

TEST_F(BandBoxTest, PeriodsClosedOnBothSidesLeaveGapsBeforeAndAfter) {
  auto boxes = read("bands:\n  - {period: [2025-01-01, 2030-01-01]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->problem().find("gap"), std::string::npos);
}

TEST_F(BandBoxTest, AnIdenticalBandTwiceIsAnOverlap) {
  auto boxes = read("bands:\n  - {age: [0, 18]}\n  - {age: [0, 18]}\n");
  auto error = input_error_of([&] { check_tiling(boxes, domain(18), owner()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->key_path(), "bands[1]");
}

TEST_F(BandBoxTest, BoxContainingFindsTheBandOfAPoint) {
  auto boxes = read(
      "bands:\n"
      "  - {age: [0, 18], duration: [0, 0.5]}\n"
      "  - {age: [0, 18], duration: [0.5, .inf]}\n"
      "  - {age: [18, 23]}\n");
  EXPECT_EQ(box_containing(boxes, 0.0, 0.0, 0.0), 0);
  EXPECT_EQ(box_containing(boxes, 17.9, 0.49, 100.0), 0);
  EXPECT_EQ(box_containing(boxes, 17.9, 0.5, 100.0), 1);
  EXPECT_EQ(box_containing(boxes, 18.0, 0.1, -5.0), 2);
  EXPECT_EQ(box_containing(boxes, 23.0, 0.1, 0.0), -1);
}

}  // namespace
}  // namespace carecast::models
