// calibrate() refuses settings it cannot fit: period breaks outside the records used (which
// would leave a period of rate-0 placeholders) and school ages on records without a
// school_change column. Both are std::invalid_argument, which the commands report as a wrong
// command line.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "models/calibration/calibrated_model.hpp"

namespace carecast::models::calibration {
namespace {

engine::Date date(const char* text) { return *engine::parse_iso_date(text); }

/// One child in foster care from 2020-01-01, home on 2021-01-01; observed until 2022-12-31.
EpisodeData records() {
  EpisodeData data;
  data.file = "episodes.csv";
  data.observed_until = date("2022-12-31");
  Episode e;
  e.child = "A";
  e.birth = date("2010-01-01");
  e.start = date("2020-01-01");
  e.end = date("2021-01-01");
  e.state = "foster";
  e.ending = EpisodeEnding::exit;
  e.exit_state = "home";
  data.episodes.push_back(e);
  return data;
}

std::string refusal(const EpisodeData& data, const CalibrationSettings& settings) {
  try {
    calibrate(data, settings);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST(Calibrate, RefusesAPeriodBreakOutsideTheRecordsUsed) {
  CalibrationSettings settings;
  settings.bands.period_breaks = {date("2027-01-01")};
  EXPECT_NE(refusal(records(), settings).find("is on or after the end of observation 2022-12-31"), std::string::npos);
  settings.bands.period_breaks = {date("2015-01-01")};
  EXPECT_NE(refusal(records(), settings).find("is on or before the first record's start 2020-01-01"),
            std::string::npos);
  settings.bands.period_breaks = {date("2021-06-01")};
  settings.exposure.fit_until = date("2021-06-01");
  EXPECT_NE(refusal(records(), settings).find("is on or after --fit-until 2021-06-01"), std::string::npos);
  settings.exposure.fit_until.reset();
  EXPECT_EQ(refusal(records(), settings), "") << "a break inside the records";
}

TEST(Calibrate, RefusesSchoolAgesOnRecordsWithoutASchoolChangeColumn) {
  CalibrationSettings settings;
  settings.school = SchoolChangeOptions{};
  std::string message = refusal(records(), settings);
  EXPECT_NE(message.find("--school-ages: the records in 'episodes.csv' have no school_change column"),
            std::string::npos)
      << message;
  // With the column but nothing recorded in it: a warning, and no estimate.
  EpisodeData with_column = records();
  with_column.has_school_change_column = true;
  CalibratedModel model = calibrate(with_column, settings);
  EXPECT_FALSE(model.school.has_value());
  ASSERT_FALSE(model.warnings.empty());
  EXPECT_NE(model.warnings.back().find("the school_change column is empty at every move of a child of school age"),
            std::string::npos)
      << model.warnings.back();
}

}  // namespace
}  // namespace carecast::models::calibration
