// Children whose first state is in-home support (kind support) stay at home: entering support,
// and leaving it other than for a placement, changes no school and ends no placement. Moving
// from support into a placement is entering care (the entry probability of a school change).
// Scenario: the baseline over three years where every entry goes to family support first.
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"
#include "simulation_runs.hpp"

namespace carecast::models {
namespace {

constexpr std::size_t replicates = 6;

/// Every entry goes to support; a school change follows every entry into care and every return
/// home, and no other move, and support that ends counts as a return home.
Scenario support_first() {
  Scenario s = read_scenario(test_support::data_dir() / "scenario" / "support_entries_only.yaml");
  s.school.change_probability = {1.0, 0.0, 0.0, 1.0};
  s.school.policy_change_probability.reset();
  s.school.return_home_state[static_cast<std::size_t>(s.state_index("support_ended"))] = true;
  return s;
}

Scenario never_placed() {
  Scenario s = support_first();
  int support = s.state_index("family_support");
  std::erase_if(s.transitions, [&](const TransitionSpec& t) { return t.from == support && !s.is_exit(t.to); });
  return s;
}

RunResult run(const Scenario& scenario) { return test_support::run_replicates(scenario, replicates, 31337); }


std::int64_t total(const std::vector<std::int64_t>& values) {
  return std::accumulate(values.begin(), values.end(), std::int64_t{0});
}

/// Transitions from support into a placement, over the horizon.
std::int64_t into_care_from_support(const Scenario& s, const RunResult& result, std::size_t r) {
  std::size_t states = s.states.size();
  auto support = static_cast<std::size_t>(s.state_index("family_support"));
  auto transitions = test_support::count_array(result, r, "transitions");  // [interval, from, to]
  std::int64_t n = 0;
  for (std::size_t i = 0; i < transitions.size(); ++i) {
    std::size_t to = i % states, from = (i / states) % states;
    if (from == support && s.states[to].kind == StateKind::placement) n += transitions[i];
  }
  return n;
}

TEST(SupportEntries, ChildrenWhoStayInSupportChangeNoSchoolAndEndNoPlacement) {
  Scenario s = never_placed();
  RunResult result = run(s);
  for (std::size_t r = 0; r < replicates; ++r) {
    EXPECT_GT(total(test_support::count_array(result, r, "entries")), 100) << "children entered support";
    EXPECT_EQ(into_care_from_support(s, result, r), 0);
    for (const char* name : {"school_changes", "placement_endings", "breakdowns"})
      EXPECT_EQ(total(test_support::count_array(result, r, name)), 0) << name << " in replicate " << r;
  }
}

TEST(SupportEntries, AMoveFromSupportIntoAPlacementIsEnteringCare) {
  Scenario s = support_first();
  s.school.ages = Interval{0.0, 100.0};  // every child is of school age, so the count is exact
  RunResult result = run(s);
  std::int64_t all_entries = 0;
  for (std::size_t r = 0; r < replicates; ++r) {
    auto changes = test_support::count_array(result, r, "school_changes");  // [interval, move_kind]
    std::int64_t entries = 0;
    for (std::size_t i = 0; i < changes.size(); i += move_kinds) entries += changes[i];
    // A school change (probability 1) at every move from support into care, and no entry change
    // anywhere else: arrivals start in support, which is no entry into care.
    EXPECT_EQ(entries, into_care_from_support(s, result, r)) << "replicate " << r;
    all_entries += entries;
  }
  EXPECT_GT(all_entries, 20) << "the comparison is not vacuous";
}

}  // namespace
}  // namespace carecast::models
