// The warning about rate-0 placeholder rows says, for each kind of empty cell, what would give it
// a rate, and never suggests a remedy that cannot work:
//   - an empty cell beside one with exposure along the pooling axis: --min-exposure;
//   - an empty line along the pooling axis, with exposure along the other: --pool-along;
//   - neither: other bands;
//   - a period with no stay in the state at all: other period breaks, never --min-exposure,
//     which cannot fill it (pooling never crosses periods), even when pooling is on already.
#include <gtest/gtest.h>

#include <string>

#include "models/calibration/placeholder_warning.hpp"

namespace carecast::models::calibration {
namespace {

engine::Date date(const char* text) { return *engine::parse_iso_date(text); }

Episode stay(const char* child, const char* birth, const char* start, const char* end, const char* state) {
  Episode e;
  e.child = child;
  e.birth = date(birth);
  e.start = date(start);
  e.state = state;
  if (end != nullptr) {
    e.end = date(end);
    e.ending = EpisodeEnding::exit;
    e.exit_state = "home";
  }
  return e;
}

std::string warning_for(const EpisodeData& data, const CalibrationBands& bands) {
  ExposureTable table = ExposureTable::build(data, bands);
  HazardEstimates hazards = HazardEstimates::estimate(table);
  std::vector<std::vector<CellGroup>> groups;
  for (std::size_t state = 0; state < table.care_states(); ++state) groups.push_back(hazards.groups(state));
  return placeholder_warning(table, groups).value_or("");
}

/// One child aged 12-14, in foster care 2010-2012: cells at age [10, inf) only. Ages 0, 10;
/// time in state 0, 1.
EpisodeData older_child(const char* end) {
  EpisodeData data;
  data.observed_until = date("2013-12-31");
  data.episodes = {stay("A", "1998-01-01", "2010-01-01", end, "foster")};
  return data;
}

CalibrationBands age_and_duration(double min_exposure) {
  CalibrationBands bands;
  bands.age_edges = {0, 10};
  bands.duration_edges = {0, 1};
  bands.min_exposure = min_exposure;
  return bands;
}

TEST(PlaceholderWarning, SaysWhichEmptyCellsPoolingAlongWhichAxisWouldFill) {
  // Home after 5 months: exposure only in age [10, inf) x duration [0, 1). Of the three empty
  // cells, age [10, inf) x [1, inf) has a neighbour along duration; age [0, 10) x [0, 1) only
  // along age; age [0, 10) x [1, inf) none on either axis.
  std::string warning = warning_for(older_child("2010-06-01"), age_and_duration(0.0));
  EXPECT_NE(warning.find("3 hazard rows in 3 cells without any exposure (foster 3) are placeholders"),
            std::string::npos)
      << warning;
  EXPECT_NE(warning.find("1 with a neighbour that has exposure along duration: pool them with --min-exposure"),
            std::string::npos)
      << warning;
  EXPECT_NE(warning.find("1 with neighbours that have exposure only along age: pool them with --pool-along age "
                         "--min-exposure 1"),
            std::string::npos)
      << warning;
  EXPECT_NE(warning.find("1 with no neighbour that has exposure on either axis: choose bands the records reach"),
            std::string::npos)
      << warning;
}

TEST(PlaceholderWarning, DoesNotSuggestAMinimumExposureThatIsAlreadySet) {
  // Two years in care: exposure in both cells of age [10, inf), none under 10. Pooled along
  // duration, the empty line under 10 stays empty; only pooling along age fills it.
  std::string warning = warning_for(older_child("2012-01-01"), age_and_duration(1.0));
  EXPECT_NE(warning.find("1 hazard rows in 1 cells without any exposure (foster 1)"), std::string::npos) << warning;
  EXPECT_NE(warning.find("pool them with --pool-along age"), std::string::npos) << warning;
  EXPECT_EQ(warning.find("--min-exposure"), std::string::npos) << warning;
}

TEST(PlaceholderWarning, APeriodWithoutAnyStayInTheStateCallsForOtherPeriodBreaks) {
  // Foster care only before 2012, residential care (no transition, so no rows) throughout.
  EpisodeData data;
  data.observed_until = date("2013-12-31");
  data.episodes = {stay("A", "2005-01-01", "2010-01-01", "2011-06-01", "foster"),
                   stay("B", "2005-01-01", "2010-01-01", nullptr, "residential")};
  CalibrationBands bands;
  bands.duration_edges = {0, 1};
  bands.period_breaks = {date("2012-01-01")};
  for (double minimum : {0.0, 1.0}) {
    bands.min_exposure = minimum;
    std::string warning = warning_for(data, bands);
    EXPECT_NE(warning.find("in a period in which the records hold no stay in their state (foster in "
                           "[2012-01-01, ~)): no pooling fills these, as pooling never crosses periods; choose "
                           "period breaks the records reach"),
              std::string::npos)
        << warning;
    EXPECT_EQ(warning.find("--min-exposure"), std::string::npos) << warning;
    EXPECT_EQ(warning.find("residential"), std::string::npos) << "residential has no transition" << warning;
  }
}

TEST(PlaceholderWarning, NoneWithoutPlaceholders) {
  CalibrationBands bands;
  EXPECT_EQ(warning_for(older_child("2010-06-01"), bands), "");
}

}  // namespace
}  // namespace carecast::models::calibration
