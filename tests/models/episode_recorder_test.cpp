// EpisodeRecorder, through models::simulate with RunOptions::episode_replicates. The recorded
// episodes must tell the same story as the replicate's own tallies: one first episode per
// entry, one ended episode per transition (by from and to), breakdowns by state and cause,
// school changes at entries, planned moves and breakdowns, and one ongoing episode per child in
// care at the horizon. They must chain (a move's end is the next episode's start), not depend on
// the number of threads, and come only for the replicates asked for.
#include <gtest/gtest.h>
#include <fmt/format.h>
#include <tbb/global_control.h>

#include <chrono>
#include <map>
#include <numeric>
#include <string>

#include "engine/communicator.hpp"
#include "models/episode_recorder.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using calibration::Episode;
using calibration::EpisodeData;
using calibration::EpisodeEnding;
using test_support::ScratchFolder;

struct Variant {
  std::string initial_stock = "initial_stock: {warmup_years: 0}";
  std::string extra;  // e.g. a foster_carers section
};

std::filesystem::path write_scenario(const ScratchFolder& folder, const Variant& variant) {
  std::string population = "age,year,population\n";
  for (int age = 0; age < 18; ++age)
    for (int year = 2020; year <= 2027; ++year) population += fmt::format("{},{},2000\n", age, year);
  folder.write("population.csv", population);
  folder.write("snapshot.csv", "age,state,days_in_state,count,breakdowns\n8,foster,100,20,1\n14,residential,30,10,0\n");
  return folder.write("recorder.yaml", fmt::format(R"(name: Episode recorder
simulation: {{start: 2025-01-01, years: 3, grid: quarterly, replicates: 4, seed: 99}}
states:
  - {{name: foster, kind: placement}}
  - {{name: residential, kind: placement}}
  - {{name: home, kind: exit}}
  - {{name: aged_out, kind: exit}}
ageing_out: {{age: 18, to: aged_out}}
population: {{table: population.csv}}
entries:
  rate_per_1000: [{{age: [0, 18], rate: 3}}]
  mix: [{{age: [0, 18], shares: {{foster: 0.7, residential: 0.3}}}}]
transitions:
  - {{from: foster, to: home, hazard: 0.4}}
  - {{from: foster, to: foster, hazard: 0.2}}
  - {{from: foster, to: residential, breakdown: {{carer_initiated: 0.4, other: 0.6}}, hazard: 0.3}}
  - {{from: residential, to: foster, hazard: 0.5}}
  - {{from: residential, to: home, breakdown: {{carer_initiated: 0.5, other: 0.5}}, hazard: 0.1}}
school:
  ages: [6, 16]
  change_probability: {{entry: 0.6, planned_move: 0.4, breakdown: 0.7, return_home: 0.5}}
  return_home_states: [home]
  exam: {{age: 16, intercept: 1, per_school_change: -0.3, per_year_in_care: -0.1}}
{}
{}
)",
                                                   variant.initial_stock, variant.extra));
}

RunResult run(const Scenario& scenario, std::vector<std::size_t> chosen, int threads = 2) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  RunOptions options;
  options.episode_replicates = std::move(chosen);
  return simulate(scenario, options, engine::SingleProcess{});
}

/// A tally array summed over its first axis (the interval).
std::vector<std::int64_t> over_intervals(const RunResult& result, std::size_t replicate, const std::string& name) {
  std::size_t handle = result.layout->count_handle(name);
  auto counts = result.replicates[replicate].counts(handle);
  std::size_t intervals = result.layout->counts()[handle].shape[0];
  std::vector<std::int64_t> sums(counts.size() / intervals, 0);
  for (std::size_t i = 0; i < counts.size(); ++i) sums[i % sums.size()] += counts[i];
  return sums;
}

bool same_child(const EpisodeData& data, std::size_t i, std::size_t j) {
  return j < data.episodes.size() && data.episodes[i].child == data.episodes[j].child;
}

/// Where episode i went: the next episode's state, or its exit state.
std::string destination(const EpisodeData& data, std::size_t i) {
  const Episode& e = data.episodes[i];
  if (e.ending != EpisodeEnding::exit && same_child(data, i, i + 1)) return data.episodes[i + 1].state;
  return e.exit_state;
}

class EpisodeRecorderTest : public ::testing::Test {
 protected:
  Scenario read(const Variant& variant = {}) { return read_scenario(write_scenario(folder_, variant)); }
  ScratchFolder folder_;
};

