// SchoolChanges in simulation: the probability of a school change at a return home. The baseline
// over three years, with every age school age (so every return home is a draw) and a school
// change only at a return home, with probability p. A return home is a transition from a
// placement into one of school.return_home_states or into a support state, and the transitions
// array counts every one of them on the grid; the school_changes array counts the draws that
// changed school on the same grid. Each draw is a uniform number from its own stream that nothing
// else reads, so given the transitions the number of return-home school changes is
// Binomial(returns, p): it must lie within 4 binomial standard errors, 4 sqrt(n p (1 - p)), of
// n p, and every other kind of move (probability 0) must have none.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"
#include "simulation_runs.hpp"

namespace carecast::models {
namespace {

constexpr std::size_t replicates = 6;
constexpr double p = 0.5;

Scenario returns_home_only() {
  Scenario s = read_scenario(test_support::data_dir() / "scenario" / "baseline_short.yaml");
  EXPECT_TRUE(s.school.enabled);
  s.school.ages = Interval{0.0, 100.0};  // every child is of school age, so every return home counts
  s.school.change_probability = {0.0, 0.0, 0.0, p};
  s.school.policy_change_probability.reset();
  return s;
}

/// Returns home on the grid: transitions [interval, from, to] from a placement into a
/// return-home state or a support state.
std::int64_t returns_home(const Scenario& s, const RunResult& result, std::size_t r) {
  std::size_t states = s.states.size();
  auto transitions = test_support::count_array(result, r, "transitions");
  std::int64_t n = 0;
  for (std::size_t i = 0; i < transitions.size(); ++i) {
    std::size_t to = i % states, from = (i / states) % states;
    if (s.states[from].kind == StateKind::placement &&
        (s.school.return_home_state[to] || s.states[to].kind == StateKind::support))
      n += transitions[i];
  }
  return n;
}

TEST(SchoolChanges, AReturnHomeChangesSchoolWithItsProbability) {
  Scenario s = returns_home_only();
  RunResult result = test_support::run_replicates(s, replicates, 20240607);
  std::int64_t returns = 0, changed = 0;
  for (std::size_t r = 0; r < replicates; ++r) {
    auto changes = test_support::count_array(result, r, "school_changes");  // [interval, move_kind]
    ASSERT_EQ(changes.size() % move_kinds, 0u);
    std::int64_t by_kind[move_kinds] = {};
    for (std::size_t i = 0; i < changes.size(); ++i) by_kind[i % move_kinds] += changes[i];
    for (MoveKind kind : {MoveKind::entry, MoveKind::planned_move, MoveKind::breakdown})
      EXPECT_EQ(by_kind[static_cast<std::size_t>(kind)], 0)
          << "move kind " << static_cast<std::size_t>(kind) << " has probability 0, replicate " << r;
    std::int64_t n = returns_home(s, result, r);
    EXPECT_LE(by_kind[static_cast<std::size_t>(MoveKind::return_home)], n) << "replicate " << r;
    returns += n;
    changed += by_kind[static_cast<std::size_t>(MoveKind::return_home)];
  }
  ASSERT_GT(returns, 500) << "enough returns home for the binomial check";
  double n = static_cast<double>(returns);
  EXPECT_NEAR(static_cast<double>(changed), p * n, 4.0 * std::sqrt(n * p * (1.0 - p)))
      << changed << " school changes at " << returns << " returns home";
}

}  // namespace
}  // namespace carecast::models
