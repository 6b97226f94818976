// InteractingReplicate: a replicate whose children share a finite pool of units (foster
// families) and run on one event queue. With a pool that never runs short every child follows
// the path it follows in the independent kernel; with a pool far too small children are diverted
// to the fallback and moved back when a unit frees up, and no more children hold units than
// there are units; results depend on the seed only (not on threads, not on the run).
#include "engine/interacting_replicate.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <array>
#include <sstream>
#include <vector>

#include "engine/child_id.hpp"
#include "engine/occupancy_recorder.hpp"
#include "engine/replicate_runner.hpp"

namespace carecast::engine {
namespace {

constexpr int FOSTER = 0, RESIDENTIAL = 1, HOME = 2, AGED_OUT = 3;
constexpr std::size_t STATES = 4;
constexpr double year = 365.25;
constexpr std::size_t BREAKDOWNS = 0;  // the history counter breakdowns add to

// Tags of the model's exits (the engine only passes them on).
constexpr std::size_t TAG_FOSTER_HOME = 1, TAG_FOSTER_BREAKDOWN = 2, TAG_FOSTER_TO_RES = 3,
                      TAG_RES_TO_FOSTER = 4, TAG_RES_HOME = 5;

Exit exit_to(int to, double per_year, std::size_t tag) {
  Exit exit;
  exit.to = to;
  exit.rate = PiecewiseRate(per_year / year);
  exit.tag = tag;
  return exit;
}

/// Foster care (the guarded state) with a fallback (residential care): children enter foster
/// care, break down (a carer-initiated breakdown strains the family; prior breakdowns raise the
/// hazard of the next), move to residential care and back, and go home.
MultistateModel make_pool_model() {
  Exit breakdown = exit_to(FOSTER, 0.6, TAG_FOSTER_BREAKDOWN);
  breakdown.counter = static_cast<int>(BREAKDOWNS);
  breakdown.counter_factor = 1.3;
  breakdown.increments = static_cast<int>(BREAKDOWNS);
  breakdown.strains_unit = true;
  MultistateModel model;
  model.absorbing = {false, false, true, true};
  model.leaving = {StateHazards({exit_to(HOME, 0.7, TAG_FOSTER_HOME), breakdown,
                                 exit_to(RESIDENTIAL, 0.2, TAG_FOSTER_TO_RES)}),
                   StateHazards({exit_to(FOSTER, 0.6, TAG_RES_TO_FOSTER), exit_to(HOME, 0.4, TAG_RES_HOME)}),
                   StateHazards(), StateHazards()};
  model.age_out_days = 18 * year;
  model.age_out_state = AGED_OUT;
  return model;
}

ArrivalSchedule make_pool_arrivals(double per_day) {
  ArrivalGroup group;
  group.min_age_days = 0.0;
  group.max_age_days = 17.5 * year;
  group.per_day = PiecewiseRate(per_day);
  group.first_states = {FOSTER};  // every arrival asks for a unit: one in the fallback was diverted
  group.first_state_shares = {1.0};
  return ArrivalSchedule({group});
}

/// Initial stock: `foster` children in foster care (the first four of the same exact age, so
/// that they age out at the same moment and free their units together) and 30 in residential.
std::vector<InitialChild> make_pool_initial(std::size_t foster) {
  std::vector<InitialChild> initial;
  for (std::size_t i = 0; i < foster + 30; ++i) {
    InitialChild c;
    c.state = i < foster ? FOSTER : RESIDENTIAL;
    if (i < 4) {
      c.min_age_days = c.max_age_days = 17.9 * year;
      c.days_in_state = 200.0;
    } else {
      c.min_age_days = 365.0 * static_cast<double>(i % 15);
      c.max_age_days = c.min_age_days + 365.0;
      c.days_in_state = static_cast<double>((i * 53) % 300);
    }
    initial.push_back(c);
  }
  return initial;
}

struct PoolOptions {
  double arrivals_per_day = 0.15;
  long first_arrival_day = 0;
  std::size_t initial_foster = 8;
  int years = 3;
};

/// Everything a kernel refers to, kept in one place that never moves.
struct PoolFixture {
  explicit PoolFixture(PoolOptions o = {})
      : options(o),
        model(make_pool_model()),
        arrivals(make_pool_arrivals(o.arrivals_per_day)),
        initial(make_pool_initial(o.initial_foster)),
        calendar(std::chrono::year{2024} / std::chrono::January / 1),
        grid(calendar, GridStep::monthly, std::chrono::years{o.years}),
        span{o.first_arrival_day, grid.horizon()},
        kernel(model, arrivals, initial, span) {}
  PoolFixture(const PoolFixture&) = delete;
  PoolFixture& operator=(const PoolFixture&) = delete;

