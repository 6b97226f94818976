// Paired comparison under common random numbers: scenarios/school-stability.yaml (lower
// probabilities of changing school at a move, from the start date) run with the same seed as
// scenarios/baseline.yaml, both over three years. School changes are drawn
// from each child's own stream for its own event, and nothing upstream reads them, so every
// child follows the same trajectory (states, times, placements, breakdowns), the foster-carer
// pool evolves the same, every upstream array is identical, and only school changes (fewer, child
// by child) and attainment (higher) differ.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/interacting_replicate.hpp"
#include "engine/replicate_kernel.hpp"
#include "engine/replicate_runner.hpp"
#include "models/care_tally.hpp"
#include "models/history_counter.hpp"
#include "models/model_builder.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

constexpr std::size_t replicates = 12;
constexpr std::uint64_t seed = 8675309;

/// A child's life as the observers see it: every stay and every move with its counters.
struct Trajectory {
  struct Step {
    int from, to;
    double time;
    std::size_t tag;  // the exit taken (engine's own tags included); SIZE_MAX for ageing out
    std::uint16_t placements, breakdowns, school_changes;
  };
  int first_state = -1;
  double start = 0.0;
  std::vector<Step> steps;
  std::vector<std::pair<int, double>> stays;  // (state, until)
};

/// Lives by (replicate, child id); filled from several threads, one replicate each.
struct TrajectoryLog {
  std::mutex mutex;
  std::map<std::pair<std::uint64_t, std::uint64_t>, Trajectory> lives;
};

/// Records after the domain observers have written the child's counters.
class TrajectoryRecorder final : public engine::LifeObserver {
 public:
  TrajectoryRecorder(TrajectoryLog& log, std::uint64_t replicate) : log_(log), replicate_(replicate) {}
  void on_arrival(engine::Individual& child) override {
    std::lock_guard lock(log_.mutex);
    Trajectory& life = log_.lives[{replicate_, child.id}];
    life.first_state = child.state;
    life.start = child.entered;
  }
  void on_stay(const engine::Individual& child, double until) override {
    std::lock_guard lock(log_.mutex);
    log_.lives[{replicate_, child.id}].stays.push_back({child.state, until});
  }
  void on_transition(engine::Individual& child, int from, const engine::Exit* exit) override {
    auto counter = [&](HistoryCounter c) { return child.history[static_cast<std::size_t>(c)]; };
    std::lock_guard lock(log_.mutex);
    log_.lives[{replicate_, child.id}].steps.push_back(
        {from, child.state, child.entered, exit == nullptr ? SIZE_MAX : exit->tag, counter(HistoryCounter::placements),
         counter(HistoryCounter::breakdowns), counter(HistoryCounter::school_changes)});
  }

 private:
  TrajectoryLog& log_;
  std::uint64_t replicate_;
};

struct PairedRun {
  std::vector<engine::Tally> tallies;
  std::shared_ptr<const engine::TallyLayout> layout;
  TrajectoryLog log;
};

/// Runs the scenario as `simulate` does (the interacting replicate when it has a carer pool),
/// with a trajectory recorder after the care tally's observers.
void run(const Scenario& scenario, PairedRun& out) {
  ReplicateModels models(scenario, seed, engine::ReplicateRange{0, replicates});
  CareTally tally(scenario, models);
  engine::ObserverFactory care = tally.observers();
  engine::ReplicateRunner runner(
      [&](std::size_t r) -> const engine::ReplicateProgram& { return models.program(r); }, tally.layout(),
      [&](engine::Tally& t, engine::StreamKey key) -> std::unique_ptr<engine::LifeObserver> {
        auto chain = std::make_unique<engine::ObserverChain>();
        chain->add(care(t, key));
        chain->add(std::make_unique<TrajectoryRecorder>(out.log, key.replicate));
        return chain;
      },
      tally.finisher());
  out.tallies = runner.run(engine::ReplicateRange{0, replicates}, seed);
  out.layout = tally.layout();
}

