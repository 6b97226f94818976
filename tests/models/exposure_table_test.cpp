// ExposureTable against a hand-worked example: 8 children (A-H), 14 episodes, bands
//   age [0, 10), [10, ∞)      duration [0, 1), [1, ∞)      period (−∞, 2021-01-01), [2021-01-01, ∞)
// written a0/a1, d0/d1, p0/p1; observed until 2021-12-31, so ongoing stays end at W = 2022-01-01.
// An age edge falls at birth + 10 × 365.25 days, a duration edge at start + 365.25 days.
// Day counts (2020 is a leap year):
//   A  born 2015-01-01 (under 10 throughout)
//      A1 foster 2020-01-01..2020-07-01 planned move       a0d0p0 182          → move foster→residential
//      A2 residential 2020-07-01..2021-03-01 exit home      a0d0p0 184, a0d0p1 59 → exit residential→home
//   B  born 2012-01-01: 10 at 2012-01-01 + 3652.5 d = 2021-12-31 12:00 (3653 days to 2022-01-01)
//      B1 foster 2019-06-01.. ongoing (945 days to W); duration 1 at day 365.25, 2021-01-01 at day 580,
//         age 10 at day 3652.5 − 2708 = 944.5:   a0d0p0 365.25, a0d1p0 214.75, a0d1p1 364.5, a1d1p1 0.5
//   C  born 2008-03-15 (over 10 throughout); breakdowns raise the prior count 0, 1, 2, 3
//      C1 foster 2020-02-01..2020-04-01 breakdown (carer)  a1d0p0 60, prior 0  → breakdown foster→residential
//      C2 residential ..2020-10-01 breakdown (other)        a1d0p0 183, prior 1 → breakdown residential→foster
//      C3 foster ..2021-06-01 breakdown (other)             a1d0p0 92, a1d0p1 151, prior 2 → breakdown foster→foster
//      C4 foster 2021-06-01.. ongoing                       a1d0p1 214, prior 3
//   D  born 2016-05-10
//      D1 foster 2021-03-01..2021-05-01 exit home           a0d0p1 61          → exit foster→home
//      D2 foster 2021-08-01.. ongoing (a re-entry)          a0d0p1 153
//   E  born 2003-02-01 (over 10); ages out: an exit into the ageing-out state is censoring
//      E1 foster 2019-01-01..2021-02-01 exit aged_out       a1d0p0 365.25, a1d1p0 365.75, a1d1p1 31
//   F  born 2014-09-01
//      F1 residential 2021-11-15.. ongoing                  a0d0p1 47
//   G  born 2011-12-01: 10 at 2021-11-30 12:00
//      G1 residential 2018-01-01..2020-03-01 planned move   a0d0p0 365.25, a0d1p0 424.75 → move residential→foster
//      G2 foster 2020-03-01..2021-12-31 exit home (the last observed day counts)
//         2021-01-01 at day 306, duration 1 at 365.25, age 10 at day 3652.5 − 3013 = 639.5, end 670:
//         a0d0p0 306, a0d0p1 59.25, a0d1p1 274.25, a1d1p1 30.5             → exit foster→home
//   H  born 2013-04-01
//      H1 foster 2021-12-31.. ongoing                       a0d0p1 1
// Exposure in days by state and cell (sums of the above):
//   foster       a0d0p0 182+365.25+306 = 853.25   a0d0p1 61+153+59.25+1 = 274.25   a0d1p0 214.75
//                a0d1p1 364.5+274.25 = 638.75     a1d0p0 60+92+365.25 = 517.25     a1d0p1 151+214 = 365
//                a1d1p0 365.75                    a1d1p1 0.5+31+30.5 = 62
//   residential  a0d0p0 184+365.25 = 549.25       a0d0p1 59+47 = 106               a0d1p0 424.75
//                a1d0p0 183                       others 0
// The MLE of foster→home in a0d0p1 is 1 event / (274.25 / 365.25 years) = 1.331814 a year, with
// se 1.331814 (sqrt(1) / exposure) and the exact interval [0.0253178, 5.571643] / exposure.
#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "models/calibration/exposure_table.hpp"
#include "models/calibration/generic_episode_reader.hpp"
#include "models/calibration/hazard_estimates.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using E = EpisodeEnding;
using test_support::input_error_of;

engine::Date date(const char* text) { return *engine::parse_iso_date(text); }