  PoolOptions options;
  MultistateModel model;
  ArrivalSchedule arrivals;
  std::vector<InitialChild> initial;
  Calendar calendar;
  ReportingGrid grid;
  KernelSpan span;
  ReplicateKernel kernel;
};

ResourcePoolSpec ample_pool() {
  ResourcePoolSpec pool;
  pool.guarded_state = FOSTER;
  pool.fallback_state = RESIDENTIAL;
  pool.units_at_start = 20000;
  pool.recruitment_per_day = 2.0 / year;
  pool.attrition_per_day = 0.1 / year;
  pool.strained_attrition_per_day = 0.5 / year;
  return pool;
}

/// Far too small: about 55 children a year ask for a family that they keep for about a year.
ResourcePoolSpec small_pool() {
  ResourcePoolSpec pool;
  pool.guarded_state = FOSTER;
  pool.fallback_state = RESIDENTIAL;
  pool.units_at_start = 10;
  pool.recruitment_per_day = 4.0 / year;
  pool.attrition_per_day = 0.3 / year;
  pool.strained_attrition_per_day = 2.0 / year;
  return pool;
}

/// Everything reported about one child, with the exit tag of each move.
struct Trajectory {
  struct Stay {
    int state;
    double entered, until;
    bool operator==(const Stay&) const = default;
  };
  struct Move {
    int from, to;
    double time;
    bool aged_out;
    std::size_t tag;
    std::uint32_t events;
    std::array<std::uint16_t, history_counters> history;
    bool operator==(const Move&) const = default;
  };
  bool arrived = false;
  int first_state = -1;
  std::vector<Stay> stays;
  std::vector<Move> moves;
  bool operator==(const Trajectory&) const = default;
};

using Trajectories = std::map<std::uint64_t, Trajectory>;

class TrajectoryRecorder final : public LifeObserver {
 public:
  explicit TrajectoryRecorder(Trajectories& lives) : lives_(lives) {}
  void on_arrival(Individual& child) override {
    Trajectory& life = lives_[child.id];
    life.arrived = true;
    life.first_state = child.state;
  }
  void on_stay(const Individual& child, double until) override {
    lives_[child.id].stays.push_back({child.state, child.entered, until});
  }
  void on_transition(Individual& child, int from, const Exit* exit) override {
    lives_[child.id].moves.push_back({from, child.state, child.entered, exit == nullptr,
                                      exit == nullptr ? 0 : exit->tag, child.events, child.history});
  }

 private:
  Trajectories& lives_;
};

/// Every census reported, in order.
struct CensusLog {
  std::vector<std::pair<double, PoolCensus>> reports;
};

class CensusRecorder final : public LifeObserver {
 public:
  explicit CensusRecorder(CensusLog& log) : log_(log) {}
  void on_arrival(Individual&) override {}
  void on_stay(const Individual&, double) override {}
  void on_transition(Individual&, int, const Exit*) override {}
  void on_pool_change(double time, const PoolCensus& census) override { log_.reports.push_back({time, census}); }

 private:
  CensusLog& log_;
};

/// The census on each grid date into a tally (as the domain's pool recorder does).
class CensusSampler final : public LifeObserver {
 public:
  CensusSampler(const ReportingGrid& grid, std::span<std::int64_t> samples) : grid_(grid), samples_(samples) {}
  void on_arrival(Individual&) override {}
  void on_stay(const Individual&, double) override {}
  void on_transition(Individual&, int, const Exit*) override {}
  void on_pool_change(double time, const PoolCensus& census) override {
    while (next_ < grid_.points() && grid_.offset(next_) < time) {
      std::int64_t* row = &samples_[next_ * 5];
      row[0] = current_.units, row[1] = current_.idle, row[2] = current_.waiting;
      row[3] = current_.diverted, row[4] = current_.returned;
      next_ += 1;
    }
    current_ = census;
  }

