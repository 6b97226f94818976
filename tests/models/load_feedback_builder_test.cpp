// build_load_feedback and add_load_response: the caseload feedback of a scenario as the engine
// runs it. Capacity in each calendar year is staffing × norm; each state weighs its caseload
// weight; breakdown exits are raised (their rates carry the cap from the start date on, for
// thinning), transitions into exit states that are not breakdowns are slowed, and every other
// exit keeps its rate. Without a feedback nothing changes.
#include "models/load_feedback_builder.hpp"

#include <gtest/gtest.h>

#include "models/model_builder.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

Scenario baseline_with_feedback() {
  Scenario s = read_scenario(test_support::scenarios_dir() / "caseworker-shortage.yaml");
  EXPECT_TRUE(s.caseload.feedback.has_value());
  return s;
}

Scenario without_feedback(Scenario s) {
  s.caseload.feedback.reset();
  return s;
}

TEST(LoadFeedbackBuilder, CapacityIsStaffingTimesTheNormOfEachCalendarYear) {
  Scenario s = baseline_with_feedback();  // staffing 8, then 6 from 2027; norm 30
  CompiledScenario compiled = compile_scenario(s);
  ASSERT_TRUE(compiled.load_feedback.has_value());
  const engine::LoadFeedbackSpec& spec = *compiled.load_feedback;
  EXPECT_DOUBLE_EQ(spec.capacity[spec.capacity_periods.cell_of(0.0)], 240.0);
  EXPECT_DOUBLE_EQ(spec.capacity[spec.capacity_periods.cell_of(compiled.calendar.start_of_year(2026) + 1)], 240.0);
  EXPECT_DOUBLE_EQ(spec.capacity[spec.capacity_periods.cell_of(compiled.calendar.start_of_year(2027) - 1)], 240.0);
  EXPECT_DOUBLE_EQ(spec.capacity[spec.capacity_periods.cell_of(compiled.calendar.start_of_year(2027))], 180.0);
  EXPECT_DOUBLE_EQ(spec.capacity[spec.capacity_periods.cell_of(compiled.span.horizon - 1)], 180.0);
  EXPECT_EQ(spec.weight, s.caseload.weights);
  EXPECT_DOUBLE_EQ(spec.law.raise_per_excess, 1.0);
  EXPECT_DOUBLE_EQ(spec.law.slow_per_excess, 0.5);
  EXPECT_DOUBLE_EQ(spec.law.raise_cap, 2.0);
  EXPECT_DOUBLE_EQ(spec.from, 0.0);
}

TEST(LoadFeedbackBuilder, BreakdownsAreRaisedPlannedExitsSlowedAndOtherMovesLeftAlone) {
  Scenario s = baseline_with_feedback();
  CompiledScenario with = compile_scenario(s);
  CompiledScenario without = compile_scenario(without_feedback(s));
  std::size_t raised = 0, slowed = 0, untouched = 0;
  for (std::size_t state = 0; state < with.model.states(); ++state) {
    const engine::StateHazards& a = with.model.leaving[state];
    const engine::StateHazards& b = without.model.leaving[state];
    ASSERT_EQ(a.destinations(), b.destinations());
    for (std::size_t j = 0; j < a.destinations(); ++j) {
      const engine::Exit& exit = a.exit(j);
      const ExitMeaning& meaning = with.exit_meanings[exit.tag];
      double age = 10 * engine::days_per_year, duration = 100.0;
      double rate_after = exit.rate.at(age, duration, 400.0), base_after = b.exit(j).rate.at(age, duration, 400.0);
      double rate_before = exit.rate.at(age, duration, -400.0), base_before = b.exit(j).rate.at(age, duration, -400.0);
      EXPECT_EQ(b.exit(j).load_response, engine::LoadResponse::none);
      if (meaning.breakdown) {
        EXPECT_EQ(exit.load_response, engine::LoadResponse::raised);
        EXPECT_DOUBLE_EQ(rate_after, 2.0 * base_after) << "the rate carries the cap from the start date";
        EXPECT_DOUBLE_EQ(rate_before, base_before) << "and not in the warm-up";
        raised += 1;
      } else if (s.is_exit(exit.to)) {
        EXPECT_EQ(exit.load_response, engine::LoadResponse::slowed);
        EXPECT_DOUBLE_EQ(rate_after, base_after);
        slowed += 1;
      } else {
        EXPECT_EQ(exit.load_response, engine::LoadResponse::none);
        EXPECT_DOUBLE_EQ(rate_after, base_after);
        untouched += 1;
      }
    }
  }
  EXPECT_GT(raised, 0u);
  EXPECT_GT(slowed, 0u);
  EXPECT_GT(untouched, 0u);
}

TEST(LoadFeedbackBuilder, WithoutAFeedbackThereIsNoneToRun) {
  Scenario s = without_feedback(baseline_with_feedback());
  EXPECT_FALSE(compile_scenario(s).load_feedback.has_value());
  s.caseload.enabled = false;
  EXPECT_FALSE(build_load_feedback(s, engine::Calendar(s.simulation.start), 3650.0).has_value());
}

}  // namespace
}  // namespace carecast::models