class SchoolStability : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The shipped scenarios, over three years instead of ten (the warm-up is kept).
    baseline_scenario = new Scenario(read_scenario(test_support::scenarios_dir() / "baseline.yaml"));
    policy_scenario = new Scenario(read_scenario(test_support::scenarios_dir() / "school-stability.yaml"));
    baseline_scenario->simulation.span = std::chrono::years{3};
    policy_scenario->simulation.span = std::chrono::years{3};
    baseline = new PairedRun;
    policy = new PairedRun;
    run(*baseline_scenario, *baseline);
    run(*policy_scenario, *policy);
  }
  /// The probabilities of a school change in force from the start date on.
  static std::array<double, move_kinds> in_force(const Scenario& scenario) {
    return scenario.school.policy_change_probability.value_or(scenario.school.change_probability);
  }
  static void TearDownTestSuite() {
    delete baseline;
    delete policy;
    delete baseline_scenario;
    delete policy_scenario;
  }
  static Scenario* baseline_scenario;
  static Scenario* policy_scenario;
  static PairedRun* baseline;
  static PairedRun* policy;
};

Scenario* SchoolStability::baseline_scenario = nullptr;
Scenario* SchoolStability::policy_scenario = nullptr;
PairedRun* SchoolStability::baseline = nullptr;
PairedRun* SchoolStability::policy = nullptr;

TEST_F(SchoolStability, TheScenarioHasSchoolAndACarerPool) {
  ASSERT_TRUE(baseline_scenario->school.enabled);
  ASSERT_TRUE(baseline_scenario->carer_pool.enabled) << "the comparison should hold with the pool on";
  // The policy lowers the chance of a school change at some kinds of move and raises none.
  auto before = in_force(*baseline_scenario), after = in_force(*policy_scenario);
  EXPECT_NE(before, after);
  for (std::size_t kind = 0; kind < move_kinds; ++kind) EXPECT_LE(after[kind], before[kind]) << "move kind " << kind;
  // Only the school section differs (the name and description aside).
  Scenario same = *policy_scenario;
  same.school = baseline_scenario->school;
  EXPECT_EQ(same.transitions.size(), baseline_scenario->transitions.size());
  EXPECT_EQ(same.carer_pool.families, baseline_scenario->carer_pool.families);
  EXPECT_EQ(same.breakdowns.prior_breakdown_factor, baseline_scenario->breakdowns.prior_breakdown_factor);
  ASSERT_EQ(baseline->tallies.size(), replicates);
  ASSERT_EQ(policy->tallies.size(), replicates);
}

TEST_F(SchoolStability, EveryChildFollowsTheSameTrajectory) {
  const auto& a = baseline->log.lives;
  const auto& b = policy->log.lives;
  ASSERT_GT(a.size(), replicates * 500);
  ASSERT_EQ(a.size(), b.size());
  std::size_t moves = 0, fewer = 0, more = 0, pool_returns = 0;
  for (const auto& [key, life] : a) {
    auto found = b.find(key);
    ASSERT_NE(found, b.end()) << "child " << key.second << " of replicate " << key.first;
    const Trajectory& other = found->second;
    ASSERT_EQ(life.first_state, other.first_state);
    ASSERT_EQ(life.start, other.start);
    ASSERT_EQ(life.stays, other.stays) << "child " << key.second << " of replicate " << key.first;
    ASSERT_EQ(life.steps.size(), other.steps.size()) << "child " << key.second << " of replicate " << key.first;
    for (std::size_t k = 0; k < life.steps.size(); ++k) {
      const auto& x = life.steps[k];
      const auto& y = other.steps[k];
      ASSERT_EQ(x.from, y.from);
      ASSERT_EQ(x.to, y.to);
      ASSERT_EQ(x.time, y.time);
      ASSERT_EQ(x.tag, y.tag);
      ASSERT_EQ(x.placements, y.placements);
      ASSERT_EQ(x.breakdowns, y.breakdowns);
      // The same uniform draw decides each school change; lower probabilities change a subset
      // (before the start date, in the warm-up, the two are the same).
      EXPECT_LE(y.school_changes, x.school_changes) << "child " << key.second << " of replicate " << key.first;
      moves += 1;
      pool_returns += x.tag == engine::pool_return_tag;
    }
    if (!life.steps.empty()) {
      fewer += other.steps.back().school_changes < life.steps.back().school_changes;
      more += other.steps.back().school_changes > life.steps.back().school_changes;
    }
  }
  EXPECT_GT(moves, 1000u);
  EXPECT_GT(fewer, 50u) << "the policy must change some children's school changes";
  EXPECT_EQ(more, 0u);
  EXPECT_GT(pool_returns, 0u) << "the carer pool was binding at times";
}

