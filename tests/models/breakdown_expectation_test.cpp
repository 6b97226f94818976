// Breakdowns against their exact expectations. Every child starts in foster care (a snapshot,
// no entries) and, with constant hazards, breaks down (foster -> foster, hazard b, times f per
// prior breakdown up to the cap), moves in a planned way (foster -> foster, hazard m) or goes home
// (hazard r) until the horizon T; nobody ages out within T. The exit time is exponential(r) and
// independent of the moves, and given it the breakdowns (a pure-birth process with rates
// b·f^min(i, cap)) and the planned moves (Poisson, rate m) are independent, so the joint law of
// the counts at min(exit, T) is exact up to quadrature. With f = 1 it has a closed form:
//   P(K = k) = e^{-(λ+r)T} (λT)^k / k! + r/(λ+r) · (λ/(λ+r))^k · P(Poisson((λ+r)T) > k)
// for the moves K of a Poisson process of rate λ killed at rate r. The tallies of
// models::simulate (cohort_placements, cohort_breakdowns, breakdowns, placement_endings) must
// agree within 4 Monte Carlo standard errors, and the carer-initiated share of breakdowns with
// the configured cause split within 4 binomial standard errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <string>
#include <vector>

#include "engine/communicator.hpp"
#include "models/cohort_recorder.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::ScratchFolder;

constexpr std::size_t children_per_replicate = 5000;
constexpr std::size_t replicates = 4;
constexpr double n_children = static_cast<double>(children_per_replicate * replicates);

struct Hazards {
  double breakdown = 0.6;  // b, per year
  double planned = 0.4;    // m, per year
  double home = 0.5;       // r, per year
  double carer_share = 0.35;
  double prior_factor = 1.0;  // f
  int prior_cap = 4;
  double carer_factor = 1.0;  // the carer-initiated lever
};

/// A scenario with only these hazards, its population table and a snapshot of children aged 5
/// (so nobody ages out within the two years), all in foster care since the start date.
std::filesystem::path write_scenario(const ScratchFolder& folder, const Hazards& h) {
  std::string population = "age,year,population\n";
  for (int age = 0; age < 18; ++age)
    for (int year = 2025; year <= 2027; ++year) population += fmt::format("{},{},1000\n", age, year);
  folder.write("population.csv", population);
  folder.write("snapshot.csv", fmt::format("age,state,days_in_state,count,placements,breakdowns,school_changes\n"
                                           "5,foster,0,{},1,0,0\n",
                                           children_per_replicate));
  const std::string text = fmt::format(
      R"(name: Breakdown expectations
simulation:
  start: 2025-01-01
  years: 2
  grid: quarterly
  replicates: {replicates}
  seed: 20240611
states:
  - {{name: foster, kind: placement}}
  - {{name: home, kind: exit}}
  - {{name: aged_out, kind: exit}}
ageing_out:
  age: 18
  to: aged_out
population:
  table: population.csv
entries:
  rate_per_1000:
    - {{age: [0, 18], rate: 0}}
  mix:
    - age: [0, 18]
      shares: {{foster: 1}}
transitions:
  - from: foster
    to: foster
    breakdown: {{carer_initiated: {share}, other: {other}}}
    hazard: {b}
  - {{from: foster, to: foster, hazard: {m}}}
  - {{from: foster, to: home, hazard: {r}}}
breakdowns:
  prior_breakdown_factor: {f}
  prior_breakdown_cap: {cap}
  carer_initiated_factor: {c}
initial_stock:
  snapshot: snapshot.csv
)",
      fmt::arg("replicates", replicates), fmt::arg("share", h.carer_share), fmt::arg("other", 1.0 - h.carer_share),
      fmt::arg("b", h.breakdown), fmt::arg("m", h.planned), fmt::arg("r", h.home), fmt::arg("f", h.prior_factor),
      fmt::arg("cap", h.prior_cap), fmt::arg("c", h.carer_factor));
  return folder.write("breakdowns.yaml", text);
}

/// The exact joint law of (breakdowns I, planned moves J) at min(exit, T), for i, j < limit.
class ExactCounts {
 public:
  static constexpr std::size_t limit = 48;

