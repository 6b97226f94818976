// compile_scenario: a validated scenario turned into the engine's objects. Rates per year become
// rates per day on axes in days; entries become one arrival group per single year of age with
// expected entries per day = population × rate_per_1000 / 1000 / 365.25 × trend; the snapshot
// becomes the initial stock.
#include "models/model_builder.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "models/history_counter.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

namespace fs = std::filesystem;
using engine::days_per_year;
using test_support::data_dir;
using test_support::scenarios_dir;
using test_support::ScratchFolder;

fs::path builder(const std::string& name) { return data_dir() / "builder" / name; }

constexpr int SUPPORT = 0, FOSTER = 1, HOME = 2, ADULT = 3;

class ModelBuilderTest : public ::testing::Test {
 protected:
  Scenario scenario = read_scenario(builder("small.yaml"));
  CompiledScenario compiled = compile_scenario(scenario);

  /// The expected entries per day at `age` on day `day`, by the documented formula.
  double expected_per_day(const Scenario& s, const engine::Calendar& calendar, int age, double rate, long day) const {
    int year = calendar.year_at(static_cast<double>(day));
    int table_year = std::max(year, s.population.first_year());
    double population = *s.population.at(age, table_year);
    return population * rate / 1000.0 / 365.25 * std::pow(1.0 + s.entries.trend_per_year, year - 2025);
  }
};

TEST_F(ModelBuilderTest, StatesAndAgeingOut) {
  const engine::MultistateModel& model = compiled.model;
  EXPECT_EQ(model.states(), 4u);
  EXPECT_EQ(model.absorbing, (std::vector<bool>{false, false, true, true}));
  EXPECT_EQ(model.age_out_days, 4 * days_per_year);
  EXPECT_EQ(model.age_out_state, ADULT);
  ASSERT_EQ(model.leaving.size(), 4u);
  EXPECT_TRUE(model.leaving[HOME].empty());
  EXPECT_TRUE(model.leaving[ADULT].empty());
}

TEST_F(ModelBuilderTest, HazardsWithoutTimeInStateBandsDoNotDependOnTimeInState) {
  // small.yaml has bands by age, bands by period and one hazard written as a single number
  // (support -> home); none depends on time in state, so the model is Markov.
  EXPECT_FALSE(compiled.model.leaving[FOSTER].duration_dependent());
  EXPECT_EQ(compiled.model.leaving[FOSTER].exit(0).rate.duration().cells(), 1u);
  EXPECT_EQ(compiled.model.leaving[SUPPORT].exit(0).rate.duration().cells(), 1u);  // age bands
  const engine::PiecewiseRate& one_number = compiled.model.leaving[SUPPORT].exit(1).rate;
  for (double duration : {0.0, 1.0, 1000.0})
    EXPECT_DOUBLE_EQ(one_number.at(500.0, duration, 0.0), 0.2 / 365.25) << duration;
  EXPECT_FALSE(compiled.model.leaving[SUPPORT].duration_dependent());
  EXPECT_TRUE(compiled.model.markov());
}

TEST_F(ModelBuilderTest, HazardsPerYearBecomeRatesPerDayOnAxesInDays) {
  const engine::StateHazards& support = compiled.model.leaving[SUPPORT];
  ASSERT_EQ(support.destinations(), 2u);
  EXPECT_EQ(support.exit(0).to, FOSTER);
  EXPECT_EQ(support.exit(1).to, HOME);
  const engine::PiecewiseRate& to_foster = support.exit(0).rate;
  EXPECT_DOUBLE_EQ(to_foster.at(0.0, 0.0, 0.0), 0.5 / 365.25);
  EXPECT_DOUBLE_EQ(to_foster.at(2 * 365.25 - 0.01, 0.0, 0.0), 0.5 / 365.25);
  EXPECT_DOUBLE_EQ(to_foster.at(2 * 365.25, 0.0, 0.0), 1.5 / 365.25);  // the band edge, in days
  EXPECT_DOUBLE_EQ(to_foster.at(3.9 * 365.25, 5000.0, -400.0), 1.5 / 365.25);
  EXPECT_DOUBLE_EQ(support.exit(1).rate.at(1000.0, 10.0, 10.0), 0.2 / 365.25);

  const engine::StateHazards& foster = compiled.model.leaving[FOSTER];
  ASSERT_EQ(foster.destinations(), 1u);
  EXPECT_EQ(foster.exit(0).to, HOME);
  const engine::PiecewiseRate& home = foster.exit(0).rate;
  // 2026-01-01 is day 184 from 2025-07-01.
  EXPECT_DOUBLE_EQ(home.at(500.0, 0.0, -3000.0), 0.73 / 365.25);
  EXPECT_DOUBLE_EQ(home.at(500.0, 0.0, 183.99), 0.73 / 365.25);
  EXPECT_DOUBLE_EQ(home.at(500.0, 0.0, 184.0), 0.365 / 365.25);
  EXPECT_DOUBLE_EQ(home.at(500.0, 0.0, 5000.0), 0.365 / 365.25);
  EXPECT_EQ(home.period().edges(), (std::vector<double>{-engine::infinity, 184.0, engine::infinity}));
  EXPECT_EQ(to_foster.age().edges(), (std::vector<double>{-engine::infinity, 0.0, 2 * 365.25, 4 * 365.25,
                                                           engine::infinity}));
}

