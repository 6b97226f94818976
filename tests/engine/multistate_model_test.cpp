// MultistateModel::markov: no hazard depends on time in state or on history counters.
#include "engine/multistate_model.hpp"

#include <gtest/gtest.h>

#include "small_model.hpp"

namespace carecast::engine {
namespace {

using namespace test_support;

MultistateModel two_states(StateHazards leaving) {
  MultistateModel model;
  model.absorbing = {false, true};
  model.leaving = {std::move(leaving), StateHazards()};
  return model;
}

TEST(MultistateModel, MarkovWhenHazardsDependOnlyOnAgeAndPeriod) {
  PiecewiseRate by_age_and_period(Axis({0.0, 3650.0, infinity}), Axis(),
                                  Axis({-infinity, 365.0, infinity}), {1.0, 2.0, 3.0, 4.0});
  auto model = two_states(StateHazards({make_exit(1, by_age_and_period, -1, 1.0, 0)}));
  EXPECT_EQ(model.states(), 2u);
  EXPECT_TRUE(model.markov());
  // A counter that is incremented but never raises a hazard keeps it Markov.
  EXPECT_TRUE(two_states(StateHazards({make_exit(1, PiecewiseRate(0.1), 0, 1.0)})).markov());
  EXPECT_TRUE(MultistateModel{}.markov());
}

TEST(MultistateModel, NotMarkovWithDurationBandsOrCounterEffects) {
  PiecewiseRate by_duration(Axis(), Axis({0.0, 30.0, infinity}), Axis(), {1.0, 2.0});
  EXPECT_FALSE(two_states(StateHazards({make_exit(1, by_duration)})).markov());
  EXPECT_FALSE(two_states(StateHazards({make_exit(1, PiecewiseRate(0.1), 2, 1.3)})).markov());
  EXPECT_FALSE(SmallModel().model.markov());
}

}  // namespace
}  // namespace carecast::engine