TEST_F(EpisodeRecorderTest, RecordsOnlyTheChosenReplicates) {
  Scenario scenario = read();
  RunResult result = run(scenario, {3, 1, 3});
  EXPECT_EQ(result.episode_replicates, (std::vector<std::size_t>{1, 3}));
  ASSERT_EQ(result.episodes.size(), 2u);
  EXPECT_FALSE(result.episodes[0].episodes.empty());
  EXPECT_NE(result.episodes[0].episodes.front().child + result.episodes[0].episodes.back().child,
            result.episodes[1].episodes.front().child + result.episodes[1].episodes.back().child);
  EXPECT_TRUE(run(scenario, {}).episodes.empty());
}

TEST_F(EpisodeRecorderTest, RejectsAReplicateThatDoesNotExist) {
  Scenario scenario = read();
  auto error = test_support::input_error_of([&] { run(scenario, {4}); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string(error->what()).find("replicate 4 does not exist"), std::string::npos);
}

TEST_F(EpisodeRecorderTest, AgreesWithTheReplicateTallies) {
  Scenario scenario = read();
  RunResult result = run(scenario, {0, 2});
  for (std::size_t k = 0; k < 2; ++k) {
    std::size_t r = result.episode_replicates[k];
    const EpisodeData& data = result.episodes[k];
    const std::size_t states = scenario.states.size();
    std::int64_t children = 0, ended = 0, ongoing = 0, school_changes = 0;
    std::vector<std::int64_t> moves(states * states, 0), breakdowns(states * 2, 0);
    for (std::size_t i = 0; i < data.episodes.size(); ++i) {
      const Episode& e = data.episodes[i];
      if (i == 0 || !same_child(data, i - 1, i)) ++children;
      ASSERT_TRUE(e.school_change.has_value()) << "every episode starts at an entry or a move";
      school_changes += *e.school_change ? 1 : 0;
      if (e.ending == EpisodeEnding::ongoing) {
        ++ongoing;
        EXPECT_FALSE(e.end.has_value());
        continue;
      }
      ++ended;
      auto from = static_cast<std::size_t>(scenario.state_index(e.state));
      auto to = scenario.state_index(destination(data, i));
      ASSERT_GE(to, 0) << "episode " << i << " of child " << e.child;
      moves[from * states + static_cast<std::size_t>(to)] += 1;
      if (e.ending == EpisodeEnding::breakdown_carer) breakdowns[from * 2 + 0] += 1;
      if (e.ending == EpisodeEnding::breakdown_other) breakdowns[from * 2 + 1] += 1;
    }
    auto entries = over_intervals(result, r, "entries");
    EXPECT_EQ(children, std::accumulate(entries.begin(), entries.end(), std::int64_t{0}));
    EXPECT_EQ(moves, over_intervals(result, r, "transitions"));
    EXPECT_EQ(breakdowns, over_intervals(result, r, "breakdowns"));
    auto by_kind = over_intervals(result, r, "school_changes");  // entry, planned move, breakdown, return home
    EXPECT_EQ(school_changes, by_kind[0] + by_kind[1] + by_kind[2]);
    std::size_t stock = result.layout->count_handle("stock");
    auto last = result.replicates[r].counts(stock).subspan((result.grid_days.size() - 1) * states, states);
    EXPECT_EQ(ongoing, last[0] + last[1]);
    EXPECT_GT(breakdowns[1 * 2 + 0] + breakdowns[1 * 2 + 1], 0) << "residential → home breakdowns happen";
  }
}

TEST_F(EpisodeRecorderTest, EpisodesChainAndStopAtTheHorizon) {
  Scenario scenario = read();
  RunResult result = run(scenario, {0});
  const EpisodeData& data = result.episodes[0];
  EXPECT_EQ(data.observed_until, *engine::parse_iso_date("2027-12-31"));
  for (std::size_t i = 0; i < data.episodes.size(); ++i) {
    const Episode& e = data.episodes[i];
    EXPECT_LE(e.birth, e.start);
    EXPECT_GE(e.start, scenario.simulation.start);
    if (e.end) {
      EXPECT_LE(*e.end, data.observed_until);
    }
    bool exit = e.ending == EpisodeEnding::exit || !e.exit_state.empty();
    if (exit || e.ending == EpisodeEnding::ongoing) {
      EXPECT_FALSE(same_child(data, i, i + 1)) << "nothing follows an exit or an ongoing episode";
    } else {
      ASSERT_TRUE(same_child(data, i, i + 1));
      EXPECT_EQ(*e.end, data.episodes[i + 1].start);
    }
    if (e.ending == EpisodeEnding::exit) {
      EXPECT_TRUE(e.exit_state == "home" || e.exit_state == "aged_out");
    }
  }
}

TEST_F(EpisodeRecorderTest, SameEpisodesForAnyNumberOfThreads) {
  Variant pool;
  pool.extra = "foster_carers: {state: foster, fallback: residential, families: 40, recruitment_per_year: 10, "
               "attrition_per_year: 0.2}";
  for (const Variant& variant : {Variant{}, pool}) {
    Scenario scenario = read(variant);
    RunResult one = run(scenario, {1, 2}, 1), two = run(scenario, {1, 2}, 2);
    ASSERT_EQ(one.episodes.size(), two.episodes.size());
    for (std::size_t k = 0; k < one.episodes.size(); ++k) {
      const auto &a = one.episodes[k].episodes, &b = two.episodes[k].episodes;
      ASSERT_EQ(a.size(), b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].child, b[i].child);
        EXPECT_EQ(a[i].start, b[i].start);
        EXPECT_EQ(a[i].end, b[i].end);
        EXPECT_EQ(a[i].state, b[i].state);
        EXPECT_EQ(a[i].ending, b[i].ending);
        EXPECT_EQ(a[i].school_change, b[i].school_change);
      }
    }
  }
}

