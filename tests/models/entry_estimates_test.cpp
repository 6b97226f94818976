// EntryEstimates against a hand-worked example. Population: 1000 children of each age 0-17 in
// 2020 and 2021, except 2000 aged 0 in 2021. Window: 2020-01-01 to 2021-06-30 (observed_until), so
// 2020 counts whole (366 of 366 days) and 2021 for 181 of 365 days. Bands: [0, 1), [1, 12), [12, ∞).
// Entries (age in completed years at entry):
//   age 0: n1, n2, n3 in 2020; n4, n5 in 2021 (n5 on the last observed day)
//   age 5: X in 2020, and X again after going home (a re-entry); age 8: Y in 2020 (Y's planned
//          move is not an entry); age 14: Z in 2021; age 19: O in 2020 (no population: left out;
//          these tests age children out at 21, so that O's age is one the simulator brings in)
//   "early" entered in 2019, before the window: not counted.
// Person-years and rates per 1000:
//   [0, 1)   2020: 1000              3 entries → 3.0    2021: 2000 × 181/365 = 991.7808  2 → 2.016575
//            all: 1991.7808, 5 entries → 2.510316, se 1000 × sqrt(5) / 1991.7808 = 1.122648
//   [1, 12)  2020: 11 × 1000 = 11000  3 → 0.272727    2021: 5454.7945  0 → 0
//            all: 16454.7945, 3 → 0.1823177
//   [12, ∞)  ages 12-17 only: 2020: 6000  0           2021: 2975.3425  1 → 0.3360958
//            all: 8975.3425, 1 → 0.1114164
// Mix (by first state): [0, 1) foster 4/5, residential 1/5, se sqrt(0.8 × 0.2 / 5) = 0.1788854;
// [1, 12) foster 2/3 (X, Y), residential 1/3 (X's re-entry); [12, ∞) 1/2 each (Z, O: the mix
// needs no population).
#include <gtest/gtest.h>

#include <cmath>

#include "models/calibration/entry_estimates.hpp"

