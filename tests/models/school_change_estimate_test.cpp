// SchoolChangeEstimate: by hand on a few records, and recovering carecast's probabilities.
//
// By hand (school age [6, 16)): entries of school age 3, with 2 changes (an entry at age 3 and one
// at 17 do not count); planned moves 4, 1 change; breakdowns 2, 2 changes; one school-age move has
// no record. Wilson 95 % intervals (z = 1.959964): 2/3 → [0.207660, 0.938508], 1/4 → [0.045587,
// 0.699358], 2/2 → [0.342380, 1]; se sqrt(p (1 − p) / n): 0.272166, 0.216506, 0.
//
// Simulated: one replicate of a scenario whose school-age children change school with probability
// 0.6 at entry, 0.4 at a planned move and 0.7 at a breakdown; each estimate must lie within 3
// standard errors of its probability.
#include <gtest/gtest.h>
#include <fmt/format.h>

#include <chrono>

#include "engine/communicator.hpp"
#include "models/calibration/school_change_estimate.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using E = EpisodeEnding;

/// An episode of a child born 2010-01-01, starting `years` (whole days of 365.25) after birth.
Episode at_age(const char* child, double years, EpisodeEnding ending, std::optional<bool> change) {
  Episode e;
  e.child = child;
  e.birth = *engine::parse_iso_date("2010-01-01");
  e.start = engine::Date{std::chrono::sys_days{e.birth} + std::chrono::days{static_cast<int>(years * 365.25 + 0.5)}};
  e.end = engine::Date{std::chrono::sys_days{e.start} + std::chrono::days{30}};
  e.state = "foster";
  e.ending = ending;
  if (ending == E::exit) e.exit_state = "home";
  e.school_change = change;
  return e;
}

EpisodeData hand_data() {
  EpisodeData data;
  data.observed_until = *engine::parse_iso_date("2040-01-01");
  data.episodes = {
      at_age("a", 8.0, E::planned_move, true),       // entry, change
      at_age("a", 8.1, E::planned_move, false),      // planned move
      at_age("a", 8.2, E::breakdown_carer, true),    // planned move, change
      at_age("a", 8.3, E::breakdown_other, true),    // breakdown, change
      at_age("a", 8.4, E::exit, true),               // breakdown, change
      at_age("a", 9.0, E::planned_move, false),      // re-entry: entry, no change
      at_age("a", 9.1, E::planned_move, false),      // planned move
      at_age("a", 9.2, E::exit, std::nullopt),       // planned move, not recorded
      at_age("b", 3.0, E::planned_move, true),       // entry below school age
      at_age("b", 6.5, E::exit, false),              // planned move
      at_age("c", 17.0, E::ongoing, true),           // entry above school age
      at_age("d", 15.5, E::ongoing, true),           // entry, change
  };
  return data;
}