TEST_F(EpisodeRecorderTest, InitialStockAndWarmUpEpisodesStartBeforeTheStartDate) {
  Variant snapshot;
  snapshot.initial_stock = "initial_stock: {snapshot: snapshot.csv}";
  Scenario from_snapshot = read(snapshot);
  RunResult result = run(from_snapshot, {0});
  const EpisodeData& data = result.episodes[0];
  // Initial-stock children (ids from 2^62) come first: 20 in foster care, 10 in residential care.
  // Their first episode started before the start date (100 or 30 days in state) and has no known
  // school change; every later episode has one.
  std::map<std::string, int> first_episodes;
  for (std::size_t i = 0; i < data.episodes.size(); ++i) {
    const Episode& e = data.episodes[i];
    bool initial = std::stoull(e.child) >= (std::uint64_t{1} << 62);
    if (i > 0) {
      EXPECT_FALSE(initial && std::stoull(data.episodes[i - 1].child) < (std::uint64_t{1} << 62));
    }
    bool first = i == 0 || !same_child(data, i - 1, i);
    if (!(initial && first)) {
      EXPECT_TRUE(e.school_change.has_value());
      continue;
    }
    first_episodes[e.state] += 1;
    EXPECT_LT(e.start, from_snapshot.simulation.start);
    EXPECT_FALSE(e.school_change.has_value());
  }
  EXPECT_EQ(first_episodes, (std::map<std::string, int>{{"foster", 20}, {"residential", 10}}));
  Variant warmup;
  warmup.initial_stock = "initial_stock: {warmup_years: 2}";
  RunResult warmed = run(read(warmup), {0});
  const EpisodeData& warm = warmed.episodes[0];
  EXPECT_LT(warm.episodes.front().start, from_snapshot.simulation.start) << "warm-up episodes are recorded";
}

TEST(EpisodeTransfer, EncodeDecodeIsExact) {
  std::vector<RecordedEpisode> episodes{
      {42, 0, -1234.5678, 10.25, 99.125, 0, -1, EpisodeEnding::planned_move, 1},
      {42, 1, -1234.5678, 99.125, engine::infinity, 1, -1, EpisodeEnding::ongoing, -1},
      {7, 0, -3.0, 0.1, 0.2, 1, 2, EpisodeEnding::breakdown_carer, 0}};
  std::vector<std::int64_t> encoded;
  encode_episodes(episodes, 5, encoded);
  encode_episodes({episodes[2]}, 9, encoded);
  EXPECT_EQ(encoded.size(), 4 * fields_per_episode);
  auto decoded = decode_episodes(encoded);
  ASSERT_EQ(decoded.size(), 2u);
  ASSERT_EQ(decoded[5].size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const RecordedEpisode &a = episodes[i], &b = decoded[5][i];
    EXPECT_EQ(a.child, b.child);
    EXPECT_EQ(a.sequence, b.sequence);
    EXPECT_EQ(a.birth, b.birth);
    EXPECT_EQ(a.start, b.start);
    EXPECT_EQ(a.end, b.end);
    EXPECT_EQ(a.state, b.state);
    EXPECT_EQ(a.exit_state, b.exit_state);
    EXPECT_EQ(a.ending, b.ending);
    EXPECT_EQ(a.school_change, b.school_change);
  }
  EXPECT_EQ(decoded[9][0].child, 7u);
}

}  // namespace
}  // namespace carecast::models
