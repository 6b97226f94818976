// Period breaks a calibration can fit (period_break_range.hpp): strictly after the first
// record's start and strictly before the end of the records used, which is the end of
// observation or an earlier fit-until date. A break outside is refused, naming --period-breaks,
// the break, the end as the user gave it, and the range allowed.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "models/calibration/period_break_range.hpp"

namespace carecast::models::calibration {
namespace {

engine::Date date(const char* text) { return *engine::parse_iso_date(text); }

/// Two children: the first record starts on 2016-03-01, the data end on 2025-12-31.
EpisodeData records() {
  EpisodeData data;
  data.observed_until = date("2025-12-31");
  for (const char* start : {"2018-01-01", "2016-03-01"}) {
    Episode e;
    e.child = start;
    e.start = date(start);
    data.episodes.push_back(e);
  }
  return data;
}

/// The message of check_period_breaks, or "" if it accepts the breaks.
std::string refusal(std::vector<engine::Date> breaks, const PeriodBreakRange& range) {
  try {
    check_period_breaks(breaks, range);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

TEST(PeriodBreakRange, RunsFromTheFirstStartToTheEndOfObservationOrAnEarlierFitUntil) {
  PeriodBreakRange all = period_break_range(records(), std::nullopt, "--fit-until");
  EXPECT_EQ(all.after, date("2016-03-01"));
  EXPECT_EQ(all.before, date("2025-12-31"));
  EXPECT_EQ(all.before_named, "the end of observation 2025-12-31");
  PeriodBreakRange fitted = period_break_range(records(), date("2023-01-01"), "--fit-until");
  EXPECT_EQ(fitted.before, date("2023-01-01"));
  EXPECT_EQ(fitted.before_named, "--fit-until 2023-01-01");
  PeriodBreakRange later = period_break_range(records(), date("2030-01-01"), "the cut");
  EXPECT_EQ(later.before_named, "the end of observation 2025-12-31");
}

TEST(PeriodBreakRange, AcceptsBreaksStrictlyInside) {
  PeriodBreakRange range = period_break_range(records(), std::nullopt, "--fit-until");
  EXPECT_EQ(refusal({}, range), "");
  EXPECT_EQ(refusal({date("2016-03-02"), date("2020-01-01"), date("2025-12-30")}, range), "");
}

TEST(PeriodBreakRange, RefusesABreakOnOrAfterTheEndOfObservation) {
  PeriodBreakRange range = period_break_range(records(), std::nullopt, "--fit-until");
  for (const char* late : {"2025-12-31", "2027-01-01"}) {
    std::string message = refusal({date("2020-01-01"), date(late)}, range);
    EXPECT_NE(message.find(std::string("the period break ") + late +
                           " (--period-breaks) is on or after the end of observation 2025-12-31"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("rate-0 placeholders"), std::string::npos) << message;
    EXPECT_NE(message.find("give only breaks after the first record's start 2016-03-01 and before the end of "
                           "observation 2025-12-31"),
              std::string::npos)
        << message;
  }
}

TEST(PeriodBreakRange, RefusesABreakOnOrBeforeTheFirstStart) {
  PeriodBreakRange range = period_break_range(records(), std::nullopt, "--fit-until");
  for (const char* early : {"2016-03-01", "2010-01-01"}) {
    std::string message = refusal({date(early)}, range);
    EXPECT_NE(message.find(std::string("the period break ") + early +
                           " (--period-breaks) is on or before the first record's start 2016-03-01"),
              std::string::npos)
        << message;
  }
}

TEST(PeriodBreakRange, NamesTheFitUntilDateAsTheUserGaveIt) {
  std::string fit = refusal({date("2023-01-01")}, period_break_range(records(), date("2023-01-01"), "--fit-until"));
  EXPECT_NE(fit.find("is on or after --fit-until 2023-01-01"), std::string::npos) << fit;
  std::string cut = refusal({date("2024-06-01")}, period_break_range(records(), date("2024-01-01"), "the cut"));
  EXPECT_NE(cut.find("is on or after the cut 2024-01-01"), std::string::npos) << cut;
  EXPECT_NE(cut.find("before the cut 2024-01-01"), std::string::npos) << cut;
}

}  // namespace
}  // namespace carecast::models::calibration
