// The horizon of a scenario read back from its resolved text, for a comparison file that does not
// store where its last year ends: simulation.end when given, else the start moved on by
// simulation.years (a 29 February start ends on 28 February of a common year, as add_months
// counts); nothing for a text that gives neither, or is not YAML.
#include "output/scenario_horizon.hpp"

#include <gtest/gtest.h>

namespace carecast::output {
namespace {

TEST(ScenarioHorizon, IsTheEndWhenTheScenarioGivesIt) {
  EXPECT_EQ(horizon_of_scenario("simulation:\n  start: 2026-07-01\n  years: ~\n  end: 2036-01-01\n", "2026-07-01"),
            "2036-01-01");
  EXPECT_EQ(horizon_of_scenario("simulation: {start: 2026-07-01, end: 2031-01-01}", "2026-07-01"), "2031-01-01");
}

TEST(ScenarioHorizon, IsTheStartMovedOnByTheYearsOtherwise) {
  EXPECT_EQ(horizon_of_scenario("name: x\nsimulation: {start: 2026-07-01, years: 10}\n", "2026-07-01"), "2036-07-01");
  EXPECT_EQ(horizon_of_scenario("simulation: {start: 2026-07-01, years: 3, end: ~}", "2026-07-01"), "2029-07-01");
  EXPECT_EQ(horizon_of_scenario("simulation: {start: 2024-02-29, years: 1}", "2024-02-29"), "2025-02-28");
}

TEST(ScenarioHorizon, IsNothingWhenTheTextDoesNotGiveIt) {
  for (const char* text : {"name: s\n", "simulation: {start: 2026-07-01}", "simulation: {years: ten}",
                           "simulation: {end: soon}", "simulation: [1, 2]", "{unclosed", ""})
    EXPECT_EQ(horizon_of_scenario(text, "2026-07-01"), std::nullopt) << text;
  EXPECT_EQ(horizon_of_scenario("simulation: {years: 2}", "not a date"), std::nullopt);
}

}  // namespace
}  // namespace carecast::output