Episode episode(const char* child, const char* birth, const char* start, const char* end, const char* state,
                EpisodeEnding ending, const char* exit_state = "") {
  Episode e;
  e.child = child;
  e.birth = date(birth);
  e.start = date(start);
  if (end != nullptr) e.end = date(end);
  e.state = state;
  e.ending = ending;
  e.exit_state = exit_state;
  return e;
}

EpisodeData hand_worked_data() {
  EpisodeData data;
  data.observed_until = date("2021-12-31");
  data.episodes = {
      episode("A", "2015-01-01", "2020-01-01", "2020-07-01", "foster", E::planned_move),
      episode("A", "2015-01-01", "2020-07-01", "2021-03-01", "residential", E::exit, "home"),
      episode("B", "2012-01-01", "2019-06-01", nullptr, "foster", E::ongoing),
      episode("C", "2008-03-15", "2020-02-01", "2020-04-01", "foster", E::breakdown_carer),
      episode("C", "2008-03-15", "2020-04-01", "2020-10-01", "residential", E::breakdown_other),
      episode("C", "2008-03-15", "2020-10-01", "2021-06-01", "foster", E::breakdown_other),
      episode("C", "2008-03-15", "2021-06-01", nullptr, "foster", E::ongoing),
      episode("D", "2016-05-10", "2021-03-01", "2021-05-01", "foster", E::exit, "home"),
      episode("D", "2016-05-10", "2021-08-01", nullptr, "foster", E::ongoing),
      episode("E", "2003-02-01", "2019-01-01", "2021-02-01", "foster", E::exit, "aged_out"),
      episode("F", "2014-09-01", "2021-11-15", nullptr, "residential", E::ongoing),
      episode("G", "2011-12-01", "2018-01-01", "2020-03-01", "residential", E::planned_move),
      episode("G", "2011-12-01", "2020-03-01", "2021-12-31", "foster", E::exit, "home"),
      episode("H", "2013-04-01", "2021-12-31", nullptr, "foster", E::ongoing),
  };
  return data;
}

CalibrationBands hand_worked_bands() {
  CalibrationBands bands;
  bands.age_edges = {0, 10};
  bands.duration_edges = {0, 1};
  bands.period_breaks = {date("2021-01-01")};
  return bands;
}

ExposureOptions ageing_out_at(const char* state) {
  ExposureOptions options;
  options.ageing_out_state = state;
  return options;
}

std::size_t cell(const CalibrationBands& bands, std::size_t a, std::size_t d, std::size_t p) {
  return bands.cell(CellCoordinates{a, d, p});
}

double days(const ExposureTable& t, std::size_t state, std::size_t c) { return t.exposure_years(state, c) * 365.25; }

/// The index of a transition by names, or -1.
long transition(const ExposureTable& t, const std::string& from, TransitionKind kind, const std::string& to) {
  for (std::size_t i = 0; i < t.transitions().size(); ++i) {
    const TransitionKey& k = t.transitions()[i];
    if (t.states()[k.from] == from && t.states()[k.to] == to && k.kind == kind) return static_cast<long>(i);
  }
  return -1;
}

constexpr double tolerance_days = 1e-9;

TEST(ExposureTable, StatesInOrderOfFirstAppearanceCareStatesFirst) {
  ExposureTable t = ExposureTable::build(hand_worked_data(), hand_worked_bands(), ageing_out_at("aged_out"));
  EXPECT_EQ(t.states(), (std::vector<std::string>{"foster", "residential", "home", "aged_out"}));
  EXPECT_EQ(t.care_states(), 2u);
  EXPECT_TRUE(t.is_exit(2));
}