namespace carecast::models::calibration {
namespace {

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

EpisodeData entry_data() {
  using E = EpisodeEnding;
  EpisodeData data;
  data.observed_until = date("2021-06-30");
  data.episodes = {
      episode("n1", "2019-12-01", "2020-02-01", nullptr, "foster", E::ongoing),
      episode("n2", "2020-01-15", "2020-05-01", "2020-06-01", "foster", E::exit, "home"),
      episode("n3", "2020-03-01", "2020-11-01", nullptr, "residential", E::ongoing),
      episode("n4", "2020-10-01", "2021-02-01", nullptr, "foster", E::ongoing),
      episode("n5", "2021-01-10", "2021-06-30", nullptr, "foster", E::ongoing),
      episode("X", "2015-01-01", "2020-03-01", "2020-05-01", "foster", E::exit, "home"),
      episode("X", "2015-01-01", "2020-09-01", nullptr, "residential", E::ongoing),
      episode("Y", "2012-02-01", "2020-04-01", "2020-08-01", "foster", E::planned_move),
      episode("Y", "2012-02-01", "2020-08-01", nullptr, "residential", E::ongoing),
      episode("Z", "2006-05-01", "2021-03-01", nullptr, "foster", E::ongoing),
      episode("O", "2001-01-01", "2020-07-01", nullptr, "residential", E::ongoing),
      episode("early", "2010-01-01", "2019-06-01", nullptr, "foster", E::ongoing),
  };
  return data;
}

PopulationTable population() {
  PopulationTable table;
  for (int age = 0; age < 18; ++age)
    for (int year : {2020, 2021}) table.set(age, year, age == 0 && year == 2021 ? 2000.0 : 1000.0);
  return table;
}

EntryOptions options() {
  EntryOptions o;
  o.age_edges = {0, 1, 12};
  o.observed_from = date("2020-01-01");
  o.ageing_out_age = 21.0;
  return o;
}

/// population() with the same rows, and more at ages 18 to 40 (adults, who never enter care).
PopulationTable population_with_adults() {
  PopulationTable table = population();
  for (int age = 18; age <= 40; ++age)
    for (int year : {2020, 2021}) table.set(age, year, 50000.0);
  return table;
}

const EntryRate& rate_of(const std::vector<EntryRate>& rates, std::size_t band, std::optional<int> year) {
  for (const EntryRate& r : rates)
    if (r.band == band && r.year == year) return r;
  throw std::out_of_range("no such rate");
}

TEST(EntryEstimates, RatesPer1000ByAgeBandAndYear) {
  EntryEstimates e = EntryEstimates::estimate(entry_data(), population(), options());
  ASSERT_EQ(e.rates_by_year().size(), 6u);  // 3 bands × 2 years
  const EntryRate& infants_2020 = rate_of(e.rates_by_year(), 0, 2020);
  EXPECT_EQ(infants_2020.per_1000.events, 3);
  EXPECT_NEAR(infants_2020.population_years, 1000.0, 1e-9);
  EXPECT_NEAR(infants_2020.per_1000.rate, 3.0, 1e-9);
  EXPECT_NEAR(infants_2020.per_1000.se, std::sqrt(3.0), 1e-9);
  // Garwood for 3 events: χ²(0.025; 6)/2 = 0.618672, χ²(0.975; 8)/2 = 8.767273.
  EXPECT_NEAR(infants_2020.per_1000.lower, 0.618672, 1e-6);
  EXPECT_NEAR(infants_2020.per_1000.upper, 8.767273, 1e-6);
  const EntryRate& infants_2021 = rate_of(e.rates_by_year(), 0, 2021);
  EXPECT_NEAR(infants_2021.population_years, 2000.0 * 181.0 / 365.0, 1e-9);
  EXPECT_NEAR(infants_2021.per_1000.rate, 2.016575, 1e-6);
  EXPECT_EQ(rate_of(e.rates_by_year(), 1, 2020).per_1000.events, 3);  // X twice (a re-entry), Y once
  EXPECT_EQ(rate_of(e.rates_by_year(), 1, 2021).per_1000.rate, 0.0);
}

TEST(EntryEstimates, RatesPer1000ByAgeBandOverAllYears) {
  EntryEstimates e = EntryEstimates::estimate(entry_data(), population(), options());
  ASSERT_EQ(e.rates().size(), 3u);
  EXPECT_NEAR(e.rates()[0].population_years, 1991.780822, 1e-6);
  EXPECT_NEAR(e.rates()[0].per_1000.rate, 2.510316, 1e-6);
  EXPECT_NEAR(e.rates()[0].per_1000.se, 1.122648, 1e-6);
  EXPECT_NEAR(e.rates()[1].per_1000.rate, 0.1823177, 1e-7);
  EXPECT_NEAR(e.rates()[2].population_years, 8975.342466, 1e-6);
  EXPECT_NEAR(e.rates()[2].per_1000.rate, 0.1114164, 1e-7);
  EXPECT_EQ(e.entries(), 10);  // every entry in the window, O's included
}

TEST(EntryEstimates, EntriesWithoutPopulationAreLeftOutWithAWarning) {
  EntryEstimates e = EntryEstimates::estimate(entry_data(), population(), options());
  ASSERT_EQ(e.warnings().size(), 1u);
  EXPECT_NE(e.warnings()[0].find("1 entries"), std::string::npos);
  EXPECT_EQ(e.rates()[2].per_1000.events, 1);  // Z only
}

TEST(EntryEstimates, MixByAgeBandWithMultinomialStandardErrors) {
  EntryEstimates e = EntryEstimates::estimate(entry_data(), population(), options());
  ASSERT_EQ(e.states(), (std::vector<std::string>{"foster", "residential"}));
  ASSERT_EQ(e.mix().size(), 3u);
  EXPECT_EQ(e.mix()[0].entries, 5);
  EXPECT_NEAR(e.mix()[0].shares[0], 0.8, 1e-12);
  EXPECT_NEAR(e.mix()[0].se[0], 0.1788854, 1e-7);
  EXPECT_NEAR(e.mix()[0].se[1], 0.1788854, 1e-7);
  EXPECT_NEAR(e.mix()[1].shares[1], 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(e.mix()[2].shares[0], 0.5, 1e-12);
}

TEST(EntryEstimates, WindowStartsAtTheEarliestEpisodeByDefault) {
  EntryOptions o = options();
  o.observed_from.reset();
  EntryEstimates e = EntryEstimates::estimate(entry_data(), population(), o);
  EXPECT_EQ(e.observed_from(), date("2019-06-01"));
  // "early" now counts; 2019 uses the table's first year (as the simulator does) for 214 of 365 days.
  EXPECT_EQ(e.entries(), 11);
  EXPECT_NEAR(rate_of(e.rates_by_year(), 2, 2019).population_years, 6000.0 * 214.0 / 365.0, 1e-9);
}

TEST(EntryEstimates, FitUntilEndsTheWindow) {
  EntryOptions o = options();
  o.fit_until = date("2021-01-01");
  EntryEstimates e = EntryEstimates::estimate(entry_data(), population(), o);
  EXPECT_EQ(e.rates_by_year().size(), 3u);  // 2020 only
  EXPECT_EQ(e.rates()[0].per_1000.events, 3);
  EXPECT_EQ(e.window_end(), date("2021-01-01"));
}

TEST(EntryEstimates, TheOpenLastBandCountsNoPopulationAtOrAboveTheAgeingOutAge) {
  // Ageing out at 18: the last band [12, inf) is ages 12-17 only, however far the table goes.
  EntryOptions o = options();
  o.ageing_out_age = 18.0;
  EntryEstimates adults = EntryEstimates::estimate(entry_data(), population_with_adults(), o);
  EntryEstimates children = EntryEstimates::estimate(entry_data(), population(), o);
  ASSERT_EQ(adults.rates().size(), 3u);
  EXPECT_EQ(adults.rates()[2].population_years, children.rates()[2].population_years);
  EXPECT_EQ(adults.rates()[2].per_1000.rate, children.rates()[2].per_1000.rate);
  EXPECT_NEAR(adults.rates()[2].population_years, 8975.342466, 1e-6);  // 6 ages, as worked out above
  EXPECT_NEAR(adults.rates()[2].per_1000.rate, 0.1114164, 1e-7);
  for (std::size_t i = 0; i < adults.rates_by_year().size(); ++i)
    EXPECT_EQ(adults.rates_by_year()[i].population_years, children.rates_by_year()[i].population_years) << i;
  // A fractional ageing-out age counts the whole year it falls in, as the simulator's arrival
  // groups do (ages 0 to 17 for 17.5).
  o.ageing_out_age = 17.5;
  EntryEstimates fractional = EntryEstimates::estimate(entry_data(), population_with_adults(), o);
  EXPECT_EQ(fractional.age_limit(), 18);
  EXPECT_EQ(fractional.rates()[2].population_years, children.rates()[2].population_years);
}

TEST(EntryEstimates, EntriesAtOrAboveTheAgeingOutAgeAreLeftOutOfRatesAndMix) {
  EntryOptions o = options();
  o.ageing_out_age = 18.0;  // O enters at 19: not a child the simulator would bring in
  EntryEstimates e = EntryEstimates::estimate(entry_data(), population_with_adults(), o);
  EXPECT_EQ(e.entries(), 9);
  EXPECT_EQ(e.rates()[2].per_1000.events, 1);  // Z only
  ASSERT_EQ(e.mix().size(), 3u);
  EXPECT_EQ(e.mix()[2].entries, 1);
  EXPECT_EQ(e.mix()[2].shares[0], 1.0);  // Z, foster; O (residential) left out
  ASSERT_EQ(e.warnings().size(), 1u);
  EXPECT_NE(e.warnings()[0].find("1 entries at ages at or above the ageing-out age 18"), std::string::npos)
      << e.warnings()[0];
}

TEST(EntryEstimates, RejectsBadAgeEdgesAndAnEmptyPopulation) {
  EntryOptions o = options();
  o.age_edges = {1, 5};
  EXPECT_THROW(EntryEstimates::estimate(entry_data(), population(), o), std::invalid_argument);
  EXPECT_THROW(EntryEstimates::estimate(entry_data(), PopulationTable{}, options()), std::invalid_argument);
}

}  // namespace
}  // namespace carecast::models::calibration