 private:
  const ReportingGrid& grid_;
  std::span<std::int64_t> samples_;
  PoolCensus current_;
  std::size_t next_ = 0;
};

/// Follows who is in the guarded and fallback states from the arrivals and transitions, and
/// checks the pool's census against it: whenever time moves on, the last census reported must
/// describe the world as it then is (children holding units = units - idle, diversions and
/// returns as seen), and no more children are in the guarded state than there are units.
class PoolAudit final : public LifeObserver {
 public:
  PoolAudit(const ResourcePoolSpec& pool, std::set<std::uint64_t> initial_guarded, std::size_t initial_fallback)
      : pool_(pool), guarded_(std::move(initial_guarded)), fallback_(static_cast<std::int64_t>(initial_fallback)) {}

  void on_arrival(Individual& child) override {
    at(child.entered);
    if (child.state == pool_.guarded_state) guarded_.insert(child.id);
    if (child.state == pool_.fallback_state) {
      fallback_ += 1;
      if (census_seen_) diverted_ += 1;  // every arrival asks for a unit
    }
  }
  void on_stay(const Individual&, double until) override {
    if (std::isfinite(until)) at(until);
  }
  void on_transition(Individual& child, int from, const Exit* exit) override {
    at(child.entered);
    if (from == pool_.guarded_state) guarded_.erase(child.id);
    if (child.state == pool_.guarded_state) guarded_.insert(child.id);
    if (from == pool_.fallback_state) fallback_ -= 1;
    if (child.state == pool_.fallback_state) fallback_ += 1;
    if (exit != nullptr && exit->to == pool_.guarded_state && child.state == pool_.fallback_state) diverted_ += 1;
    if (exit != nullptr && exit->tag == pool_return_tag) {
      returned_ += 1;
      EXPECT_EQ(from, pool_.fallback_state);
      EXPECT_EQ(child.state, pool_.guarded_state);
    }
  }
  void on_pool_change(double time, const PoolCensus& census) override {
    if (std::isfinite(time)) at(time);
    census_ = census;
    census_seen_ = true;
    reports += 1;
    max_waiting = std::max(max_waiting, census.waiting);
    // Checked on every report: never more children in the guarded state than units.
    if (static_cast<std::int64_t>(guarded_.size()) > census.units) over_capacity += 1;
    if (!std::isfinite(time)) check();
  }

  std::int64_t reports = 0;
  std::int64_t max_waiting = 0;
  std::int64_t over_capacity = 0;  // reports with more children holding units than units
  std::int64_t stale = 0;          // moments at which the last census did not describe the world
  std::string first_stale;

 private:
  /// Time moves to `t`: everything at earlier times has happened and been reported.
  void at(double t) {
    if (t > now_) check();
    now_ = std::max(now_, t);
  }
  void check() {
    if (!census_seen_) return;
    auto holders = static_cast<std::int64_t>(guarded_.size());
    bool ok = holders == census_.units - census_.idle && diverted_ == census_.diverted &&
              returned_ == census_.returned && census_.waiting <= fallback_ && census_.idle >= 0 &&
              census_.waiting >= 0;
    if (ok) return;
    if (stale++ == 0) {
      std::ostringstream text;
      text << "after day " << now_ << ": " << holders << " children in the guarded state, census units "
           << census_.units << " idle " << census_.idle << "; diverted seen " << diverted_ << " census "
           << census_.diverted << "; returned seen " << returned_ << " census " << census_.returned
           << "; waiting " << census_.waiting << " of " << fallback_ << " in the fallback";
      first_stale = text.str();
    }
  }