TEST(EstimateProportion, WilsonInterval) {
  ProportionEstimate p = estimate_proportion(2, 3);
  EXPECT_NEAR(p.p, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(p.se, 0.272166, 1e-6);
  EXPECT_NEAR(p.lower, 0.207660, 1e-6);
  EXPECT_NEAR(p.upper, 0.938508, 1e-6);
  ProportionEstimate all = estimate_proportion(2, 2);
  EXPECT_EQ(all.se, 0.0);
  EXPECT_NEAR(all.lower, 0.342380, 1e-6);
  EXPECT_DOUBLE_EQ(all.upper, 1.0);
  EXPECT_THROW(estimate_proportion(0, 0), std::invalid_argument);
}

TEST(SchoolChangeEstimate, ByKindOfMoveForSchoolAgeChildren) {
  SchoolChangeEstimate s = SchoolChangeEstimate::estimate(hand_data(), SchoolChangeOptions{});
  ASSERT_TRUE(s.of(MoveKind::entry));
  EXPECT_EQ(s.of(MoveKind::entry)->trials, 3);
  EXPECT_EQ(s.of(MoveKind::entry)->successes, 2);
  ASSERT_TRUE(s.of(MoveKind::planned_move));
  EXPECT_EQ(s.of(MoveKind::planned_move)->trials, 4);
  EXPECT_EQ(s.of(MoveKind::planned_move)->successes, 1);
  EXPECT_NEAR(s.of(MoveKind::planned_move)->lower, 0.045587, 1e-6);
  EXPECT_NEAR(s.of(MoveKind::planned_move)->upper, 0.699358, 1e-6);
  EXPECT_NEAR(s.of(MoveKind::planned_move)->se, 0.216506, 1e-6);
  ASSERT_TRUE(s.of(MoveKind::breakdown));
  EXPECT_EQ(s.of(MoveKind::breakdown)->trials, 2);
  EXPECT_EQ(s.of(MoveKind::breakdown)->successes, 2);
  EXPECT_FALSE(s.of(MoveKind::return_home)) << "a return home starts no episode";
  EXPECT_EQ(s.unrecorded(), 1);
}

TEST(SchoolChangeEstimate, SchoolAgesAreAParameter) {
  SchoolChangeOptions options;
  options.first_age = 2.0;
  options.last_age = 18.0;
  SchoolChangeEstimate s = SchoolChangeEstimate::estimate(hand_data(), options);
  EXPECT_EQ(s.of(MoveKind::entry)->trials, 5);  // b at 3 and c at 17 now count
  EXPECT_THROW(SchoolChangeEstimate::estimate(hand_data(), SchoolChangeOptions{16.0, 6.0, std::nullopt}),
               std::invalid_argument);
}

TEST(SchoolChangeEstimate, NothingRecordedNothingEstimated) {
  EpisodeData data = hand_data();
  for (Episode& e : data.episodes) e.school_change.reset();
  SchoolChangeEstimate s = SchoolChangeEstimate::estimate(data, SchoolChangeOptions{});
  EXPECT_FALSE(s.any());
}

TEST(SchoolChangeEstimate, RecoversSimulatedProbabilities) {
  test_support::ScratchFolder folder;
  std::string population = "age,year,population\n";
  for (int age = 0; age < 18; ++age)
    for (int year = 2025; year <= 2029; ++year) population += fmt::format("{},{},5000\n", age, year);
  folder.write("population.csv", population);
  auto file = folder.write("school.yaml", R"(name: School changes
simulation: {start: 2025-01-01, years: 5, grid: yearly, replicates: 1, seed: 5}
states:
  - {name: foster, kind: placement}
  - {name: home, kind: exit}
  - {name: aged_out, kind: exit}
ageing_out: {age: 18, to: aged_out}
population: {table: population.csv}
entries:
  rate_per_1000: [{age: [0, 18], rate: 3}]
  mix: [{age: [0, 18], shares: {foster: 1}}]
transitions:
  - {from: foster, to: home, hazard: 0.3}
  - {from: foster, to: foster, hazard: 0.4}
  - {from: foster, to: foster, breakdown: {carer_initiated: 0.5, other: 0.5}, hazard: 0.3}
school:
  ages: [6, 16]
  change_probability: {entry: 0.6, planned_move: 0.4, breakdown: 0.7, return_home: 0.5}
  return_home_states: [home]
  exam: {age: 16, intercept: 1, per_school_change: -0.3, per_year_in_care: -0.1}
initial_stock: {warmup_years: 0}
)");
  Scenario scenario = read_scenario(file);
  RunOptions options;
  options.episode_replicates = {0};
  RunResult result = simulate(scenario, options, engine::SingleProcess{});
  SchoolChangeEstimate s = SchoolChangeEstimate::estimate(result.episodes[0], SchoolChangeOptions{6.0, 16.0, {}});
  const std::array<std::pair<MoveKind, double>, 3> truth{
      {{MoveKind::entry, 0.6}, {MoveKind::planned_move, 0.4}, {MoveKind::breakdown, 0.7}}};
  for (const auto& [kind, p] : truth) {
    ASSERT_TRUE(s.of(kind)) << move_kind_name(kind);
    EXPECT_GT(s.of(kind)->trials, 300);
    EXPECT_NEAR(s.of(kind)->p, p, 3.0 * s.of(kind)->se) << move_kind_name(kind);
  }
  EXPECT_EQ(s.unrecorded(), 0);
}

}  // namespace
}  // namespace carecast::models::calibration