  ExactCounts(const Hazards& h, double years) : joint_(limit * limit, 0.0) {
    const double r = h.home, m = h.planned;
    const double b_total = h.breakdown * (h.carer_share * h.carer_factor + 1.0 - h.carer_share);
    auto birth = [&](std::size_t i) {
      return b_total * std::pow(h.prior_factor, static_cast<double>(std::min<std::size_t>(i, h.prior_cap)));
    };
    // p_i(s): the pure-birth process of breakdowns, by RK4 on a fine grid.
    const std::size_t steps = 4000;  // even, for Simpson's rule
    const double dt = years / steps;
    std::vector<std::vector<double>> p(steps + 1, std::vector<double>(limit, 0.0));
    p[0][0] = 1.0;
    auto derivative = [&](const std::vector<double>& x) {
      std::vector<double> d(limit);
      for (std::size_t i = 0; i < limit; ++i) d[i] = -birth(i) * x[i] + (i > 0 ? birth(i - 1) * x[i - 1] : 0.0);
      return d;
    };
    for (std::size_t n = 0; n < steps; ++n) {
      const auto& x = p[n];
      auto k1 = derivative(x);
      std::vector<double> y(limit);
      for (std::size_t i = 0; i < limit; ++i) y[i] = x[i] + 0.5 * dt * k1[i];
      auto k2 = derivative(y);
      for (std::size_t i = 0; i < limit; ++i) y[i] = x[i] + 0.5 * dt * k2[i];
      auto k3 = derivative(y);
      for (std::size_t i = 0; i < limit; ++i) y[i] = x[i] + dt * k3[i];
      auto k4 = derivative(y);
      for (std::size_t i = 0; i < limit; ++i) p[n + 1][i] = x[i] + dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    // Still in care at T, plus gone home at s < T (density r e^{-rs}), by Simpson's rule.
    for (std::size_t n = 0; n <= steps; ++n) {
      double s = n * dt;
      double weight = (n == 0 || n == steps ? 1.0 : (n % 2 == 1 ? 4.0 : 2.0)) * dt / 3.0;
      double density = r * std::exp(-r * s) * weight;
      for (std::size_t j = 0; j < limit; ++j) {
        double poisson_j = poisson(j, m * s);
        for (std::size_t i = 0; i < limit; ++i) joint_[i * limit + j] += density * p[n][i] * poisson_j;
      }
    }
    for (std::size_t j = 0; j < limit; ++j)
      for (std::size_t i = 0; i < limit; ++i)
        joint_[i * limit + j] += std::exp(-r * years) * p[steps][i] * poisson(j, m * years);
  }

  static double poisson(std::size_t k, double mean) {
    return std::exp(-mean + static_cast<double>(k) * std::log(std::max(mean, 1e-300)) - std::lgamma(k + 1.0)) *
           (mean > 0.0 || k == 0 ? 1.0 : 0.0);
  }

  double joint(std::size_t i, std::size_t j) const { return joint_[i * limit + j]; }
  double total() const {
    double sum = 0.0;
    for (double p : joint_) sum += p;
    return sum;
  }
  /// P(breakdowns = i).
  double breakdowns(std::size_t i) const {
    double sum = 0.0;
    for (std::size_t j = 0; j < limit; ++j) sum += joint(i, j);
    return sum;
  }
  double planned(std::size_t j) const {
    double sum = 0.0;
    for (std::size_t i = 0; i < limit; ++i) sum += joint(i, j);
    return sum;
  }
  /// P(moves = k), moves = breakdowns + planned moves.
  double moves(std::size_t k) const {
    double sum = 0.0;
    for (std::size_t i = 0; i <= k && i < limit; ++i)
      if (k - i < limit) sum += joint(i, k - i);
    return sum;
  }
  template <class Marginal>
  static std::pair<double, double> mean_and_variance(Marginal marginal) {
    double mean = 0.0, second = 0.0;
    for (std::size_t k = 0; k < 2 * limit; ++k) {
      double p = marginal(k);
      mean += k * p;
      second += static_cast<double>(k * k) * p;
    }
    return {mean, second - mean * mean};
  }

 private:
  std::vector<double> joint_;
};

/// The closed form for f = 1: moves of a Poisson process of rate λ killed at rate r, at T.
double killed_poisson(std::size_t k, double lambda, double r, double years) {
  double alive = ExactCounts::poisson(k, lambda * years) * std::exp(-r * years);
  double at_least = 1.0;  // P(Poisson((λ + r) T) >= k + 1)
  for (std::size_t i = 0; i <= k; ++i) at_least -= ExactCounts::poisson(i, (lambda + r) * years);
  return alive + r / (lambda + r) * std::pow(lambda / (lambda + r), static_cast<double>(k)) * at_least;
}

/// The sum over replicates of one count array.
std::vector<std::int64_t> summed(const RunResult& result, const std::string& name) {
  const std::size_t handle = result.layout->count_handle(name);
  std::vector<std::int64_t> total(result.layout->counts()[handle].size(), 0);
  for (const engine::Tally& tally : result.replicates) {
    auto counts = tally.counts(handle);
    for (std::size_t i = 0; i < total.size(); ++i) total[i] += counts[i];
  }
  return total;
}

/// Expects `observed` of n trials to be a binomial proportion p within 4 standard errors.
void expect_proportion(double observed, double p, double n, const std::string& what) {
  double se = std::sqrt(std::max(p * (1.0 - p), 1e-12) / n);
  EXPECT_NEAR(observed / n, p, 4.0 * se) << what << ": expected " << p << " (SE " << se << ")";
}

struct Simulated {
  RunResult result;
  double years = 0.0;  // the horizon T
};

Simulated simulate_hazards(const Hazards& h) {
  ScratchFolder folder;
  Scenario scenario = read_scenario(write_scenario(folder, h));
  Simulated run;
  run.result = simulate(scenario, RunOptions{}, engine::SingleProcess{});
  run.years = run.result.grid_days.back() / engine::days_per_year;
  return run;
}

/// Checks every count against the exact law.
void expect_exact_counts(const Simulated& run, const Hazards& h) {
  const RunResult& result = run.result;
  ASSERT_EQ(result.replicates.size(), replicates);
  ExactCounts exact(h, run.years);
  ASSERT_NEAR(exact.total(), 1.0, 1e-9) << "the truncation must hold all the mass";
  constexpr std::size_t bins = CohortRecorder::bins;
  constexpr std::size_t foster = 0;

  // Every child is in the first simulated year's cohort.
  auto children = summed(result, "cohort_children");
  ASSERT_EQ(children[0], static_cast<std::int64_t>(n_children));

  // Placements per child: the snapshot's one, plus one for each move (both kinds re-place).
  auto placements = summed(result, "cohort_placements");
  EXPECT_EQ(placements[0], 0) << "every child has at least its first placement";
  double tail = 1.0;
  for (std::size_t bin = 1; bin + 1 < bins; ++bin) {
    double p = exact.moves(bin - 1);
    tail -= p;
    expect_proportion(static_cast<double>(placements[bin]), p, n_children, fmt::format("{} placements", bin));
  }
  expect_proportion(static_cast<double>(placements[bins - 1]), tail, n_children, "6 or more placements");

  // Breakdowns per child.
  auto cohort_breakdowns = summed(result, "cohort_breakdowns");
  tail = 1.0;
  for (std::size_t bin = 0; bin + 1 < bins; ++bin) {
    double p = exact.breakdowns(bin);
    tail -= p;
    expect_proportion(static_cast<double>(cohort_breakdowns[bin]), p, n_children, fmt::format("{} breakdowns", bin));
  }
  expect_proportion(static_cast<double>(cohort_breakdowns[bins - 1]), tail, n_children, "6 or more breakdowns");

  // The flows: breakdowns by cause, planned moves and exits out of foster care.
  auto breakdowns = summed(result, "breakdowns");  // [interval][state][cause]
  auto endings = summed(result, "placement_endings");  // [interval][state][ending]
  const std::size_t states = result.states.size(), intervals = result.grid_days.size() - 1;
  double carer = 0, other = 0, ended_by_breakdown = 0, planned = 0, left = 0;
  for (std::size_t i = 0; i < intervals; ++i) {
    carer += breakdowns[(i * states + foster) * 2 + 0];
    other += breakdowns[(i * states + foster) * 2 + 1];
    ended_by_breakdown += endings[(i * states + foster) * 3 + 0];
    planned += endings[(i * states + foster) * 3 + 1];
    left += endings[(i * states + foster) * 3 + 2];
  }
  EXPECT_EQ(ended_by_breakdown, carer + other);
  auto [breakdown_mean, breakdown_variance] =
      ExactCounts::mean_and_variance([&](std::size_t k) { return k < ExactCounts::limit ? exact.breakdowns(k) : 0.0; });
  EXPECT_NEAR((carer + other) / n_children, breakdown_mean, 4.0 * std::sqrt(breakdown_variance / n_children))
      << "breakdowns per child";
  auto [planned_mean, planned_variance] =
      ExactCounts::mean_and_variance([&](std::size_t k) { return k < ExactCounts::limit ? exact.planned(k) : 0.0; });
  EXPECT_NEAR(planned / n_children, planned_mean, 4.0 * std::sqrt(planned_variance / n_children))
      << "planned moves per child";
  expect_proportion(left, 1.0 - std::exp(-h.home * run.years), n_children, "gone home by T");

  // The cause split: carer-initiated breakdowns are this share of all breakdowns.
  double share = h.carer_share * h.carer_factor / (h.carer_share * h.carer_factor + 1.0 - h.carer_share);
  expect_proportion(carer, share, carer + other, "carer-initiated share of breakdowns");
}

TEST(BreakdownExpectation, TheNumericLawMatchesTheClosedFormWithoutPriorBreakdownEffect) {
  Hazards h;
  const double years = 2.0;
  ExactCounts exact(h, years);
  for (std::size_t k = 0; k < 12; ++k) {
    EXPECT_NEAR(exact.moves(k), killed_poisson(k, h.breakdown + h.planned, h.home, years), 1e-9) << k;
    EXPECT_NEAR(exact.breakdowns(k), killed_poisson(k, h.breakdown, h.home, years), 1e-9) << k;
  }
  // E[breakdowns] = b (1 - e^{-rT}) / r: breakdowns at rate b while in care.
  auto [mean, variance] = ExactCounts::mean_and_variance([&](std::size_t k) {
    return k < ExactCounts::limit ? exact.breakdowns(k) : 0.0;
  });
  EXPECT_NEAR(mean, h.breakdown * (1.0 - std::exp(-h.home * years)) / h.home, 1e-9);
  EXPECT_GT(variance, 0.0);
}

TEST(BreakdownExpectation, ConstantHazardsGiveTheExactCountsAndCauseSplit) {
  Hazards h;
  Simulated run = simulate_hazards(h);
  expect_exact_counts(run, h);
}

TEST(BreakdownExpectation, PriorBreakdownsRaiseTheNextBreakdownUpToTheCap) {
  Hazards h;
  h.breakdown = 0.3;
  h.prior_factor = 2.0;
  h.prior_cap = 3;
  Simulated run = simulate_hazards(h);
  expect_exact_counts(run, h);
  // The factor matters: without it, far fewer children would have had three or more breakdowns.
  Hazards without = h;
  without.prior_factor = 1.0;
  ExactCounts with_factor(h, run.years), no_factor(without, run.years);
  double three_or_more = 1.0 - with_factor.breakdowns(0) - with_factor.breakdowns(1) - with_factor.breakdowns(2);
  double three_or_more_without = 1.0 - no_factor.breakdowns(0) - no_factor.breakdowns(1) - no_factor.breakdowns(2);
  EXPECT_GT(three_or_more, 2.0 * three_or_more_without);
}

TEST(BreakdownExpectation, TheCarerInitiatedLeverScalesOnlyThatCause) {
  Hazards h;
  h.carer_share = 0.45;
  h.carer_factor = 0.5;
  Simulated run = simulate_hazards(h);
  expect_exact_counts(run, h);
}

}  // namespace
}  // namespace carecast::models