  const ResourcePoolSpec& pool_;
  std::set<std::uint64_t> guarded_;
  std::int64_t fallback_ = 0;
  std::int64_t diverted_ = 0, returned_ = 0;
  PoolCensus census_;
  bool census_seen_ = false;
  double now_ = -infinity;
};

/// One replicate's tally: occupancy (stock, entries, transitions) and the census on the grid.
struct TallySetup {
  explicit TallySetup(const PoolFixture& f) : fixture(f) {
    auto l = std::make_shared<TallyLayout>();
    handles = OccupancyRecorder::register_arrays(*l, f.grid.points(), STATES);
    census = l->add_counts("census", {f.grid.points(), 5}, {"time", "measure"});
    person_days = l->add_sums("person_days", {STATES}, {"state"});
    layout = l;
  }
  std::unique_ptr<LifeObserver> observers(Tally& tally) const;
  void finish(Tally& tally) const { OccupancyRecorder::finalize(tally, handles, STATES); }

  const PoolFixture& fixture;
  std::shared_ptr<const TallyLayout> layout;
  OccupancyRecorder::Handles handles{};
  std::size_t census = 0, person_days = 0;
};

/// Person-days in each state before the horizon: a real sum whose rounding depends on order.
class PersonDays final : public LifeObserver {
 public:
  PersonDays(double horizon, std::span<double> days) : horizon_(horizon), days_(days) {}
  void on_arrival(Individual&) override {}
  void on_stay(const Individual& child, double until) override {
    double length = std::min(until, horizon_) - std::max(child.entered, 0.0);
    if (length > 0.0) days_[static_cast<std::size_t>(child.state)] += length;
  }
  void on_transition(Individual&, int, const Exit*) override {}

