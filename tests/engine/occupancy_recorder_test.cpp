// The occupancy recorder: stock at grid points, entries and transitions per grid interval.
#include "engine/occupancy_recorder.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "small_model.hpp"

namespace carecast::engine {
namespace {

using namespace test_support;

TEST(OccupancyRecorder, RegistersStockEntriesAndTransitions) {
  TallyLayout layout;
  auto handles = OccupancyRecorder::register_arrays(layout, 5, 3);
  const TallyArray& stock = layout.counts()[handles.stock];
  const TallyArray& entries = layout.counts()[handles.entries];
  const TallyArray& transitions = layout.counts()[handles.transitions];
  EXPECT_EQ(stock.name, "stock");
  EXPECT_EQ(stock.shape, (std::vector<std::size_t>{5, 3}));
  EXPECT_EQ(entries.name, "entries");
  EXPECT_EQ(entries.shape, (std::vector<std::size_t>{4, 3}));
  EXPECT_EQ(transitions.name, "transitions");
  EXPECT_EQ(transitions.shape, (std::vector<std::size_t>{4, 3, 3}));
  EXPECT_EQ(transitions.dimensions, (std::vector<std::string>{"interval", "from_state", "to_state"}));
}

class HandDrivenRecorder : public ::testing::Test {
 protected:
  // Quarterly grid over 2024: points at days 0, 91, 182, 274, 366. States 0, 1 in care; 2 absorbing.
  Calendar calendar{std::chrono::year{2024} / std::chrono::January / 1};
  ReportingGrid grid{calendar, GridStep::quarterly, std::chrono::years{1}};
  std::vector<bool> absorbing{false, false, true};
  std::shared_ptr<TallyLayout> layout = std::make_shared<TallyLayout>();
  OccupancyRecorder::Handles handles = OccupancyRecorder::register_arrays(*layout, 5, 3);
  Tally tally{layout};
  OccupancyRecorder recorder{grid, absorbing, handles, tally};

  Individual child(int state, double entered) {
    Individual c;
    c.state = state;
    c.entered = entered;
    return c;
  }
  void move(Individual& c, int to, double time) {
    recorder.on_stay(c, time);
    int from = c.state;
    c.state = to;
    c.entered = time;
    recorder.on_transition(c, from, nullptr);
  }
  std::int64_t stock(std::size_t point, std::size_t state) {
    return tally.counts(handles.stock)[point * 3 + state];
  }
  std::int64_t entries(std::size_t interval, std::size_t state) {
    return tally.counts(handles.entries)[interval * 3 + state];
  }
  std::int64_t transitions(std::size_t interval, std::size_t from, std::size_t to) {
    return tally.counts(handles.transitions)[(interval * 3 + from) * 3 + to];
  }
};

TEST_F(HandDrivenRecorder, StaysCountAtEveryGridDateTheyCover) {
  // In state 0 from day -10, moves to 1 on day 100, to the absorbing state on day 274.
  Individual c = child(0, -10.0);
  move(c, 1, 100.0);
  move(c, 2, 274.0);
  recorder.on_stay(c, infinity);
  OccupancyRecorder::finalize(tally, handles, 3);
  const std::int64_t expected[5][3] = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}};
  for (std::size_t p = 0; p < 5; ++p)
    for (std::size_t s = 0; s < 3; ++s) EXPECT_EQ(stock(p, s), expected[p][s]) << p << ',' << s;
  EXPECT_EQ(transitions(1, 0, 1), 1);
  EXPECT_EQ(transitions(3, 1, 2), 1);  // day 274 is the start of the last interval
  std::int64_t total = 0;
  for (auto x : tally.counts(handles.transitions)) total += x;
  EXPECT_EQ(total, 2);
}

TEST_F(HandDrivenRecorder, GridDatesAreInsideAStayFromItsStartButNotAtItsEnd) {
  Individual a = child(0, 91.0);  // [91, 182): counted at 91 only
  recorder.on_stay(a, 182.0);
  Individual b = child(1, 10.0);  // [10, 20): no grid date
  recorder.on_stay(b, 20.0);
  Individual c = child(1, 30.0);  // empty stay
  recorder.on_stay(c, 30.0);
  OccupancyRecorder::finalize(tally, handles, 3);
  for (std::size_t p = 0; p < 5; ++p) {
    EXPECT_EQ(stock(p, 0), p == 1 ? 1 : 0) << p;
    EXPECT_EQ(stock(p, 1), 0) << p;
  }
}

TEST_F(HandDrivenRecorder, AbsorbingStatesCountOnlyArrivalsSinceTheStart) {
  Individual before = child(2, -5.0);
  recorder.on_stay(before, infinity);
  Individual after = child(2, 0.0);
  recorder.on_stay(after, infinity);
  Individual late = child(2, 300.0);
  recorder.on_stay(late, infinity);
  OccupancyRecorder::finalize(tally, handles, 3);
  const std::int64_t expected[5] = {1, 1, 1, 1, 2};
  for (std::size_t p = 0; p < 5; ++p) EXPECT_EQ(stock(p, 2), expected[p]) << p;
}

