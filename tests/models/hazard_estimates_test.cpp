// HazardEstimates: the rate, its se and exact interval, and the pooling of thin cells.
//
// Pooling along duration. One state (foster), one age band, duration edges 0, 0.1, 1, 1.2, 5
// years (at 36.525, 365.25, 438.3 and 1826.25 days); four children start on 2010-01-01 and the
// data end 1863 days later (W): P and Q are still in care at W, R goes home on day 1862, S on day 20.
//   d0 [0, 36.525)        3 × 36.525 + 20  = 129.575 days = 0.354757 years
//   d1 [36.525, 365.25)   3 × 328.725      = 986.175 days = 2.7 years
//   d2 [365.25, 438.3)    3 × 73.05        = 219.15 days  = 0.6 years
//   d3 [438.3, 1826.25)   3 × 1387.95      = 4163.85 days = 11.4 years
//   d4 [1826.25, ∞)       2 × 36.75 + 35.75 = 109.25 days = 0.299110 years
// With a minimum of 1 person-year: d4 (the least, 0.299) joins d3, its only neighbour; d0 joins
// d1; d2 (0.6) joins the smaller of its neighbours, d0-d1 (3.05 against 11.70). Groups:
// d0-d2 (1334.9 days = 3.654757 years, S's exit: rate 0.273616) and d3-d4 (4273.1 days =
// 11.699110 years, R's exit: rate 0.0854766).
//
// Pooling along age. Age edges 0, 5, 10, 15; four children each stay in one band and then go
// home: 1096 days in a0 (3.000684 years), 183 in a1 (0.501027), 146 in a2 (0.399726), 730 in a3
// (1.998631). a2 joins a1 (0.501 < 1.999); a1-a2 (0.901) joins a3 (1.999 < 3.001).
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "models/calibration/hazard_estimates.hpp"