TEST_F(ModelBuilderTest, PerDayRateOfDurationBands) {
  Scenario with_duration = read_scenario(builder("small_duration.yaml"));
  CompiledScenario c = compile_scenario(with_duration);
  const engine::PiecewiseRate& rate = c.model.leaving[SUPPORT].exit(0).rate;
  EXPECT_DOUBLE_EQ(rate.at(100.0, 0.0, 0.0), 2.0 / 365.25);
  EXPECT_DOUBLE_EQ(rate.at(100.0, 0.25 * 365.25 - 0.01, 0.0), 2.0 / 365.25);
  EXPECT_DOUBLE_EQ(rate.at(100.0, 0.25 * 365.25, 0.0), 0.5 / 365.25);
  EXPECT_FALSE(c.model.markov());
}

TEST_F(ModelBuilderTest, SpanAndGrid) {
  EXPECT_EQ(compiled.span.first_arrival_day, -365);  // one year of warm-up: floor(365.25)
  EXPECT_EQ(compiled.span.horizon, 730.0);            // 2025-07-01 to 2027-07-01
  EXPECT_EQ(compiled.grid.points(), 3u);
  EXPECT_EQ(compiled.calendar.origin(), scenario.simulation.start);
  EXPECT_TRUE(compiled.initial.empty());
}

TEST_F(ModelBuilderTest, OneArrivalGroupPerYearOfAgeWithAPositiveRate) {
  const auto& groups = compiled.arrivals.groups();
  ASSERT_EQ(groups.size(), 3u);  // ages 0, 2 and 3; age 1 has rate 0
  EXPECT_EQ(groups[0].min_age_days, 0.0);
  EXPECT_EQ(groups[0].max_age_days, 365.25);
  EXPECT_EQ(groups[1].min_age_days, 2 * 365.25);
  EXPECT_EQ(groups[1].max_age_days, 3 * 365.25);
  EXPECT_EQ(groups[2].min_age_days, 3 * 365.25);
  EXPECT_EQ(groups[2].max_age_days, 4 * 365.25);
  // First states from the entry mix of the group's age, exit states and zero shares left out.
  EXPECT_EQ(groups[0].first_states, (std::vector<int>{SUPPORT, FOSTER}));
  EXPECT_EQ(groups[0].first_state_shares, (std::vector<double>{0.25, 0.75}));
  EXPECT_EQ(groups[1].first_states, (std::vector<int>{FOSTER}));
  EXPECT_EQ(groups[1].first_state_shares, (std::vector<double>{1.0}));
  EXPECT_EQ(groups[2].first_states, (std::vector<int>{FOSTER}));
}

TEST_F(ModelBuilderTest, ExpectedEntriesPerDayArePopulationTimesRateTimesTrend) {
  struct Group {
    std::size_t index;
    int age;
    double rate;
  };
  // Days: warm-up (2024, before the table: its first year), the start year 2025, 2026, 2027.
  const std::vector<long> days{-365, -1, 0, 183, 184, 400, 548, 549, 729};
  for (Group g : {Group{0, 0, 3.65}, Group{1, 2, 7.3}, Group{2, 3, 7.3}})
    for (long day : days) {
      double expected = expected_per_day(scenario, compiled.calendar, g.age, g.rate, day);
      EXPECT_DOUBLE_EQ(compiled.arrivals.expected_on_day(g.index, day), expected)
          << "age " << g.age << ", day " << day;
    }
  // Spot checks in plain numbers: age 0 in 2026 is 1100 × 3.65 / 1000 / 365.25 × 1.1.
  EXPECT_DOUBLE_EQ(compiled.arrivals.expected_on_day(0, 200), 1100 * 3.65 / 1000 / 365.25 * 1.1);
  EXPECT_DOUBLE_EQ(compiled.arrivals.expected_on_day(0, 0), 1000 * 3.65 / 1000 / 365.25);
  EXPECT_DOUBLE_EQ(compiled.arrivals.expected_on_day(0, -365), 1000 * 3.65 / 1000 / 365.25 / 1.1);
  EXPECT_DOUBLE_EQ(compiled.arrivals.expected_on_day(2, 600), 520.9 * 7.3 / 1000 / 365.25 * 1.21);
}