 private:
  double horizon_;
  std::span<double> days_;
};

std::unique_ptr<LifeObserver> TallySetup::observers(Tally& tally) const {
  auto chain = std::make_unique<ObserverChain>();
  chain->add(std::make_unique<OccupancyRecorder>(fixture.grid, fixture.model.absorbing, handles, tally));
  chain->add(std::make_unique<CensusSampler>(fixture.grid, tally.counts(census)));
  chain->add(std::make_unique<PersonDays>(fixture.grid.horizon(), tally.sums(person_days)));
  return chain;
}

struct Outcome {
  Trajectories lives;
  CensusLog census;
  std::vector<std::int64_t> counts;
};

/// Runs every block of `program` in order with a trajectory recorder and the tally's observers.
Outcome run_program(const ReplicateProgram& program, const TallySetup& setup, StreamKey key) {
  Outcome outcome;
  Tally tally(setup.layout);
  ObserverChain chain;
  chain.add(std::make_unique<TrajectoryRecorder>(outcome.lives));
  chain.add(std::make_unique<CensusRecorder>(outcome.census));
  chain.add(setup.observers(tally));
  for (std::size_t b = 0; b < program.blocks(); ++b) program.run_block(b, key, chain);
  setup.finish(tally);
  outcome.counts = tally.all_counts();
  return outcome;
}

/// The tally's occupancy arrays only (the census is the interacting replicate's own).
std::vector<std::int64_t> occupancy_counts(const TallySetup& setup, const std::vector<std::int64_t>& counts) {
  std::vector<std::int64_t> result;
  for (std::size_t handle : {setup.handles.stock, setup.handles.entries, setup.handles.transitions}) {
    const TallyArray& array = setup.layout->counts()[handle];
    result.insert(result.end(), counts.begin() + static_cast<long>(array.offset),
                  counts.begin() + static_cast<long>(array.offset + array.size()));
  }
  return result;
}

TEST(InteractingReplicate, WithAnAmplePoolEveryChildFollowsItsIndependentPath) {
  // Warm-up arrivals before the pool binds, so that some children hold units from activation.
  PoolFixture f(PoolOptions{.first_arrival_day = -150});
  TallySetup setup(f);
  InteractingReplicate interacting(f.kernel, ample_pool());
  EXPECT_EQ(interacting.blocks(), 1u);
  for (std::uint64_t replicate : {0u, 1u, 2u}) {
    const StreamKey key{2024, replicate};
    Outcome independent = run_program(f.kernel, setup, key);
    Outcome pooled = run_program(interacting, setup, key);
    ASSERT_GT(independent.lives.size(), 150u);
    ASSERT_EQ(pooled.lives.size(), independent.lives.size());
    std::size_t moves = 0, breakdowns = 0;
    for (const auto& [id, life] : independent.lives) {
      auto found = pooled.lives.find(id);
      ASSERT_NE(found, pooled.lives.end()) << id;
      EXPECT_EQ(found->second.arrived, life.arrived) << id;
      EXPECT_EQ(found->second.first_state, life.first_state) << id;
      EXPECT_EQ(found->second.stays, life.stays) << "child " << id;
      EXPECT_EQ(found->second.moves, life.moves) << "child " << id;
      moves += life.moves.size();
      for (const auto& move : life.moves) breakdowns += move.tag == TAG_FOSTER_BREAKDOWN;
    }
    EXPECT_GT(moves, 200u);
    EXPECT_GT(breakdowns, 30u);
    EXPECT_EQ(occupancy_counts(setup, pooled.counts), occupancy_counts(setup, independent.counts));
    // The pool was active and never short.
    ASSERT_FALSE(pooled.census.reports.empty());
    const PoolCensus& last = pooled.census.reports.back().second;
    EXPECT_EQ(last.diverted, 0);
    EXPECT_EQ(last.returned, 0);
    EXPECT_GT(last.units, 10000);
    EXPECT_TRUE(independent.census.reports.empty());
  }
}

TEST(InteractingReplicate, APoolFarTooSmallDivertsChildrenAndMovesThemBack) {
  PoolFixture f;
  ResourcePoolSpec pool = small_pool();
  InteractingReplicate interacting(f.kernel, pool);
  std::int64_t total_reports = 0, total_over = 0;
  std::size_t diverted_then_returned = 0, diverted_children = 0;
  for (std::uint64_t replicate : {0u, 1u, 2u, 3u}) {
    const StreamKey key{77, replicate};
    std::set<std::uint64_t> initial_guarded;
    for (std::size_t row = 0; row < f.initial.size(); ++row)
      if (f.initial[row].state == FOSTER) initial_guarded.insert(initial_child_id(row));
    auto owned_audit =
        std::make_unique<PoolAudit>(pool, initial_guarded, f.initial.size() - initial_guarded.size());
    PoolAudit& audit = *owned_audit;
    Trajectories lives;
    CensusLog log;
    ObserverChain chain;
    chain.add(std::make_unique<TrajectoryRecorder>(lives));
    chain.add(std::make_unique<CensusRecorder>(log));
    chain.add(std::move(owned_audit));
    interacting.run_block(0, key, chain);

    ASSERT_FALSE(log.reports.empty());
    const PoolCensus& last = log.reports.back().second;
    EXPECT_TRUE(std::isinf(log.reports.back().first));
    EXPECT_GT(last.diverted, 20) << "replicate " << replicate;
    EXPECT_GT(last.returned, 5) << "replicate " << replicate;
    EXPECT_GT(audit.max_waiting, 0) << "replicate " << replicate;
    total_reports += audit.reports;
    total_over += audit.over_capacity;
    EXPECT_EQ(audit.stale, 0) << "replicate " << replicate << ": the census was not reported when the pool changed; "
                              << audit.first_stale;

    // Children diverted (an arrival into foster care, or a move to it, that ended in the
    // fallback) and later moved back by the pool.
    for (const auto& [id, life] : lives) {
      bool diverted = life.arrived && life.first_state == RESIDENTIAL;
      for (const auto& move : life.moves) {
        diverted = diverted || (move.to == RESIDENTIAL && !move.aged_out && move.tag != TAG_FOSTER_TO_RES);
        if (move.tag == pool_return_tag) {
          EXPECT_EQ(move.from, RESIDENTIAL);
          EXPECT_EQ(move.to, FOSTER);
        }
      }
      bool returned = std::any_of(life.moves.begin(), life.moves.end(),
                                  [](const Trajectory::Move& m) { return m.tag == pool_return_tag; });
      diverted_children += diverted;
      diverted_then_returned += diverted && returned;
    }
    // Units never go below zero idle, nor does the census run backwards.
    for (std::size_t i = 1; i < log.reports.size(); ++i) {
      EXPECT_GE(log.reports[i].first, log.reports[i - 1].first);
      EXPECT_GE(log.reports[i].second.diverted, log.reports[i - 1].second.diverted);
      EXPECT_GE(log.reports[i].second.returned, log.reports[i - 1].second.returned);
      EXPECT_GE(log.reports[i].second.idle, 0);
      EXPECT_LE(log.reports[i].second.idle, log.reports[i].second.units);
    }
  }
  EXPECT_GT(total_reports, 100);
  EXPECT_EQ(total_over, 0) << "more children held units than there were units";
  EXPECT_GT(diverted_children, 50u);
  EXPECT_GT(diverted_then_returned, 10u);
}

TEST(InteractingReplicate, TalliesDoNotDependOnTheNumberOfThreads) {
  PoolFixture f;
  TallySetup setup(f);
  InteractingReplicate interacting(f.kernel, small_pool());
  ReplicateRunner runner([&](std::size_t) -> const ReplicateProgram& { return interacting; }, setup.layout,
                         [&](Tally& tally, StreamKey) { return setup.observers(tally); },
                         [&](Tally& tally) { setup.finish(tally); });
  auto run_with = [&](std::size_t threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    return runner.run(ReplicateRange{0, 8}, 31);
  };
  std::vector<Tally> one = run_with(1);
  std::vector<Tally> two = run_with(2);
  ASSERT_EQ(one.size(), 8u);
  ASSERT_EQ(two.size(), 8u);
  for (std::size_t r = 0; r < one.size(); ++r) {
    EXPECT_EQ(one[r].all_counts(), two[r].all_counts()) << "replicate " << r;
    EXPECT_EQ(one[r].all_sums(), two[r].all_sums()) << "replicate " << r;
  }
  // The census on the grid was recorded, and the pool ran short.
  auto census = one[0].counts(setup.census);
  std::int64_t diverted_by_end = census[(f.grid.points() - 1) * 5 + 3];
  EXPECT_GT(diverted_by_end, 0);
  // Replicates differ from one another (each has its own streams).
  EXPECT_NE(one[0].all_counts(), one[1].all_counts());
}

TEST(InteractingReplicate, TheSameSeedGivesTheSameRunAndAnotherSeedAnother) {
  PoolFixture f;
  TallySetup setup(f);
  InteractingReplicate interacting(f.kernel, small_pool());
  Outcome first = run_program(interacting, setup, StreamKey{5, 1});
  Outcome second = run_program(interacting, setup, StreamKey{5, 1});
  ASSERT_GT(first.lives.size(), 100u);
  EXPECT_TRUE(first.lives == second.lives) << "the same seed must give the same trajectories";
  EXPECT_EQ(first.counts, second.counts);
  ASSERT_EQ(first.census.reports.size(), second.census.reports.size());
  for (std::size_t i = 0; i < first.census.reports.size(); ++i) {
    EXPECT_EQ(first.census.reports[i].first, second.census.reports[i].first) << i;
    const PoolCensus& a = first.census.reports[i].second;
    const PoolCensus& b = second.census.reports[i].second;
    EXPECT_TRUE(a.units == b.units && a.idle == b.idle && a.waiting == b.waiting && a.diverted == b.diverted &&
                a.returned == b.returned)
        << "report " << i;
  }
  Outcome other = run_program(interacting, setup, StreamKey{6, 1});
  EXPECT_NE(first.counts, other.counts);
}

/// Counts calls that report a time earlier than a call before them: children's events reported
/// out of time order (arrivals at their arrival, moves at their time).
class TimeOrderWatch final : public LifeObserver {
 public:
  explicit TimeOrderWatch(std::size_t& inversions) : inversions_(inversions) {}
  void on_arrival(Individual& child) override { at(child.entered); }
  void on_stay(const Individual&, double) override {}
  void on_transition(Individual& child, int, const Exit*) override { at(child.entered); }