namespace carecast::models::calibration {
namespace {

engine::Date date(const char* text) { return *engine::parse_iso_date(text); }
engine::Date plus_days(const engine::Date& d, int days) {
  return engine::Date{std::chrono::sys_days{d} + std::chrono::days{days}};
}

Episode stay(const std::string& child, const char* birth, const char* start, int days, bool goes_home) {
  Episode e;
  e.child = child;
  e.birth = date(birth);
  e.start = date(start);
  if (goes_home) {
    e.end = plus_days(e.start, days);
    e.ending = EpisodeEnding::exit;
    e.exit_state = "home";
  }
  return e;
}

EpisodeData duration_data() {
  EpisodeData data;
  data.observed_until = plus_days(date("2010-01-01"), 1862);
  for (const char* child : {"P", "Q"}) data.episodes.push_back(stay(child, "2000-01-01", "2010-01-01", 0, false));
  data.episodes.push_back(stay("R", "2000-01-01", "2010-01-01", 1862, true));
  data.episodes.push_back(stay("S", "2000-01-01", "2010-01-01", 20, true));
  for (Episode& e : data.episodes) e.state = "foster";
  return data;
}

CalibrationBands duration_bands(double min_exposure) {
  CalibrationBands bands;
  bands.duration_edges = {0, 0.1, 1, 1.2, 5};
  bands.min_exposure = min_exposure;
  return bands;
}

EpisodeData age_data() {
  EpisodeData data;
  data.observed_until = date("2015-12-31");
  data.episodes = {stay("a0", "2009-01-01", "2010-01-01", 1096, true), stay("a1", "2004-01-01", "2010-06-01", 183, true),
                   stay("a2", "1999-01-01", "2010-06-01", 146, true), stay("a3", "1994-01-01", "2010-01-01", 730, true)};
  for (Episode& e : data.episodes) e.state = "foster";
  return data;
}

CalibrationBands age_bands(double min_exposure) {
  CalibrationBands bands;
  bands.age_edges = {0, 5, 10, 15};
  bands.min_exposure = min_exposure;
  bands.pool_along = PoolAlong::age;
  return bands;
}

std::vector<std::size_t> durations_of(const CellGroup& g) { return {g.first.duration, g.last.duration}; }
std::vector<std::size_t> ages_of(const CellGroup& g) { return {g.first.age, g.last.age}; }

TEST(EstimateRate, MaximumLikelihoodPoissonSeAndGarwoodInterval) {
  // 10 events in 2 years: χ²(0.025; 20) / 2 = 4.795389, χ²(0.975; 22) / 2 = 18.390356.
  RateEstimate r = estimate_rate(10, 2.0);
  EXPECT_DOUBLE_EQ(r.rate, 5.0);
  EXPECT_NEAR(r.se, std::sqrt(10.0) / 2.0, 1e-12);
  EXPECT_NEAR(r.lower, 4.795389 / 2.0, 1e-6);
  EXPECT_NEAR(r.upper, 18.390356 / 2.0, 1e-6);
}

TEST(EstimateRate, NoEventsGiveZeroWithAnUpperBound) {
  RateEstimate r = estimate_rate(0, 4.0);
  EXPECT_EQ(r.rate, 0.0);
  EXPECT_EQ(r.se, 0.0);
  EXPECT_EQ(r.lower, 0.0);
  EXPECT_NEAR(r.upper, 3.688879 / 4.0, 1e-6);  // χ²(0.975; 2) / 2 = −log 0.025
}

TEST(EstimateRate, NoExposureGivesZeroAndAnOpenInterval) {
  RateEstimate r = estimate_rate(0, 0.0);
  EXPECT_EQ(r.rate, 0.0);
  EXPECT_TRUE(std::isinf(r.upper));
}

TEST(HazardEstimates, WithoutAMinimumEveryCellIsItsOwnGroup) {
  ExposureTable table = ExposureTable::build(duration_data(), duration_bands(0.0));
  HazardEstimates h = HazardEstimates::estimate(table);
  ASSERT_EQ(h.groups(0).size(), 5u);
  EXPECT_TRUE(h.pooling().empty());
  EXPECT_NEAR(h.groups(0)[0].exposure_years, 129.575 / 365.25, 1e-12);
  EXPECT_NEAR(h.groups(0)[4].exposure_years, 109.25 / 365.25, 1e-12);
  ASSERT_EQ(table.transitions().size(), 1u);
  EXPECT_EQ(h.transitions()[0].by_group[0].events, 1);  // S, on day 20
  EXPECT_EQ(h.transitions()[0].by_group[4].events, 1);  // R, on day 1862
}

TEST(HazardEstimates, PoolsThinCellsAlongDurationWithTheSmallerNeighbour) {
  ExposureTable table = ExposureTable::build(duration_data(), duration_bands(1.0));
  HazardEstimates h = HazardEstimates::estimate(table);
  const auto& groups = h.groups(0);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(durations_of(groups[0]), (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(durations_of(groups[1]), (std::vector<std::size_t>{3, 4}));
  EXPECT_NEAR(groups[0].exposure_years, 3.654757, 1e-6);
  EXPECT_NEAR(groups[1].exposure_years, 11.699110, 1e-6);
  const auto& rates = h.transitions()[0].by_group;
  EXPECT_NEAR(rates[0].rate, 0.273616, 1e-6);
  EXPECT_NEAR(rates[1].rate, 0.0854766, 1e-7);
  EXPECT_EQ(rates[0].events + rates[1].events, 2);
  // The report: which group joined which, with their exposures, in order.
  const auto& steps = h.pooling();
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(durations_of(steps[0].merged), (std::vector<std::size_t>{4, 4}));
  EXPECT_EQ(durations_of(steps[0].into), (std::vector<std::size_t>{3, 3}));
  EXPECT_NEAR(steps[0].merged.exposure_years, 0.299110, 1e-6);
  EXPECT_NEAR(steps[0].into.exposure_years, 11.4, 1e-9);
  EXPECT_EQ(durations_of(steps[1].merged), (std::vector<std::size_t>{0, 0}));
  EXPECT_EQ(durations_of(steps[1].into), (std::vector<std::size_t>{1, 1}));
  EXPECT_EQ(durations_of(steps[2].merged), (std::vector<std::size_t>{2, 2}));
  EXPECT_EQ(durations_of(steps[2].into), (std::vector<std::size_t>{0, 1}));
  EXPECT_NEAR(steps[2].into.exposure_years, 0.354757 + 2.7, 1e-6);
  EXPECT_TRUE(h.warnings().empty());
}

TEST(HazardEstimates, PoolsAlongAgeWhenAsked) {
  ExposureTable table = ExposureTable::build(age_data(), age_bands(1.0));
  HazardEstimates h = HazardEstimates::estimate(table);
  const auto& groups = h.groups(0);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(ages_of(groups[0]), (std::vector<std::size_t>{0, 0}));
  EXPECT_EQ(ages_of(groups[1]), (std::vector<std::size_t>{1, 3}));
  EXPECT_NEAR(groups[1].exposure_years, (183.0 + 146.0 + 730.0) / 365.25, 1e-12);
  EXPECT_NEAR(h.transitions()[0].by_group[1].rate, 3.0 / ((183.0 + 146.0 + 730.0) / 365.25), 1e-9);
  ASSERT_EQ(h.pooling().size(), 2u);
  EXPECT_EQ(ages_of(h.pooling()[0].merged), (std::vector<std::size_t>{2, 2}));
  EXPECT_EQ(ages_of(h.pooling()[0].into), (std::vector<std::size_t>{1, 1}));
  EXPECT_EQ(ages_of(h.pooling()[1].merged), (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(ages_of(h.pooling()[1].into), (std::vector<std::size_t>{3, 3}));
}

TEST(HazardEstimates, ALineWithTooLittleExposureEndsAsOneGroupWithAWarning) {
  ExposureTable table = ExposureTable::build(age_data(), age_bands(100.0));
  HazardEstimates h = HazardEstimates::estimate(table);
  ASSERT_EQ(h.groups(0).size(), 1u);
  EXPECT_EQ(h.pooling().size(), 3u);
  EXPECT_EQ(h.transitions()[0].by_group[0].events, 4);
  ASSERT_EQ(h.warnings().size(), 1u);
  EXPECT_NE(h.warnings()[0].find("below the minimum"), std::string::npos);
}

TEST(HazardEstimates, CellsWithoutExposureAreCountedInOneWarningThatSuggestsPooling) {
  // Nobody stays 10 years: the duration band [10, inf) has no exposure, so its row of the one
  // transition (foster -> home) is a rate-0 placeholder.
  CalibrationBands bands = duration_bands(0.0);
  bands.duration_edges.push_back(10.0);
  HazardEstimates h = HazardEstimates::estimate(ExposureTable::build(duration_data(), bands));
  ASSERT_EQ(h.warnings().size(), 1u);
  EXPECT_NE(h.warnings()[0].find("1 hazard rows in 1 cells without any exposure (foster 1) are placeholders"),
            std::string::npos)
      << h.warnings()[0];
  EXPECT_NE(h.warnings()[0].find("--min-exposure"), std::string::npos) << h.warnings()[0];
  // Pooled with its neighbour, the cell is no placeholder any more.
  bands.min_exposure = 1.0;
  HazardEstimates pooled = HazardEstimates::estimate(ExposureTable::build(duration_data(), bands));
  for (const CellGroup& g : pooled.groups(0)) EXPECT_GT(g.exposure_years, 0.0);
  EXPECT_TRUE(pooled.warnings().empty());
}

TEST(HazardEstimates, PoolingNeverCrossesPeriods) {
  CalibrationBands bands = duration_bands(1.0);
  bands.period_breaks = {date("2012-01-01")};
  ExposureTable table = ExposureTable::build(duration_data(), bands);
  HazardEstimates h = HazardEstimates::estimate(table);
  double total = 0.0;
  for (const CellGroup& g : h.groups(0)) {
    EXPECT_EQ(g.first.period, g.last.period);
    total += g.exposure_years;
  }
  EXPECT_NEAR(total, table.summary().exposure_years, 1e-9);
}

}  // namespace
}  // namespace carecast::models::calibration