TEST(ExposureTable, ExposureSplitsExactlyAtBandEdges) {
  CalibrationBands b = hand_worked_bands();
  ExposureTable t = ExposureTable::build(hand_worked_data(), b, ageing_out_at("aged_out"));
  const std::size_t foster = 0, residential = 1;
  EXPECT_NEAR(days(t, foster, cell(b, 0, 0, 0)), 853.25, tolerance_days);
  EXPECT_NEAR(days(t, foster, cell(b, 0, 0, 1)), 274.25, tolerance_days);
  EXPECT_NEAR(days(t, foster, cell(b, 0, 1, 0)), 214.75, tolerance_days);
  EXPECT_NEAR(days(t, foster, cell(b, 0, 1, 1)), 638.75, tolerance_days);
  EXPECT_NEAR(days(t, foster, cell(b, 1, 0, 0)), 517.25, tolerance_days);
  EXPECT_NEAR(days(t, foster, cell(b, 1, 0, 1)), 365.0, tolerance_days);
  EXPECT_NEAR(days(t, foster, cell(b, 1, 1, 0)), 365.75, tolerance_days);
  EXPECT_NEAR(days(t, foster, cell(b, 1, 1, 1)), 62.0, tolerance_days);
  EXPECT_NEAR(days(t, residential, cell(b, 0, 0, 0)), 549.25, tolerance_days);
  EXPECT_NEAR(days(t, residential, cell(b, 0, 0, 1)), 106.0, tolerance_days);
  EXPECT_NEAR(days(t, residential, cell(b, 0, 1, 0)), 424.75, tolerance_days);
  EXPECT_NEAR(days(t, residential, cell(b, 1, 0, 0)), 183.0, tolerance_days);
  EXPECT_EQ(days(t, residential, cell(b, 1, 1, 1)), 0.0);
  // Total: 3291 days of foster care and 1263 of residential care.
  EXPECT_NEAR(t.summary().exposure_years * 365.25, 3291.0 + 1263.0, 1e-6);
}

TEST(ExposureTable, EventsInTheCellJustBeforeThem) {
  CalibrationBands b = hand_worked_bands();
  ExposureTable t = ExposureTable::build(hand_worked_data(), b, ageing_out_at("aged_out"));
  ASSERT_EQ(t.transitions().size(), 7u);  // aged_out is censoring, not a transition
  long move_fr = transition(t, "foster", TransitionKind::move, "residential");
  long exit_fh = transition(t, "foster", TransitionKind::exit, "home");
  long bd_ff = transition(t, "foster", TransitionKind::breakdown, "foster");
  long bd_fr = transition(t, "foster", TransitionKind::breakdown, "residential");
  long move_rf = transition(t, "residential", TransitionKind::move, "foster");
  long bd_rf = transition(t, "residential", TransitionKind::breakdown, "foster");
  long exit_rh = transition(t, "residential", TransitionKind::exit, "home");
  // Ordered by (from, kind, to): moves, then breakdowns, then exits.
  EXPECT_EQ((std::vector<long>{move_fr, bd_ff, bd_fr, exit_fh, move_rf, bd_rf, exit_rh}),
            (std::vector<long>{0, 1, 2, 3, 4, 5, 6}));
  auto n = [&](long tr, std::size_t a, std::size_t d, std::size_t p) {
    return t.events(static_cast<std::size_t>(tr), cell(b, a, d, p));
  };
  EXPECT_EQ(n(move_fr, 0, 0, 0), 1);  // A1
  EXPECT_EQ(n(exit_rh, 0, 0, 1), 1);  // A2
  EXPECT_EQ(n(bd_fr, 1, 0, 0), 1);    // C1
  EXPECT_EQ(n(bd_rf, 1, 0, 0), 1);    // C2
  EXPECT_EQ(n(bd_ff, 1, 0, 1), 1);    // C3
  EXPECT_EQ(n(exit_fh, 0, 0, 1), 1);  // D1
  EXPECT_EQ(n(exit_fh, 1, 1, 1), 1);  // G2: after its tenth birthday
  EXPECT_EQ(n(move_rf, 0, 1, 0), 1);  // G1
  EXPECT_EQ(t.carer_initiated(static_cast<std::size_t>(bd_fr), cell(b, 1, 0, 0)), 1);
  EXPECT_EQ(t.carer_initiated(static_cast<std::size_t>(bd_rf), cell(b, 1, 0, 0)), 0);
  const ExposureSummary& s = t.summary();
  EXPECT_EQ(s.moves, 2);
  EXPECT_EQ(s.breakdowns, 3);
  EXPECT_EQ(s.exits, 3);
  EXPECT_EQ(s.censored_ageing_out, 1);
  EXPECT_EQ(s.censored_open, 5);  // B1, C4, D2, F1, H1
  EXPECT_EQ(s.children, 8u);
  EXPECT_EQ(s.episodes_used, 14u);
}