TEST_F(SchoolStability, OnlySchoolChangesAndAttainmentDiffer) {
  const engine::TallyLayout& layout = *baseline->layout;
  const std::set<std::string> downstream{"school_changes", "cohort_school_changes", "exam_expected_passes"};
  std::set<std::string> names;
  for (const auto& array : layout.counts()) names.insert(array.name);
  for (const auto& array : layout.sums()) names.insert(array.name);
  for (const char* upstream : {"stock", "entries", "transitions", "exits", "moves", "left_within_year", "breakdowns",
                               "placement_endings", "cohort_children", "cohort_placements", "cohort_breakdowns",
                               "exam_cohort", "carer_pool", "carer_pool_flows"})
    EXPECT_TRUE(names.count(upstream)) << upstream << " should be recorded";
  for (const std::string& name : downstream) EXPECT_TRUE(names.count(name)) << name << " should be recorded";

  std::int64_t school_a = 0, school_b = 0;
  double passes_a = 0.0, passes_b = 0.0;
  bool cohort_school_differs = false;
  for (std::size_t r = 0; r < replicates; ++r) {
    const engine::Tally& a = baseline->tallies[r];
    const engine::Tally& b = policy->tallies[r];
    for (std::size_t h = 0; h < layout.counts().size(); ++h) {
      const std::string& name = layout.counts()[h].name;
      auto x = a.counts(h);
      auto y = b.counts(h);
      std::vector<std::int64_t> xs(x.begin(), x.end()), ys(y.begin(), y.end());
      if (name == "school_changes") {
        for (std::size_t i = 0; i < xs.size(); ++i) {
          school_a += xs[i];
          school_b += ys[i];
        }
      } else if (name == "cohort_school_changes") {
        cohort_school_differs = cohort_school_differs || xs != ys;
      } else {
        EXPECT_EQ(xs, ys) << name << " differs in replicate " << r;
      }
    }
    for (std::size_t h = 0; h < layout.sums().size(); ++h) {
      const std::string& name = layout.sums()[h].name;
      auto x = a.sums(h);
      auto y = b.sums(h);
      if (name == "exam_expected_passes") {
        for (std::size_t i = 0; i < x.size(); ++i) {
          EXPECT_GE(y[i], x[i]) << "expected passes in year " << i << " of replicate " << r;
          passes_a += x[i];
          passes_b += y[i];
        }
      } else {
        EXPECT_EQ(std::vector<double>(x.begin(), x.end()), std::vector<double>(y.begin(), y.end()))
            << name << " differs in replicate " << r;
      }
    }
  }
  EXPECT_GT(school_a, 0);
  EXPECT_LT(school_b, school_a) << "the policy must mean fewer school changes";
  EXPECT_TRUE(cohort_school_differs);
  EXPECT_GT(passes_a, 0.0);
  EXPECT_GT(passes_b, passes_a) << "fewer school changes must mean more expected exam passes";
}

}  // namespace
}  // namespace carecast::models