TEST_F(HandDrivenRecorder, EntriesAndTransitionsOutsideTheGridAreIgnored) {
  auto arrive = [&](Individual child) { recorder.on_arrival(child); };
  arrive(child(0, -0.5));
  arrive(child(0, 0.0));
  arrive(child(1, 90.9));
  arrive(child(1, 365.9));
  arrive(child(1, 366.0));
  EXPECT_EQ(entries(0, 0), 1);
  EXPECT_EQ(entries(0, 1), 1);
  EXPECT_EQ(entries(3, 1), 1);
  std::int64_t total = 0;
  for (auto x : tally.counts(handles.entries)) total += x;
  EXPECT_EQ(total, 3);

  Individual early = child(1, -1.0);
  recorder.on_transition(early, 0, nullptr);
  Individual at_horizon = child(1, 366.0);
  recorder.on_transition(at_horizon, 0, nullptr);
  Individual inside = child(2, 182.0);
  recorder.on_transition(inside, 1, nullptr);
  total = 0;
  for (auto x : tally.counts(handles.transitions)) total += x;
  EXPECT_EQ(total, 1);
  EXPECT_EQ(transitions(2, 1, 2), 1);
}

TEST(OccupancyRecorder, AgreesWithEveryChildsRecordedLifeInTheKernel) {
  // Follow a replicate of the small model with the recorder and a life log side by side, then
  // recount stock, entries and transitions from the lives.
  SmallModel m;
  auto layout = std::make_shared<TallyLayout>();
  auto handles = OccupancyRecorder::register_arrays(*layout, m.grid.points(), STATES);
  Tally tally(layout);
  LifeLog log;
  ObserverChain chain;
  chain.add(std::make_unique<OccupancyRecorder>(m.grid, m.model.absorbing, handles, tally));
  chain.add(std::make_unique<LifeRecorder>(log));
  for (std::size_t b = 0; b < m.kernel.blocks(); ++b) m.kernel.run_block(b, StreamKey{21, 2}, chain);
  OccupancyRecorder::finalize(tally, handles, STATES);

  const std::size_t P = m.grid.points(), I = m.grid.intervals();
  std::vector<std::int64_t> stock(P * STATES, 0), entries(I * STATES, 0),
      transitions(I * STATES * STATES, 0);
  for (const auto& [id, life] : log.lives) {
    for (const Life::Stay& stay : life.stays) {
      bool absorbing = m.model.absorbing[static_cast<std::size_t>(stay.state)];
      if (absorbing && stay.entered < 0.0) continue;
      for (std::size_t p = 0; p < P; ++p) {
        double t = m.grid.offset(p);
        if (stay.entered <= t && t < stay.until) stock[p * STATES + stay.state] += 1;
      }
    }
    const Life::Stay& first = life.stays.front();
    if (life.arrived && first.entered >= 0.0 && first.entered < m.grid.horizon())
      entries[m.grid.interval_of(first.entered) * STATES + first.state] += 1;
    for (const Life::Move& move : life.moves) {
      std::size_t i = m.grid.interval_of(move.time);
      if (i < I) transitions[(i * STATES + move.from) * STATES + move.to] += 1;
    }
  }
  auto as_vector = [](std::span<const std::int64_t> s) { return std::vector<std::int64_t>(s.begin(), s.end()); };
  const Tally& result = tally;
  EXPECT_EQ(as_vector(result.counts(handles.stock)), stock);
  EXPECT_EQ(as_vector(result.counts(handles.entries)), entries);
  EXPECT_EQ(as_vector(result.counts(handles.transitions)), transitions);

  // Stock-flow balance: the change in stock over an interval is what came in less what left.
  auto st = result.counts(handles.stock);
  auto en = result.counts(handles.entries);
  auto tr = result.counts(handles.transitions);
  for (std::size_t i = 0; i < I; ++i)
    for (std::size_t s = 0; s < STATES; ++s) {
      std::int64_t flow = en[i * STATES + s];
      for (std::size_t f = 0; f < STATES; ++f) flow += tr[(i * STATES + f) * STATES + s];
      if (!m.model.absorbing[s])
        for (std::size_t t = 0; t < STATES; ++t) flow -= tr[(i * STATES + s) * STATES + t];
      EXPECT_EQ(st[(i + 1) * STATES + s] - st[i * STATES + s], flow) << "interval " << i << " state " << s;
    }
  EXPECT_GT(st[A] + st[S], static_cast<std::int64_t>(m.initial.size()) - 1);
}

}  // namespace
}  // namespace carecast::engine