TEST(ExposureTable, PriorBreakdownsSplitExposureAndEvents) {
  CalibrationBands b = hand_worked_bands();
  ExposureTable t = ExposureTable::build(hand_worked_data(), b, ageing_out_at("aged_out"));
  ASSERT_EQ(t.priors(), 5u);  // cap 4: buckets 0-4
  // Foster a1d0p0: C1 60 days at prior 0 + E1 365.25 at prior 0; C3 92 days at prior 2.
  EXPECT_NEAR(t.exposure_years(0, cell(b, 1, 0, 0), 0) * 365.25, 425.25, tolerance_days);
  EXPECT_NEAR(t.exposure_years(0, cell(b, 1, 0, 0), 2) * 365.25, 92.0, tolerance_days);
  // Foster a1d0p1: C3 151 days at prior 2, C4 214 days at prior 3.
  EXPECT_NEAR(t.exposure_years(0, cell(b, 1, 0, 1), 2) * 365.25, 151.0, tolerance_days);
  EXPECT_NEAR(t.exposure_years(0, cell(b, 1, 0, 1), 3) * 365.25, 214.0, tolerance_days);
  // Residential a1d0p0: C2, after one breakdown.
  EXPECT_NEAR(t.exposure_years(1, cell(b, 1, 0, 0), 1) * 365.25, 183.0, tolerance_days);
  auto bd_ff = static_cast<std::size_t>(transition(t, "foster", TransitionKind::breakdown, "foster"));
  EXPECT_EQ(t.events(bd_ff, cell(b, 1, 0, 1), 2), 1);
  EXPECT_EQ(t.events(bd_ff, cell(b, 1, 0, 1), 0), 0);
}

TEST(ExposureTable, HandWorkedMaximumLikelihood) {
  CalibrationBands b = hand_worked_bands();
  ExposureTable t = ExposureTable::build(hand_worked_data(), b, ageing_out_at("aged_out"));
  HazardEstimates h = HazardEstimates::estimate(t);
  auto exit_fh = static_cast<std::size_t>(transition(t, "foster", TransitionKind::exit, "home"));
  // No pooling: the groups are the cells, in cell order.
  const RateEstimate& r = h.transitions()[exit_fh].by_group[cell(b, 0, 0, 1)];
  double years = 274.25 / 365.25;
  EXPECT_EQ(r.events, 1);
  EXPECT_NEAR(r.exposure_years, years, 1e-12);
  EXPECT_NEAR(r.rate, 1.331814, 1e-6);
  EXPECT_NEAR(r.se, 1.331814, 1e-6);
  EXPECT_NEAR(r.lower, 0.0253178 / years, 1e-6);
  EXPECT_NEAR(r.upper, 5.571643 / years, 1e-5);
  // Foster a0d0p0 has exposure 853.25 days and no exit: rate 0, upper end χ²(0.975; 2)/2 = 3.688879.
  const RateEstimate& none = h.transitions()[exit_fh].by_group[cell(b, 0, 0, 0)];
  EXPECT_EQ(none.rate, 0.0);
  EXPECT_NEAR(none.upper, 3.688879 / (853.25 / 365.25), 1e-5);
}

TEST(ExposureTable, FitUntilIgnoresLaterDataAndCensorsThere) {
  CalibrationBands b = hand_worked_bands();
  ExposureOptions options = ageing_out_at("aged_out");
  options.fit_until = date("2021-01-01");
  ExposureTable t = ExposureTable::build(hand_worked_data(), b, options);
  // D1, D2, F1, H1 and C4 start on or after the cut.
  EXPECT_EQ(t.summary().episodes_used, 9u);
  EXPECT_EQ(t.summary().children, 5u);  // A, B, C, E, G
  for (std::size_t state : {0u, 1u})
    for (std::size_t a : {0u, 1u})
      for (std::size_t d : {0u, 1u}) EXPECT_EQ(t.exposure_years(state, cell(b, a, d, 1)), 0.0);
  // A2 residential is censored at the cut after 184 days; E1 no longer ages out; C3 no longer breaks down.
  EXPECT_NEAR(t.exposure_years(1, cell(b, 0, 0, 0)) * 365.25, 549.25, tolerance_days);
  EXPECT_EQ(t.summary().exits, 0);
  EXPECT_EQ(t.summary().breakdowns, 2);
  EXPECT_EQ(t.summary().censored_ageing_out, 0);
  EXPECT_EQ(transition(t, "foster", TransitionKind::breakdown, "foster"), -1);
  EXPECT_EQ(t.window_end(), date("2021-01-01"));
}

