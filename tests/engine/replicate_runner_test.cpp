// The TBB runner: results independent of the thread count, reproducible, and common random
// numbers between scenarios.
#include "engine/replicate_runner.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <vector>

#include "engine/occupancy_recorder.hpp"
#include "small_model.hpp"

namespace carecast::engine {
namespace {

using namespace test_support;

/// Person-days in each non-absorbing state within [0, horizon): a real-valued sum whose
/// rounding depends on the order of additions, so it exposes any non-deterministic reduction.
class PersonDays final : public LifeObserver {
 public:
  PersonDays(const MultistateModel& model, double horizon, std::span<double> days)
      : model_(model), horizon_(horizon), days_(days) {}
  void on_arrival(Individual&) override {}
  void on_stay(const Individual& child, double until) override {
    auto state = static_cast<std::size_t>(child.state);
    if (model_.absorbing[state]) return;
    double length = std::min(until, horizon_) - std::max(child.entered, 0.0);
    if (length > 0.0) days_[state] += length;
  }
  void on_transition(Individual&, int, const Exit*) override {}

 private:
  const MultistateModel& model_;
  double horizon_;
  std::span<double> days_;
};

/// A runner recording occupancy and person-days for the given model(s).
struct RunnerSetup {
  explicit RunnerSetup(std::vector<const SmallModel*> models_by_parity)
      : models(std::move(models_by_parity)) {
    auto l = std::make_shared<TallyLayout>();
    const SmallModel& m = *models.front();
    handles = OccupancyRecorder::register_arrays(*l, m.grid.points(), STATES);
    person_days = l->add_sums("person_days", {STATES}, {"state"});
    layout = l;
    runner = std::make_unique<ReplicateRunner>(
        [this](std::size_t replicate) -> const ReplicateKernel& {
          return models[replicate % models.size()]->kernel;
        },
        layout,
        [this](Tally& tally, StreamKey) { return runner_observers(tally); },
        [this](Tally& tally) { OccupancyRecorder::finalize(tally, handles, STATES); });
  }

  std::unique_ptr<LifeObserver> runner_observers(Tally& tally) const {
    const SmallModel& m = *models.front();
    auto chain = std::make_unique<ObserverChain>();
    chain->add(std::make_unique<OccupancyRecorder>(m.grid, m.model.absorbing, handles, tally));
    chain->add(std::make_unique<PersonDays>(m.model, m.grid.horizon(), tally.sums(person_days)));
    return chain;
  }

  std::vector<const SmallModel*> models;
  std::shared_ptr<const TallyLayout> layout;
  OccupancyRecorder::Handles handles{};
  std::size_t person_days = 0;
  std::unique_ptr<ReplicateRunner> runner;
};

void expect_identical(const std::vector<Tally>& a, const std::vector<Tally>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t r = 0; r < a.size(); ++r) {
    EXPECT_EQ(a[r].all_counts(), b[r].all_counts()) << "replicate " << r;
    // Bit-identical, not merely close.
    ASSERT_EQ(a[r].all_sums().size(), b[r].all_sums().size());
    for (std::size_t i = 0; i < a[r].all_sums().size(); ++i)
      EXPECT_EQ(a[r].all_sums()[i], b[r].all_sums()[i]) << "replicate " << r << " sum " << i;
  }
}

class ReplicateRunnerTest : public ::testing::Test {
 protected:
  SmallModel model;
  RunnerSetup setup{{&model}};
};

TEST_F(ReplicateRunnerTest, TheSmallModelProducesNonTrivialTallies) {
  // Guards the other tests against passing vacuously.
  ASSERT_GT(model.kernel.blocks(), 8u);
  Tally tally = setup.runner->run_one(0, 11);
  auto stock = tally.counts(setup.handles.stock);
  auto entries = tally.counts(setup.handles.entries);
  auto transitions = tally.counts(setup.handles.transitions);
  std::int64_t in_care_at_start = stock[A] + stock[S];
  EXPECT_GE(in_care_at_start, static_cast<std::int64_t>(model.initial.size()));
  std::int64_t total_entries = 0, total_moves = 0, aged_out = 0;
  for (auto x : entries) total_entries += x;
  for (auto x : transitions) total_moves += x;
  for (std::size_t p = 0; p < model.grid.intervals(); ++p)
    for (std::size_t f = 0; f < STATES; ++f)
      aged_out += transitions[(p * STATES + f) * STATES + AGED_OUT];
  // About 0.4 a day over 1096 days.
  EXPECT_GT(total_entries, 300);
  EXPECT_GT(total_moves, 1000);
  EXPECT_GT(aged_out, 50);
  EXPECT_GT(tally.sums(setup.person_days)[A], 0.0);
  EXPECT_GT(tally.sums(setup.person_days)[S], 0.0);
}

TEST_F(ReplicateRunnerTest, TheReductionLosesNothing) {
  // The runner's merged tally equals one observer following every block in order.
  const std::uint64_t seed = 404;
  Tally expected(setup.layout);
  {
    auto observer = setup.runner_observers(expected);
    for (std::size_t b = 0; b < model.kernel.blocks(); ++b)
      model.kernel.run_block(b, StreamKey{seed, 3}, *observer);
    OccupancyRecorder::finalize(expected, setup.handles, STATES);
  }
  Tally merged = setup.runner->run_one(3, seed);
  EXPECT_EQ(merged.all_counts(), expected.all_counts());
  ASSERT_EQ(merged.all_sums().size(), expected.all_sums().size());
  for (std::size_t i = 0; i < merged.all_sums().size(); ++i)
    EXPECT_NEAR(merged.all_sums()[i], expected.all_sums()[i], 1e-9 * expected.all_sums()[i]);
}

TEST_F(ReplicateRunnerTest, ResultsDoNotDependOnTheNumberOfThreads) {
  std::vector<Tally> one, two;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = setup.runner->run({0, 6}, 20240601);
  }
  {
    // An arena of four slots gets worker threads even on a machine with fewer cores (a cap on
    // parallelism alone would leave a one-core machine running this on one thread).
    tbb::task_arena arena(4);
    arena.execute([&] { two = setup.runner->run({0, 6}, 20240601); });
  }
  expect_identical(one, two);
}