TEST_F(ModelBuilderTest, DoublingThePopulationDoublesExpectedArrivalsExactly) {
  for (const char* file : {"small_doubled.yaml", "small_scaled.yaml"}) {
    Scenario doubled = read_scenario(builder(file));
    CompiledScenario twice = compile_scenario(doubled);
    ASSERT_EQ(twice.arrivals.groups().size(), compiled.arrivals.groups().size()) << file;
    for (std::size_t g = 0; g < compiled.arrivals.groups().size(); ++g)
      for (long day = compiled.span.first_arrival_day; day < 730; day += 7)
        ASSERT_EQ(twice.arrivals.expected_on_day(g, day), 2.0 * compiled.arrivals.expected_on_day(g, day))
            << file << ", group " << g << ", day " << day;
  }
}

TEST_F(ModelBuilderTest, TheBaselineGivesAboutFiftyEightEntriesAYear) {
  // The documented target of the baseline: ≈58 entries a year (3,400 × 1.7 %).
  Scenario baseline = read_scenario(scenarios_dir() / "baseline.yaml");
  CompiledScenario c = compile_scenario(baseline);
  double first_year = 0.0;
  for (std::size_t g = 0; g < c.arrivals.groups().size(); ++g)
    for (long day = 0; day < 365; ++day) first_year += c.arrivals.expected_on_day(g, day);
  EXPECT_NEAR(first_year, 58.0, 6.0);
  // ...and is the sum over ages of population × rate / 1000 for 2025.
  double by_formula = 0.0;
  for (int age = 0; age < 23; ++age) {
    int box = box_containing(baseline.entries.rate_per_1000.boxes, age + 0.5, 0.0, 0.0);
    by_formula += *baseline.population.at(age, 2025) * baseline.entries.rate_per_1000.values[static_cast<std::size_t>(box)] / 1000.0;
  }
  EXPECT_NEAR(first_year, by_formula * 365.0 / 365.25, 1e-9 * by_formula);
}

TEST_F(ModelBuilderTest, TheSnapshotBecomesTheInitialStock) {
  ScratchFolder scratch;
  std::ifstream in(builder("small.yaml"));
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  yaml.replace(yaml.find("  warmup_years: 1"), 17, "  snapshot: " + builder("small_snapshot.csv").string());
  yaml.replace(yaml.find("small_population.csv"), 20, builder("small_population.csv").string());
  auto file = scratch.write("with_snapshot.yaml", yaml);
  Scenario with_snapshot = read_scenario(file);
  CompiledScenario c = compile_scenario(with_snapshot);
  EXPECT_EQ(c.span.first_arrival_day, 0);
  ASSERT_EQ(c.initial.size(), 4u);  // three rows of one plus one
  for (std::size_t i = 0; i < 3; ++i) {
    const engine::InitialChild& child = c.initial[i];
    EXPECT_EQ(child.state, FOSTER);
    EXPECT_EQ(child.min_age_days, 2 * 365.25);
    EXPECT_EQ(child.max_age_days, 3 * 365.25);
    EXPECT_EQ(child.days_in_state, 100.0);
    EXPECT_EQ(child.history[static_cast<std::size_t>(HistoryCounter::placements)], 2);
    EXPECT_EQ(child.history[static_cast<std::size_t>(HistoryCounter::breakdowns)], 1);
    EXPECT_EQ(child.history[static_cast<std::size_t>(HistoryCounter::school_changes)], 0);
  }
  const engine::InitialChild& last = c.initial[3];
  EXPECT_EQ(last.state, SUPPORT);
  EXPECT_EQ(last.min_age_days, 3 * 365.25);
  EXPECT_EQ(last.max_age_days, 4 * 365.25);  // capped at the ageing-out age
  EXPECT_EQ(last.history[static_cast<std::size_t>(HistoryCounter::school_changes)], 1);
}

TEST(PerDayRate, AConstantRateIsOneCell) {
  BandedRate rate;
  rate.boxes.push_back(BandBox{});
  rate.values.push_back(36.525);
  engine::PiecewiseRate per_day = per_day_rate(rate);
  EXPECT_EQ(per_day.age().cells(), 1u);
  EXPECT_EQ(per_day.duration().cells(), 1u);
  EXPECT_EQ(per_day.period().cells(), 1u);
  EXPECT_DOUBLE_EQ(per_day.at(0.0, 0.0, 0.0), 0.1);
}

}  // namespace
}  // namespace carecast::models