 private:
  void at(double t) {
    if (t < latest_) inversions_ += 1;
    latest_ = std::max(latest_, t);
  }
  std::size_t& inversions_;
  double latest_ = -infinity;
};

/// A feedback that never binds: no load weighs on anything and every exit ignores the load.
/// With it, every event of the replicate goes through the queue in time order.
LoadFeedbackSpec idle_feedback() {
  LoadFeedbackSpec feedback;
  feedback.weight.assign(STATES, 0.0);
  feedback.capacity = {1.0};
  return feedback;
}

/// Runs one replicate of `program` with trajectories, census reports, the tally's observers and
/// a watch on the order of times.
Outcome run_watched(const ReplicateProgram& program, const TallySetup& setup, StreamKey key,
                    std::size_t& inversions, std::vector<double>& sums) {
  Outcome outcome;
  Tally tally(setup.layout);
  ObserverChain chain;
  chain.add(std::make_unique<TrajectoryRecorder>(outcome.lives));
  chain.add(std::make_unique<CensusRecorder>(outcome.census));
  chain.add(std::make_unique<TimeOrderWatch>(inversions));
  chain.add(setup.observers(tally));
  program.run_block(0, key, chain);
  setup.finish(tally);
  outcome.counts = tally.all_counts();
  sums = tally.all_sums();
  return outcome;
}

TEST(InteractingReplicate, EventsThatRunAheadOfTheQueueGiveWhatTheQueueGives) {
  // Without a feedback, events that cannot meet the pool happen as soon as they are planned;
  // a feedback that never binds keeps every event in the queue. Both must give the same paths,
  // the same census reported at the same times, and the same counts, for a pool that runs
  // short, with and without returns from the fallback, and with warm-up arrivals before a pool
  // that binds from a day after the start.
  PoolFixture f(PoolOptions{.arrivals_per_day = 0.25, .first_arrival_day = -150});
  TallySetup setup(f);
  struct Case {
    double activation;
    bool returns;
  };
  for (Case c : {Case{0.0, true}, Case{0.0, false}, Case{120.5, true}}) {
    ResourcePoolSpec pool = small_pool();
    pool.activation = c.activation;
    pool.return_from_fallback = c.returns;
    InteractingReplicate ahead(f.kernel, pool);
    InteractingReplicate queued(f.kernel, pool, idle_feedback());
    for (std::uint64_t replicate : {0u, 1u, 2u}) {
      const StreamKey key{404, replicate};
      std::size_t ahead_inversions = 0, queued_inversions = 0;
      std::vector<double> ahead_sums, queued_sums;
      Outcome a = run_watched(ahead, setup, key, ahead_inversions, ahead_sums);
      Outcome q = run_watched(queued, setup, key, queued_inversions, queued_sums);
      std::string where = "activation " + std::to_string(c.activation) + ", returns " +
                          std::to_string(c.returns) + ", replicate " + std::to_string(replicate);
      ASSERT_GT(q.lives.size(), 300u) << where;
      EXPECT_EQ(queued_inversions, 0u) << where << ": with a feedback, events are reported in time order";
      EXPECT_GT(ahead_inversions, 0u) << where << ": no event ran ahead of the queue";
      ASSERT_EQ(a.lives.size(), q.lives.size()) << where;
      for (const auto& [id, life] : q.lives) {
        auto found = a.lives.find(id);
        ASSERT_NE(found, a.lives.end()) << where << ", child " << id;
        EXPECT_TRUE(found->second == life) << where << ", child " << id;
      }
      ASSERT_EQ(a.census.reports.size(), q.census.reports.size()) << where;
      for (std::size_t i = 0; i < q.census.reports.size(); ++i) {
        const auto& [at_a, x] = a.census.reports[i];
        const auto& [at_q, y] = q.census.reports[i];
        EXPECT_EQ(at_a, at_q) << where << ", report " << i;
        EXPECT_TRUE(x.units == y.units && x.idle == y.idle && x.waiting == y.waiting && x.diverted == y.diverted &&
                    x.returned == y.returned)
            << where << ", report " << i;
      }
      EXPECT_GT(q.census.reports.back().second.diverted, 10) << where << ": the pool did not run short";
      EXPECT_EQ(a.counts, q.counts) << where;
      // Person-days add up in another order: equal up to rounding.
      ASSERT_EQ(ahead_sums.size(), queued_sums.size());
      for (std::size_t i = 0; i < queued_sums.size(); ++i)
        EXPECT_NEAR(ahead_sums[i], queued_sums[i], 1e-9 * std::max(1.0, std::abs(queued_sums[i]))) << where;
    }
  }
}

}  // namespace
}  // namespace carecast::engine
