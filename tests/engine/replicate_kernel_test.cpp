// The replicate kernel: initial-stock materialization, block decomposition, and following each
// child from its start to absorption or the horizon (with ageing out).
#include "engine/replicate_kernel.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

#include "engine/child_id.hpp"
#include "small_model.hpp"

namespace carecast::engine {
namespace {

using namespace test_support;

TEST(MaterializeInitialChild, CopiesTheSpecAndDrawsAnAgeInRange) {
  InitialChild spec;
  spec.min_age_days = 365.0;
  spec.max_age_days = 730.0;
  spec.state = 3;
  spec.days_in_state = 100.0;
  spec.history = {1, 2, 3, 4};
  StreamKey key{8, 1};
  Individual child = materialize_initial_child(spec, 17, key);
  EXPECT_EQ(child.id, initial_child_id(17));
  EXPECT_EQ(child.state, 3);
  EXPECT_EQ(child.entered, -100.0);
  EXPECT_EQ(child.events, 0u);
  EXPECT_EQ(child.history, spec.history);
  EXPECT_GE(-child.birth, 365.0);
  EXPECT_LT(-child.birth, 730.0);

  Individual again = materialize_initial_child(spec, 17, key);
  EXPECT_EQ(again.birth, child.birth);
  EXPECT_NE(materialize_initial_child(spec, 18, key).birth, child.birth);
  EXPECT_NE(materialize_initial_child(spec, 17, StreamKey{8, 2}).birth, child.birth);
}

TEST(MaterializeInitialChild, AgeIsAtLeastTheTimeInState) {
  InitialChild spec;
  spec.min_age_days = 0.0;
  spec.max_age_days = 365.0;
  spec.days_in_state = 200.0;
  for (std::size_t row = 0; row < 500; ++row) {
    Individual child = materialize_initial_child(spec, row, StreamKey{1, 1});
    ASSERT_GE(-child.birth, 200.0);
    ASSERT_LT(-child.birth, 365.0);
  }
  spec.days_in_state = 400.0;  // longer than the whole age range: born when placed
  Individual child = materialize_initial_child(spec, 0, StreamKey{1, 1});
  EXPECT_EQ(child.birth, -400.0);
  EXPECT_EQ(child.entered, -400.0);
}

TEST(MaterializeInitialChild, AgeIsUniformOnItsRange) {
  InitialChild spec;
  spec.min_age_days = 1000.0;
  spec.max_age_days = 2000.0;
  const std::size_t n = 20000;
  double sum = 0.0;
  for (std::size_t row = 0; row < n; ++row)
    sum += -materialize_initial_child(spec, row, StreamKey{2, 0}).birth;
  EXPECT_NEAR(sum / n, 1500.0, 4.0 * 1000.0 / std::sqrt(12.0 * n));
}

TEST(ReplicateKernel, BlocksCoverTheInitialStockAndEveryArrivalDay) {
  SmallModel m;
  // 2500 initial children in blocks of 2048; arrival days -200 .. 1095 in blocks of 61.
  EXPECT_EQ(m.kernel.blocks(), 2u + (1296u + 60u) / 61u);
  std::vector<InitialChild> none;
  auto blocks = [&](long first_day, double horizon) {
    return ReplicateKernel(m.model, m.arrivals, none, KernelSpan{first_day, horizon}).blocks();
  };
  EXPECT_EQ(blocks(0, 0.0), 0u);
  EXPECT_EQ(blocks(0, 61.0), 1u);
  EXPECT_EQ(blocks(0, 61.5), 2u);  // a partial last day still has arrivals
  EXPECT_EQ(blocks(-61, 61.0), 2u);
  EXPECT_EQ(blocks(10, 5.0), 0u);
  std::vector<InitialChild> exactly_one_block(ReplicateKernel::initial_children_per_block);
  EXPECT_EQ(ReplicateKernel(m.model, m.arrivals, exactly_one_block, KernelSpan{0, 0.0}).blocks(), 1u);
}

std::map<std::uint64_t, Life> run_blocks(const ReplicateKernel& kernel, StreamKey key,
                                         bool reverse = false) {
  LifeLog log;
  LifeRecorder recorder(log);
  for (std::size_t i = 0; i < kernel.blocks(); ++i)
    kernel.run_block(reverse ? kernel.blocks() - 1 - i : i, key, recorder);
  return std::move(log.lives);
}

bool allowed(int from, int to) {
  if (to == AGED_OUT) return true;
  if (from == A) return to == S || to == EXIT;
  if (from == S) return to == A || to == EXIT;
  return false;
}

TEST(ReplicateKernel, FollowsEveryChildFromItsStartToItsEnd) {
  SmallModel m;
  const StreamKey key{12, 0};
  auto lives = run_blocks(m.kernel, key);
  const double horizon = m.span.horizon;
  const double age_out = m.model.age_out_days;

  // Who should be there: every initial row, and every arrival before the horizon.
  std::set<std::uint64_t> expected;
  for (std::size_t row = 0; row < m.initial.size(); ++row) expected.insert(initial_child_id(row));
  std::vector<Individual> arrivals;
  for (long day = m.span.first_arrival_day; day < static_cast<long>(std::ceil(horizon)); ++day)
    m.arrivals.arrivals_on_day(day, key, arrivals);
  std::map<std::uint64_t, Individual> arrival_by_id;
  for (const Individual& child : arrivals) {
    expected.insert(child.id);
    arrival_by_id[child.id] = child;
  }
  std::set<std::uint64_t> seen;
  for (const auto& [id, life] : lives) seen.insert(id);
  ASSERT_EQ(seen, expected);

  std::size_t aged_out = 0, absorbed = 0, in_care_at_horizon = 0;
  for (const auto& [id, life] : lives) {
    ASSERT_FALSE(life.stays.empty());
    // Start.
    bool initial = id >= (std::uint64_t{1} << 62);
    EXPECT_EQ(life.arrived, !initial) << id;
    double start;
    std::array<std::uint16_t, history_counters> history{};
    if (initial) {
      std::size_t row = id - initial_child_id(0);
      EXPECT_EQ(life.stays.front().state, m.initial[row].state);
      EXPECT_EQ(life.stays.front().entered, -m.initial[row].days_in_state);
      history = m.initial[row].history;
      start = 0.0;
    } else {
      const Individual& arrival = arrival_by_id.at(id);
      EXPECT_EQ(life.stays.front().state, arrival.state);
      EXPECT_EQ(life.stays.front().entered, arrival.entered);
      EXPECT_EQ(life.birth, arrival.birth);
      start = arrival.entered;
    }
    // A contiguous chain of stays joined by moves along allowed transitions.
    ASSERT_EQ(life.moves.size() + 1, life.stays.size()) << id;
    for (std::size_t k = 0; k < life.moves.size(); ++k) {
      const Life::Move& move = life.moves[k];
      EXPECT_EQ(move.from, life.stays[k].state);
      EXPECT_EQ(move.to, life.stays[k + 1].state);
      EXPECT_EQ(move.time, life.stays[k].until);
      EXPECT_EQ(move.time, life.stays[k + 1].entered);
      EXPECT_TRUE(allowed(move.from, move.to)) << move.from << "->" << move.to;
      EXPECT_FALSE(m.model.absorbing[static_cast<std::size_t>(move.from)]);
      EXPECT_GE(move.time, start);
      EXPECT_LT(move.time, horizon);
      EXPECT_EQ(move.events, k + 1) << "the event number counts the child's moves";
      // History counters are updated before observers are told.
      if (move.from == A && move.to == S) history[0] += 1;
      if (move.from == S && move.to == A) history[1] += 1;
      EXPECT_EQ(move.history, history) << id;
      EXPECT_EQ(move.aged_out, move.to == AGED_OUT);
      if (move.aged_out) {
        EXPECT_EQ(move.time, life.birth + age_out);
        ++aged_out;
      }
      // Nobody stays in care beyond the age-out age.
      EXPECT_LE(move.time, life.birth + age_out);
    }
    // End: absorbed, or still in care at the horizon and younger than the age-out age.
    const Life::Stay& last = life.stays.back();
    EXPECT_EQ(last.until, infinity);
    if (m.model.absorbing[static_cast<std::size_t>(last.state)]) {
      ++absorbed;
    } else {
      ++in_care_at_horizon;
      EXPECT_GT(life.birth + age_out, horizon) << id;
    }
  }
  EXPECT_GT(aged_out, 50u);
  EXPECT_GT(absorbed, 500u);
  EXPECT_GT(in_care_at_horizon, 500u);
}

TEST(ReplicateKernel, BlocksAreIndependentOfOrderAndDisjoint) {
  SmallModel m;
  const StreamKey key{3, 9};
  auto forward = run_blocks(m.kernel, key);
  auto backward = run_blocks(m.kernel, key, true);
  ASSERT_EQ(forward.size(), backward.size());
  for (const auto& [id, life] : forward) {
    const Life& other = backward.at(id);
    EXPECT_EQ(life.stays, other.stays) << id;
    EXPECT_EQ(life.moves, other.moves) << id;
  }
  std::set<std::uint64_t> ids;
  std::size_t total = 0;
  for (std::size_t b = 0; b < m.kernel.blocks(); ++b) {
    LifeLog log;
    LifeRecorder recorder(log);
    m.kernel.run_block(b, key, recorder);
    for (const auto& [id, life] : log.lives) EXPECT_TRUE(ids.insert(id).second) << id;
    total += log.lives.size();
  }
  EXPECT_EQ(total, forward.size());
}

TEST(ReplicateKernel, ArrivalsAtOrAfterAFractionalHorizonAreSkipped) {
  SmallModelOptions busy;
  busy.arrivals_per_day = 20.0;  // about 10 arrivals in the last half day
  SmallModel m(busy);
  std::vector<InitialChild> none;
  ReplicateKernel kernel(m.model, m.arrivals, none, KernelSpan{0, 100.5});
  const StreamKey key{4, 4};
  auto lives = run_blocks(kernel, key);
  std::vector<Individual> arrivals;
  for (long day = 0; day <= 100; ++day) m.arrivals.arrivals_on_day(day, key, arrivals);
  std::size_t before_horizon = 0;
  for (const Individual& child : arrivals) {
    bool inside = child.entered < 100.5;
    before_horizon += inside ? 1 : 0;
    EXPECT_EQ(lives.count(child.id), inside ? 1u : 0u) << child.entered;
  }
  EXPECT_EQ(lives.size(), before_horizon);
  EXPECT_GT(arrivals.size(), before_horizon) << "some arrivals must fall after the horizon";
}

TEST(ReplicateKernel, AChildPastTheAgeOutAgeLeavesAtOnce) {
  SmallModel m;
  Individual child;
  child.id = 5;
  child.state = A;
  child.birth = -(m.model.age_out_days + 10.0);
  child.entered = -3.0;
  LifeLog log;
  LifeRecorder recorder(log);
  m.kernel.follow(child, 0.0, StreamKey{1, 1}, recorder);
  const Life& life = log.lives.at(5);
  ASSERT_EQ(life.moves.size(), 1u);
  EXPECT_EQ(life.moves[0].to, AGED_OUT);
  EXPECT_TRUE(life.moves[0].aged_out);
  EXPECT_EQ(life.moves[0].time, 0.0);
  ASSERT_EQ(life.stays.size(), 2u);
  EXPECT_EQ(life.stays[1].state, AGED_OUT);
  EXPECT_EQ(life.stays[1].until, infinity);
}

TEST(ReplicateKernel, AChildInAnAbsorbingStateOnlyStays) {
  SmallModel m;
  Individual child;
  child.id = 6;
  child.state = EXIT;
  child.birth = -1000.0;
  child.entered = -3.0;
  LifeLog log;
  LifeRecorder recorder(log);
  m.kernel.follow(child, 0.0, StreamKey{1, 1}, recorder);
  const Life& life = log.lives.at(6);
  EXPECT_TRUE(life.moves.empty());
  ASSERT_EQ(life.stays.size(), 1u);
  EXPECT_EQ(life.stays[0], (Life::Stay{EXIT, -3.0, infinity}));
}

TEST(ReplicateKernel, AgeingOutHappensExactlyAtTheAgeOutAge) {
  SmallModel m;
  // Children who reach the age-out age 10 days into the run: either they move within those 10
  // days or they age out at exactly day 10.
  std::size_t aged_out = 0;
  for (std::uint64_t id = 0; id < 400; ++id) {
    Individual child;
    child.id = id;
    child.state = id % 2 == 0 ? A : S;
    child.birth = 10.0 - m.model.age_out_days;
    child.entered = -50.0;
    LifeLog log;
    LifeRecorder recorder(log);
    m.kernel.follow(child, 0.0, StreamKey{6, 0}, recorder);
    const Life& life = log.lives.at(id);
    ASSERT_FALSE(life.moves.empty());
    for (const Life::Move& move : life.moves) ASSERT_LE(move.time, child.birth + m.model.age_out_days);
    const Life::Move& last = life.moves.back();
    if (last.aged_out) {
      ++aged_out;
      EXPECT_EQ(last.time, child.birth + m.model.age_out_days);
    } else {
      EXPECT_EQ(last.to, EXIT);
    }
  }
  EXPECT_GT(aged_out, 300u);
}

}  // namespace
}  // namespace carecast::engine