TEST_F(ReplicateRunnerTest, RunsAreReproducibleAndRunMatchesRunOne) {
  auto first = setup.runner->run({2, 6}, 77);
  auto second = setup.runner->run({2, 6}, 77);
  expect_identical(first, second);
  std::vector<Tally> singles;
  for (std::size_t r = 2; r < 6; ++r) singles.push_back(setup.runner->run_one(r, 77));
  expect_identical(first, singles);
}

TEST_F(ReplicateRunnerTest, SeedsAndReplicatesGiveDifferentResults) {
  auto a = setup.runner->run_one(0, 1);
  auto b = setup.runner->run_one(0, 2);
  auto c = setup.runner->run_one(1, 1);
  EXPECT_NE(a.all_counts(), b.all_counts());
  EXPECT_NE(a.all_counts(), c.all_counts());
  EXPECT_NE(b.all_counts(), c.all_counts());
}

TEST_F(ReplicateRunnerTest, ReportsProgressOncePerReplicate) {
  std::vector<std::size_t> done;
  std::set<std::size_t> totals;
  auto tallies = setup.runner->run({3, 8}, 5, [&](std::size_t d, std::size_t total) {
    done.push_back(d);  // calls are serialized by the runner
    totals.insert(total);
  });
  EXPECT_EQ(tallies.size(), 5u);
  std::sort(done.begin(), done.end());
  EXPECT_EQ(done, (std::vector<std::size_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(totals, (std::set<std::size_t>{5}));
  EXPECT_TRUE(setup.runner->run({4, 4}, 5).empty());
}

/// Counts arrivals aside and adds them to the tally only when flushed: its tally is right only
/// if the runner flushes every observer before merging its tally or handing it over.
class BufferedArrivals final : public LifeObserver {
 public:
  explicit BufferedArrivals(std::span<std::int64_t> count) : count_(count) {}
  void on_arrival(Individual&) override { aside_ += 1; }
  void on_stay(const Individual&, double) override {}
  void on_transition(Individual&, int, const Exit*) override {}
  void flush() override {
    count_[0] += aside_;
    aside_ = 0;
  }

 private:
  std::span<std::int64_t> count_;
  std::int64_t aside_ = 0;
};

TEST_F(ReplicateRunnerTest, FlushesEveryObserverBeforeMergingOrHandingOverItsTally) {
  auto layout = std::make_shared<TallyLayout>();
  std::size_t buffered = layout->add_counts("buffered", {1});
  std::size_t direct = layout->add_counts("entries", {model.grid.intervals() + 1, STATES});
  ReplicateRunner runner([&](std::size_t) -> const ReplicateKernel& { return model.kernel; }, layout,
                         [&](Tally& tally, StreamKey) -> std::unique_ptr<LifeObserver> {
                           auto chain = std::make_unique<ObserverChain>();  // flush goes through chains
                           chain->add(std::make_unique<BufferedArrivals>(tally.counts(buffered)));
                           return chain;
                         },
                         {});
  // Every arrival the kernel makes, counted directly by following all blocks in order.
  std::int64_t arrivals = 0;
  {
    Tally tally(layout);
    BufferedArrivals counter(tally.counts(direct));
    for (std::size_t b = 0; b < model.kernel.blocks(); ++b) model.kernel.run_block(b, StreamKey{9, 0}, counter);
    counter.flush();
    arrivals = tally.counts(direct)[0];
  }
  ASSERT_GT(arrivals, 300);
  for (std::size_t threads : {1u, 2u}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    EXPECT_EQ(runner.run_one(0, 9).counts(buffered)[0], arrivals) << threads << " threads";
  }
}

TEST(ReplicateRunner, UsesTheKernelOfEachReplicate) {
  // Even replicates run the base model, odd ones a variant; each must equal the same replicate
  // run by a runner that only knows that model.
  SmallModel base;
  SmallModelOptions changed_options;
  changed_options.s_to_a = 0.7;
  changed_options.s_to_exit = 1.2;
  SmallModel changed(changed_options);
  RunnerSetup mixed({&base, &changed}), only_base({&base}), only_changed({&changed});
  auto tallies = mixed.runner->run({3, 7}, 99);
  for (std::size_t r = 3; r < 7; ++r) {
    const RunnerSetup& reference = r % 2 == 0 ? only_base : only_changed;
    expect_identical({tallies[r - 3]}, {reference.runner->run_one(r, 99)});
  }
}

/// A runner that only logs lives, for comparing the paths of individual children.
std::map<std::uint64_t, Life> lives_of(const SmallModel& m, std::size_t replicate,
                                       std::uint64_t seed) {
  LifeLog log;
  auto layout = std::make_shared<const TallyLayout>();
  ReplicateRunner runner([&](std::size_t) -> const ReplicateKernel& { return m.kernel; }, layout,
                         [&](Tally&, StreamKey) { return std::make_unique<LifeRecorder>(log); }, {});
  runner.run_one(replicate, seed);
  return std::move(log.lives);
}

TEST(ReplicateRunner, CommonRandomNumbersLeaveChildrenWhoNeverEnterTheChangedStateUntouched) {
  // The two scenarios differ only in the hazards out of S.
  SmallModel base;
  SmallModelOptions changed_options;
  changed_options.s_to_a = 0.7;
  changed_options.s_to_exit = 1.2;
  SmallModel changed(changed_options);

  auto before = lives_of(base, 4, 31337);
  auto after = lives_of(changed, 4, 31337);
  ASSERT_EQ(before.size(), after.size());

  std::size_t never_in_s = 0, in_s = 0, in_s_and_changed = 0;
  for (const auto& [id, life] : before) {
    auto it = after.find(id);
    ASSERT_NE(it, after.end()) << "child " << id << " exists in one scenario only";
    const Life& other = it->second;
    EXPECT_EQ(life.arrived, other.arrived);
    ASSERT_FALSE(life.stays.empty());
    if (!life.visited(S)) {
      ++never_in_s;
      EXPECT_FALSE(other.visited(S)) << id;
      EXPECT_EQ(life.stays, other.stays) << "child " << id;
      EXPECT_EQ(life.moves, other.moves) << "child " << id;
      continue;
    }
    ++in_s;
    // Up to the start of the first stay in S the two paths are the same.
    std::size_t k = 0;
    while (life.stays[k].state != S) ++k;
    ASSERT_GT(other.stays.size(), k);
    for (std::size_t i = 0; i < k; ++i) EXPECT_EQ(life.stays[i], other.stays[i]) << id;
    EXPECT_EQ(other.stays[k].state, S) << id;
    EXPECT_EQ(other.stays[k].entered, life.stays[k].entered) << id;
    if (life.stays != other.stays) ++in_s_and_changed;
  }
  // Not vacuous: many children of each kind, and the change does change the S visitors' paths.
  EXPECT_GT(never_in_s, 1000u);
  EXPECT_GT(in_s, 500u);
  EXPECT_GT(in_s_and_changed, in_s / 2);
}

}  // namespace
}  // namespace carecast::engine
