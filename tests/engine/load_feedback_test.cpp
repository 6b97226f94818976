// LoadLaw and LoadFeedbackSpec: the multipliers of raised and slowed exits at a given excess
// load, their ceilings, capacity by calendar period, and the probability that thinning keeps a
// move (multiplier / ceiling, and always 1 before the feedback starts).
#include "engine/load_feedback.hpp"

#include <gtest/gtest.h>

namespace carecast::engine {
namespace {

LoadLaw make_law() {
  LoadLaw law;
  law.raise_per_excess = 2.0;
  law.slow_per_excess = 4.0;
  law.raise_cap = 2.5;
  return law;
}

LoadFeedbackSpec make_spec() {
  LoadFeedbackSpec spec;
  spec.law = make_law();
  spec.weight = {1.0, 0.5, 0.0};
  spec.capacity_periods = Axis({-infinity, 365.0, infinity});
  spec.capacity = {100.0, 200.0};
  spec.from = 0.0;
  return spec;
}

TEST(LoadLawTest, RaisedExitsGrowLinearlyWithTheExcessUpToTheCap) {
  LoadLaw law = make_law();
  EXPECT_DOUBLE_EQ(law.multiplier(LoadResponse::raised, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(law.multiplier(LoadResponse::raised, 0.25), 1.5);
  EXPECT_DOUBLE_EQ(law.multiplier(LoadResponse::raised, 0.75), 2.5);
  EXPECT_DOUBLE_EQ(law.multiplier(LoadResponse::raised, 10.0), 2.5);
}

TEST(LoadLawTest, SlowedExitsFallAsOneOverOnePlusTheScaledExcess) {
  LoadLaw law = make_law();
  EXPECT_DOUBLE_EQ(law.multiplier(LoadResponse::slowed, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(law.multiplier(LoadResponse::slowed, 0.25), 0.5);
  EXPECT_DOUBLE_EQ(law.multiplier(LoadResponse::slowed, 1.0), 0.2);
}

TEST(LoadLawTest, ExitsThatDoNotRespondKeepTheirRate) {
  EXPECT_DOUBLE_EQ(make_law().multiplier(LoadResponse::none, 3.0), 1.0);
}

TEST(LoadLawTest, TheCeilingIsTheCapForRaisedExitsAndOneOtherwise) {
  LoadLaw law = make_law();
  EXPECT_DOUBLE_EQ(law.ceiling(LoadResponse::raised), 2.5);
  EXPECT_DOUBLE_EQ(law.ceiling(LoadResponse::slowed), 1.0);
  EXPECT_DOUBLE_EQ(law.ceiling(LoadResponse::none), 1.0);
}

TEST(LoadFeedbackSpecTest, ExcessIsTheLoadAboveTheCapacityOfThePeriod) {
  LoadFeedbackSpec spec = make_spec();
  EXPECT_DOUBLE_EQ(spec.excess(150.0, 10.0), 0.5);
  EXPECT_DOUBLE_EQ(spec.excess(150.0, 400.0), 0.0);  // capacity 200 from day 365
  EXPECT_DOUBLE_EQ(spec.excess(300.0, 400.0), 0.5);
  EXPECT_DOUBLE_EQ(spec.excess(80.0, 10.0), 0.0);
}

TEST(LoadFeedbackSpecTest, ThinningKeepsAMoveWithProbabilityMultiplierOverCeiling) {
  LoadFeedbackSpec spec = make_spec();
  EXPECT_DOUBLE_EQ(spec.acceptance(LoadResponse::raised, 100.0, 10.0), 1.0 / 2.5);
  EXPECT_DOUBLE_EQ(spec.acceptance(LoadResponse::raised, 125.0, 10.0), 1.5 / 2.5);
  EXPECT_DOUBLE_EQ(spec.acceptance(LoadResponse::raised, 1000.0, 10.0), 1.0);
  EXPECT_DOUBLE_EQ(spec.acceptance(LoadResponse::slowed, 125.0, 10.0), 0.5);
  EXPECT_DOUBLE_EQ(spec.acceptance(LoadResponse::none, 125.0, 10.0), 1.0);
}

TEST(LoadFeedbackSpecTest, BeforeItStartsEveryMoveHappens) {
  LoadFeedbackSpec spec = make_spec();
  EXPECT_DOUBLE_EQ(spec.acceptance(LoadResponse::raised, 1000.0, -1.0), 1.0);
  EXPECT_DOUBLE_EQ(spec.acceptance(LoadResponse::slowed, 1000.0, -1.0), 1.0);
}

}  // namespace
}  // namespace carecast::engine
