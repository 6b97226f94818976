// Arrival rules: a matching arrival is reached with probability `reach` and diverted with
// probability reach × divert_given_reached (binomial checks at 4 standard errors); arrivals
// outside the window, the ages or the first states are never touched; children a rule does not
// divert keep every other draw (common random numbers); "strongest" lets only the likeliest of
// two matching rules act, "multiply" lets both.
#include <gtest/gtest.h>

#include <cmath>

#include "engine/arrival_rule.hpp"

namespace carecast::engine {
namespace {

Individual arrival(std::uint64_t id, double time, double age_days, int state) {
  Individual child;
  child.id = id;
  child.entered = child.arrived = time;
  child.birth = time - age_days;
  child.state = state;
  return child;
}

ArrivalRule teenage_rule(double reach, double divert, int to) {
  ArrivalRule rule;
  rule.from = 100.0;
  rule.until = 200.0;
  rule.min_age = 12 * 365.25;
  rule.max_age = 18 * 365.25;
  rule.bound_for = {true, false, false};
  rule.reach = reach;
  rule.divert_given_reached = divert;
  rule.divert_to = to;
  return rule;
}

TEST(ArrivalRules, ReachAndDiversionHaveTheirProbabilities) {
  ArrivalRules rules({teenage_rule(0.6, 0.25, 2)}, RuleCombination::multiply);
  constexpr int n = 20000;
  int reached = 0, diverted = 0;
  for (int i = 0; i < n; ++i) {
    Individual child = arrival(static_cast<std::uint64_t>(i), 150.0, 14 * 365.25, 0);
    std::vector<RuleOutcome> outcomes;
    ASSERT_TRUE(rules.apply(child, StreamKey{3, 0}, outcomes));
    reached += static_cast<int>(outcomes.size());
    diverted += child.state == 2;
    if (!outcomes.empty()) EXPECT_EQ(outcomes[0].diverted, child.state == 2);
  }
  auto within = [](int count, double p) {
    return std::abs(count - n * p) < 4.0 * std::sqrt(n * p * (1 - p));
  };
  EXPECT_TRUE(within(reached, 0.6)) << reached;
  EXPECT_TRUE(within(diverted, 0.15)) << diverted;
}

TEST(ArrivalRules, ArrivalsOutsideTheTargetAreUntouched) {
  ArrivalRules rules({teenage_rule(1.0, 1.0, leaves_system)}, RuleCombination::multiply);
  for (Individual child : {arrival(1, 50.0, 14 * 365.25, 0), arrival(2, 250.0, 14 * 365.25, 0),
                           arrival(3, 150.0, 8 * 365.25, 0), arrival(4, 150.0, 14 * 365.25, 1)}) {
    std::vector<RuleOutcome> outcomes;
    Individual before = child;
    EXPECT_TRUE(rules.apply(child, StreamKey{3, 0}, outcomes));
    EXPECT_TRUE(outcomes.empty());
    EXPECT_EQ(child.state, before.state);
  }
  Individual target = arrival(5, 150.0, 14 * 365.25, 0);
  std::vector<RuleOutcome> outcomes;
  EXPECT_FALSE(rules.apply(target, StreamKey{3, 0}, outcomes)) << "a certain diversion out of the system";
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_TRUE(outcomes[0].diverted);
}

TEST(ArrivalRules, AStrongerRuleDivertsASupersetOfTheChildrenAWeakerOneDiverts) {
  // The same uniform decides for the same child: raising the diversion probability only adds
  // diverted children (common random numbers between scenarios).
  ArrivalRules weak({teenage_rule(0.5, 0.2, 2)}, RuleCombination::multiply);
  ArrivalRules strong({teenage_rule(0.5, 0.6, 2)}, RuleCombination::multiply);
  int weak_count = 0;
  for (std::uint64_t id = 0; id < 2000; ++id) {
    Individual a = arrival(id, 150.0, 13 * 365.25, 0), b = a;
    std::vector<RuleOutcome> ignored;
    weak.apply(a, StreamKey{9, 4}, ignored);
    strong.apply(b, StreamKey{9, 4}, ignored);
    if (a.state == 2) {
      ++weak_count;
      EXPECT_EQ(b.state, 2) << id;
    }
  }
  EXPECT_GT(weak_count, 100);
}

TEST(ArrivalRules, StrongestLetsOnlyTheLikeliestRuleActAndMultiplyLetsBoth) {
  ArrivalRule likely = teenage_rule(1.0, 0.5, 2), unlikely = teenage_rule(1.0, 0.1, 1);
  likely.key = 2;  // each rule draws on its own stream
  unlikely.key = 1;
  constexpr int n = 20000;
  for (RuleCombination combination : {RuleCombination::strongest, RuleCombination::multiply}) {
    ArrivalRules rules({unlikely, likely}, combination);
    int to_one = 0, to_two = 0;
    for (int i = 0; i < n; ++i) {
      Individual child = arrival(static_cast<std::uint64_t>(i), 150.0, 15 * 365.25, 0);
      std::vector<RuleOutcome> outcomes;
      rules.apply(child, StreamKey{1, 1}, outcomes);
      to_one += child.state == 1;
      to_two += child.state == 2;
    }
    if (combination == RuleCombination::strongest) {
      EXPECT_EQ(to_one, 0);
      EXPECT_NEAR(to_two, 0.5 * n, 4.0 * std::sqrt(0.25 * n));
    } else {  // the first rule acts first; the second acts on those the first left alone
      EXPECT_NEAR(to_one, 0.1 * n, 4.0 * std::sqrt(0.09 * n));
      EXPECT_NEAR(to_two, 0.45 * n, 4.0 * std::sqrt(0.45 * 0.55 * n));
    }
  }
}

}  // namespace
}  // namespace carecast::engine
