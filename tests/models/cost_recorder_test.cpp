// Budget arithmetic, checked independently: the baseline with the family-support intervention
// (diversion into the support state, per-participant and fixed costs) is run with an extra
// observer that records every stay, move and arrival-rule outcome (the simulated episodes). The
// yearly budget is then recomputed from those episodes alone, with calendar years, price index
// and discounting worked out here, and must equal the costs and costs_discounted arrays.
#include <gtest/gtest.h>

#include <cmath>
#include <mutex>
#include <vector>

#include "engine/replicate_runner.hpp"
#include "models/care_tally.hpp"
#include "models/exit_meaning.hpp"
#include "models/replicate_models.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

constexpr std::size_t replicates = 4;
constexpr std::uint64_t seed = 424242;

struct Episode {
  int state;
  double from, until;
};
struct Move {
  double time;
  int to;
  bool breakdown;
};
struct Episodes {
  std::mutex mutex;
  std::vector<std::vector<Episode>> stays{replicates};
  std::vector<std::vector<Move>> moves{replicates};
  std::vector<std::vector<double>> arrivals{replicates};
  std::vector<std::vector<double>> reached{replicates};  // arrival times of children an intervention reached
};

class EpisodeRecorder final : public engine::LifeObserver {
 public:
  EpisodeRecorder(Episodes& out, std::size_t replicate, const std::vector<ExitMeaning>& meanings)
      : out_(out), r_(replicate), meanings_(meanings) {}
  void on_arrival(engine::Individual& child) override {
    std::lock_guard lock(out_.mutex);
    out_.arrivals[r_].push_back(child.entered);
  }
  void on_arrival_rule(const engine::RuleOutcome& outcome) override {
    std::lock_guard lock(out_.mutex);
    out_.reached[r_].push_back(outcome.child.entered);
  }
  void on_stay(const engine::Individual& child, double until) override {
    std::lock_guard lock(out_.mutex);
    out_.stays[r_].push_back({child.state, child.entered, until});
  }
  void on_transition(engine::Individual& child, int, const engine::Exit* exit) override {
    const ExitMeaning* meaning = meaning_of(exit, meanings_);
    std::lock_guard lock(out_.mutex);
    out_.moves[r_].push_back({child.entered, child.state, meaning && meaning->breakdown});
  }

 private:
  Episodes& out_;
  std::size_t r_;
  const std::vector<ExitMeaning>& meanings_;
};

Scenario family_support_with_one_offs() {
  Scenario s = read_scenario(test_support::scenarios_dir() / "family-support-12-17.yaml");
  s.simulation.span = std::chrono::years{4};
  s.costs.one_off = {5000.0, 7000.0, 11000.0, 13000.0};
  s.interventions.list[0].uptake = UncertainValue::fixed(0.8);
  s.interventions.list[0].entry_rate->multiplier = UncertainValue::fixed(0.5);
  return s;
}

/// Day offset of 1 January of `year`, for a scenario starting on 1 January 2025.
double new_year(int year) { return engine::Calendar(engine::Date{std::chrono::year{2025}, std::chrono::January, std::chrono::day{1}}).start_of_year(year); }

TEST(CostRecorder, YearlyBudgetEqualsAnIndependentSumOverTheSimulatedEpisodes) {
  Scenario scenario = family_support_with_one_offs();
  ASSERT_EQ(engine::format_iso_date(scenario.simulation.start), "2025-01-01");
  ReplicateModels models(scenario, seed, {0, replicates});
  CareTally care(scenario, models);
  Episodes episodes;
  engine::ObserverFactory care_observers = care.observers();
  engine::ReplicateRunner runner(
      [&](std::size_t r) -> const engine::ReplicateProgram& { return models.program(r); }, care.layout(),
      [&](engine::Tally& tally, engine::StreamKey key) -> std::unique_ptr<engine::LifeObserver> {
        auto chain = std::make_unique<engine::ObserverChain>();
        chain->add(care_observers(tally, key));
        chain->add(std::make_unique<EpisodeRecorder>(episodes, key.replicate, models.shared().exit_meanings));
        return chain;
      },
      care.finisher());
  std::vector<engine::Tally> tallies = runner.run({0, replicates}, seed);

  const int years = static_cast<int>(scenario.simulation.span.count() / 12);
  const CostSpec& costs = scenario.costs;
  const InterventionSpec& support = scenario.interventions.list[0];
  std::size_t categories = scenario.states.size() + one_off_kinds + 1;
  const std::size_t states = scenario.states.size();
  const std::size_t entry = states, planned_move = states + 1, breakdown = states + 2, exit = states + 3;
  const std::size_t intervention = states + one_off_kinds;
  // Expected spending in 2019 prices, [year][category], worked out from the episodes alone.
  auto spend = [&](std::vector<double>& budget, std::size_t category, double time, double amount) {
    for (int k = 0; k < years; ++k)
      if (time >= new_year(2025 + k) && time < new_year(2026 + k))
        budget[static_cast<std::size_t>(k) * categories + category] += amount;
  };
  for (std::size_t r = 0; r < replicates; ++r) {
    std::vector<double> real(static_cast<std::size_t>(years) * categories, 0.0);
    for (const Episode& e : episodes.stays[r])
      for (int k = 0; k < years; ++k) {
        double days = std::min(e.until, new_year(2026 + k)) - std::max(e.from, new_year(2025 + k));
        auto state = static_cast<std::size_t>(e.state);
        if (days > 0) real[static_cast<std::size_t>(k) * categories + state] += days * costs.per_day[state];
      }
    for (double t : episodes.arrivals[r]) spend(real, entry, t, 5000.0);
    for (const Move& m : episodes.moves[r]) {
      if (scenario.is_exit(m.to)) spend(real, exit, m.time, 13000.0);
      else if (m.breakdown) spend(real, breakdown, m.time, 11000.0);
      else spend(real, planned_move, m.time, 7000.0);
    }
    for (double t : episodes.reached[r]) spend(real, intervention, t, support.cost.per_participant);
    for (int k = 0; k < years; ++k) {
      double running = std::max(0.0, std::min(new_year(2035), new_year(2026 + k)) - std::max(new_year(2026), new_year(2025 + k)));
      real[static_cast<std::size_t>(k) * categories + intervention] += support.cost.fixed_per_year * running / 365.25;
    }
    auto nominal = tallies[r].sums(care.layout()->sum_handle("costs"));
    auto discounted = tallies[r].sums(care.layout()->sum_handle("costs_discounted"));
    ASSERT_GT(episodes.reached[r].size(), 0u) << "the intervention must reach someone for this test to bite";
    ASSERT_EQ(nominal.size(), real.size());
    // Each category of each year: a cost booked under the wrong state, kind or intervention fails.
    for (int k = 0; k < years; ++k) {
      double index = std::pow(1.02, 2025 + k - 2019), discount = std::pow(1.035, k);
      for (std::size_t c = 0; c < categories; ++c) {
        std::size_t i = static_cast<std::size_t>(k) * categories + c;
        double expected = real[i] * index, scale = std::max(1.0, expected);
        EXPECT_NEAR(nominal[i], expected, 1e-9 * scale) << "replicate " << r << ", year " << 2025 + k << ", category " << c;
        EXPECT_NEAR(discounted[i], expected / discount, 1e-9 * scale) << "replicate " << r << ", category " << c;
      }
    }
  }
}

}  // namespace
}  // namespace carecast::models