TEST(ExposureTable, WithoutAnAgeingOutStateAgeingOutIsAnExit) {
  ExposureTable t = ExposureTable::build(hand_worked_data(), hand_worked_bands());
  EXPECT_EQ(t.summary().exits, 4);
  EXPECT_GE(transition(t, "foster", TransitionKind::exit, "aged_out"), 0);
}

TEST(ExposureTable, AnAgeingOutStateThatChildrenAreInIsAnError) {
  EpisodeData data = hand_worked_data();
  auto error = input_error_of([&] { ExposureTable::build(data, hand_worked_bands(), ageing_out_at("residential")); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->problem().find("the ageing-out state 'residential' is a state children are in"), std::string::npos)
      << error->what();
}

TEST(ExposureTable, AnAgeingOutStateTheRecordsNeverNameIsWarnedOfWithTheirExitReasons) {
  ExposureTable misspelt = ExposureTable::build(hand_worked_data(), hand_worked_bands(), ageing_out_at("aged_ot"));
  ASSERT_EQ(misspelt.warnings().size(), 1u);
  const std::string& warning = misspelt.warnings()[0];
  EXPECT_NE(warning.find("'aged_ot'"), std::string::npos) << warning;
  EXPECT_NE(warning.find("never occurs in the records"), std::string::npos) << warning;
  EXPECT_NE(warning.find("the exit reasons in the records are: home, aged_out"), std::string::npos) << warning;
  // Misspelt, ageing out is fitted as an exit hazard; spelt right, there is no warning.
  EXPECT_EQ(misspelt.summary().censored_ageing_out, 0);
  ExposureTable right = ExposureTable::build(hand_worked_data(), hand_worked_bands(), ageing_out_at("aged_out"));
  EXPECT_TRUE(right.warnings().empty());
  EXPECT_EQ(right.summary().censored_ageing_out, 1);
}

// K breaks down in foster care, moves on, goes home, re-enters and breaks down again. The
// simulator treats a re-entry as a new child without history, so the second spell starts again
// at 0 prior breakdowns: K2 is at prior 1, K3 (after the exit) at 0, K4 at 1 again.
//   K  born 2010-01-01 (under 10 until 2020-01-01 12:00; all stays below are from 2020 on, age band a1)
//      K1 foster 2020-02-01..2020-03-01 breakdown    prior 0   29 days, a1d0p0
//      K2 residential ..2020-05-01 exit home         prior 1   61 days
//      K3 foster 2020-07-01..2020-09-01 breakdown    prior 0   62 days (a re-entry: a new spell)
//      K4 foster 2020-09-01.. ongoing                prior 1   122 days to 2021-01-01, then period p1
TEST(ExposureTable, PriorBreakdownsCountWithinTheCurrentSpellOnly) {
  EpisodeData data;
  data.observed_until = date("2021-12-31");
  data.episodes = {episode("K", "2010-01-01", "2020-02-01", "2020-03-01", "foster", E::breakdown_carer),
                   episode("K", "2010-01-01", "2020-03-01", "2020-05-01", "residential", E::exit, "home"),
                   episode("K", "2010-01-01", "2020-07-01", "2020-09-01", "foster", E::breakdown_other),
                   episode("K", "2010-01-01", "2020-09-01", nullptr, "foster", E::ongoing)};
  CalibrationBands b = hand_worked_bands();
  ExposureTable t = ExposureTable::build(data, b);
  EXPECT_NEAR(t.exposure_years(1, cell(b, 1, 0, 0), 1) * 365.25, 61.0, tolerance_days);  // K2
  EXPECT_NEAR(t.exposure_years(0, cell(b, 1, 0, 0), 0) * 365.25, 29.0 + 62.0, tolerance_days);  // K1, K3
  EXPECT_NEAR(t.exposure_years(0, cell(b, 1, 0, 0), 1) * 365.25, 122.0, tolerance_days);  // K4
  EXPECT_EQ(t.exposure_years(0, cell(b, 1, 0, 0), 2), 0.0) << "the first spell's breakdown must not carry over";
  auto bd_fr = static_cast<std::size_t>(transition(t, "foster", TransitionKind::breakdown, "residential"));
  auto bd_ff = static_cast<std::size_t>(transition(t, "foster", TransitionKind::breakdown, "foster"));
  EXPECT_EQ(t.events(bd_fr, cell(b, 1, 0, 0), 0), 1);  // K1
  EXPECT_EQ(t.events(bd_ff, cell(b, 1, 0, 0), 0), 1);  // K3: the first breakdown of its spell
  EXPECT_EQ(t.events(bd_ff, cell(b, 1, 0, 0), 1), 0);
}

TEST(ExposureTable, MoveWithoutAFollowingEpisodeIsCensoredWithAWarning) {
  EpisodeData data;
  data.observed_until = date("2021-12-31");
  data.episodes = {episode("X", "2010-01-01", "2020-01-01", "2020-03-01", "foster", E::planned_move),
                   episode("Y", "2010-01-01", "2020-01-01", "2020-03-01", "foster", E::breakdown_other, "home")};
  ExposureTable t = ExposureTable::build(data, CalibrationBands{});
  EXPECT_EQ(t.summary().censored_unknown, 1);
  ASSERT_EQ(t.warnings().size(), 1u);
  EXPECT_NE(t.warnings()[0].find("no following episode"), std::string::npos);
  // Y's breakdown led out of care, to its exit state.
  EXPECT_GE(transition(t, "foster", TransitionKind::breakdown, "home"), 0);
}

TEST(ExposureTable, RejectsBadBands) {
  CalibrationBands bands;
  bands.age_edges = {0, 12, 6};
  EXPECT_THROW(ExposureTable::build(hand_worked_data(), bands), std::invalid_argument);
  bands.age_edges = {1, 6};
  EXPECT_THROW(ExposureTable::build(hand_worked_data(), bands), std::invalid_argument);
}

/// Many generated children, for the thread-count check.
EpisodeData generated_data(int children) {
  EpisodeData data;
  data.observed_until = date("2024-12-31");
  auto day = [](int offset) { return engine::Date{std::chrono::sys_days{date("2015-01-01")} + std::chrono::days{offset}}; };
  for (int c = 0; c < children; ++c) {
    std::string id = std::to_string(c);
    int start = (c * 37) % 3000, length = 1 + (c * 53) % 900;
    Episode first = episode("", "2005-01-01", "2015-01-01", nullptr, c % 3 ? "foster" : "residential", E::planned_move);
    first.child = id;
    first.birth = day(-(c * 97) % 6000);
    first.start = day(start);
    first.end = day(start + length);
    Episode second = first;
    second.state = "foster";
    second.start = *first.end;
    second.end.reset();
    second.ending = E::ongoing;
    data.episodes.push_back(first);
    data.episodes.push_back(second);
  }
  return data;
}

TEST(ExposureTable, SameResultForAnyNumberOfThreads) {
  EpisodeData data = generated_data(40000);
  CalibrationBands bands;
  bands.age_edges = {0, 1, 5, 12};
  bands.duration_edges = {0, 0.25, 1, 3};
  bands.period_breaks = {date("2018-01-01"), date("2021-07-01")};
  auto build_with = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    return ExposureTable::build(data, bands);
  };
  ExposureTable one = build_with(1), two = build_with(2);
  for (std::size_t state = 0; state < one.care_states(); ++state)
    for (std::size_t c = 0; c < bands.cells(); ++c)
      for (std::size_t k = 0; k < one.priors(); ++k)
        ASSERT_EQ(one.exposure_years(state, c, k), two.exposure_years(state, c, k));  // bit for bit
  EXPECT_EQ(one.summary().exposure_years, two.summary().exposure_years);
}

// The exposure in the comment of the hand-written generic_small.csv: an episode still open at
// the end of observation (2024-12-31) is at risk until 00:00 the day after.
TEST(ExposureTable, MatchesTheHandCountOfTheSmallGenericFile) {
  EpisodeData data = read_generic_episodes(test_support::data_dir() / "episodes" / "generic_small.csv",
                                           Strictness::strict, date("2024-12-31"));
  ExposureTable table = ExposureTable::build(data, CalibrationBands{});
  auto days_in = [&](const std::string& state) {
    auto at = std::find(table.states().begin(), table.states().end(), state);
    EXPECT_NE(at, table.states().end()) << state;
    return table.exposure_years(static_cast<std::size_t>(at - table.states().begin()), 0) * 365.25;
  };
  EXPECT_NEAR(days_in("foster"), 2637.0, 1e-9);
  EXPECT_NEAR(days_in("childrens_home"), 1484.0, 1e-9);
  EXPECT_NEAR(days_in("for_adoption"), 184.0, 1e-9);
  EXPECT_NEAR(days_in("with_parents"), 184.0, 1e-9);
}

}  // namespace
}  // namespace carecast::models::calibration
