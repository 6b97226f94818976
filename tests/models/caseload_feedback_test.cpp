// The caseload feedback through models::simulate, on the baseline over three years. A feedback
// that cannot act (no increase, no slowdown, a cap of 1) leaves every result as it is without
// one, with and without the foster-carer pool. A shortage of caseworkers raises breakdowns and
// slows planned exits against ample staff under the same feedback (paired over replicates,
// beyond 3 standard errors); under a constant overload, at the cap, the breakdown hazard is the
// cap times its own, no more, no less; and the multipliers the result reports follow the
// documented law from the caseload per worker on every grid date.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "engine/calendar.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"
#include "simulation_runs.hpp"

namespace carecast::models {
namespace {

constexpr std::size_t replicates = 12;

Scenario baseline() { return read_scenario(test_support::data_dir() / "scenario" / "baseline_short.yaml"); }

Scenario with_feedback(Scenario s, double increase, double slowdown, double cap) {
  engine::LoadLaw law;
  law.raise_per_excess = increase;
  law.slow_per_excess = slowdown;
  law.raise_cap = cap;
  s.caseload.feedback = law;
  return s;
}

RunResult run(const Scenario& scenario) { return test_support::run_replicates(scenario, replicates, 8128); }

void expect_same_arrays(const RunResult& a, const RunResult& b) {
  for (const auto& array : b.layout->counts())
    for (std::size_t r = 0; r < replicates; ++r) {
      auto x = a.replicates[r].counts(a.layout->count_handle(array.name));
      auto y = b.replicates[r].counts(b.layout->count_handle(array.name));
      EXPECT_TRUE(std::equal(x.begin(), x.end(), y.begin(), y.end())) << array.name << " in replicate " << r;
    }
  for (const auto& array : b.layout->sums())
    for (std::size_t r = 0; r < replicates; ++r) {
      auto x = a.replicates[r].sums(a.layout->sum_handle(array.name));
      auto y = b.replicates[r].sums(b.layout->sum_handle(array.name));
      ASSERT_EQ(x.size(), y.size());
      for (std::size_t i = 0; i < x.size(); ++i)
        EXPECT_NEAR(x[i], y[i], 1e-12 * std::max(1.0, std::abs(y[i]))) << array.name << "[" << i << "]";
    }
}

TEST(CaseloadFeedback, AFeedbackThatCannotActChangesNothing) {
  for (bool pool : {true, false}) {
    Scenario off = baseline();
    off.carer_pool.enabled = pool;
    ASSERT_TRUE(off.caseload.staffing.has_value());
    expect_same_arrays(run(with_feedback(off, 0.0, 0.0, 1.0)), run(off));
  }
}

/// Per replicate, the total over all cells of a count array whose trailing index passes `keep`.
std::vector<double> totals(const RunResult& result, const std::string& name) {
  std::vector<double> out;
  for (std::size_t r = 0; r < replicates; ++r) {
    auto counts = test_support::count_array(result, r, name);
    out.push_back(static_cast<double>(std::accumulate(counts.begin(), counts.end(), std::int64_t{0})));
  }
  return out;
}

/// Mean and standard error of the paired differences a - b.
std::pair<double, double> paired(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) d[i] = a[i] - b[i];
  double mean = std::accumulate(d.begin(), d.end(), 0.0) / static_cast<double>(d.size()), ss = 0.0;
  for (double x : d) ss += (x - mean) * (x - mean);
  return {mean, std::sqrt(ss / static_cast<double>(d.size() - 1) / static_cast<double>(d.size()))};
}

/// Per replicate, the transitions into exit states other than ageing out (planned exits).
std::vector<double> planned_exits(const RunResult& result, const Scenario& s) {
  std::size_t states = s.states.size();
  std::vector<double> out;
  for (std::size_t r = 0; r < replicates; ++r) {
    auto counts = test_support::count_array(result, r, "transitions");
    double n = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      int to = static_cast<int>(i % states);
      if (s.is_exit(to) && to != s.ageing_out.to) n += static_cast<double>(counts[i]);
    }
    out.push_back(n);
  }
  return out;
}

TEST(CaseloadFeedback, AShortageRaisesBreakdownsAndSlowsPlannedExits) {
  Scenario ample = with_feedback(baseline(), 1.0, 0.5, 2.0);
  ample.caseload.staffing = YearTable(100.0);
  Scenario short_staffed = ample;
  short_staffed.caseload.staffing = YearTable(4.0);  // about 62 children each against a norm of 30
  RunResult a = run(ample), b = run(short_staffed);
  auto [more_breakdowns, se_breakdowns] = paired(totals(b, "breakdowns"), totals(a, "breakdowns"));
  EXPECT_GT(more_breakdowns, 3 * se_breakdowns);
  auto [fewer_exits, se_exits] = paired(planned_exits(a, ample), planned_exits(b, short_staffed));
  EXPECT_GT(fewer_exits, 3 * se_exits);
}

/// The baseline with every breakdown hazard constant (the same in every age and duration band),
/// no prior-breakdown factor, and a feedback that raises breakdowns by up to `cap`.
Scenario constant_breakdown_hazards(double cap, double staffing) {
  Scenario s = with_feedback(baseline(), 10.0, 0.0, cap);
  s.caseload.staffing = YearTable(staffing);
  s.breakdowns.prior_breakdown_factor = 1.0;
  for (TransitionSpec& t : s.transitions)
    if (t.breakdown) std::fill(t.hazard.values.begin(), t.hazard.values.end(), 0.1);
  return s;
}

/// Breakdowns over the horizon, summed over replicates, and what they should be: the breakdown
/// hazard out of each state (per year, constant) × `multiplier` × the years children spent there.
std::pair<double, double> breakdowns_and_expected(const RunResult& result, const Scenario& s, double multiplier) {
  std::size_t states = s.states.size();
  std::vector<double> hazard(states, 0.0);
  for (const TransitionSpec& t : s.transitions)
    if (t.breakdown) hazard[static_cast<std::size_t>(t.from)] += t.hazard.values.front();
  double observed = 0.0, expected = 0.0;
  for (std::size_t r = 0; r < replicates; ++r) {
    auto counts = test_support::count_array(result, r, "breakdowns");  // [interval, state, cause]
    observed += static_cast<double>(std::accumulate(counts.begin(), counts.end(), std::int64_t{0}));
    auto days = result.replicates[r].sums(result.layout->sum_handle("care_days"));  // [year, state]
    for (std::size_t i = 0; i < days.size(); ++i)
      expected += multiplier * hazard[i % states] * days[i] / engine::days_per_year;
  }
  return {observed, expected};
}

TEST(CaseloadFeedback, AConstantOverloadMultipliesTheBreakdownHazardByTheCap) {
  // Half a caseworker for about 250 children: the excess is about 15, and with 10 per unit of
  // excess the multiplier is at its cap (2) whenever the excess is above 0.1, i.e. all the time
  // from the start date (checked on every grid date); 100 caseworkers leave it at 1. Breakdowns are
  // counted, and care days summed, from the start date only, when the feedback acts.
  const double cap = 2.0;
  Scenario overloaded = constant_breakdown_hazards(cap, 0.5), ample = constant_breakdown_hazards(cap, 100.0);
  RunResult b = run(overloaded), a = run(ample);
  for (std::size_t r = 0; r < replicates; ++r) {
    auto raised = b.replicates[r].sums(b.layout->sum_handle("caseload_breakdown_multiplier"));
    for (double m : raised) ASSERT_EQ(m, cap) << "the overload should hold the multiplier at its cap";
    auto unraised = a.replicates[r].sums(a.layout->sum_handle("caseload_breakdown_multiplier"));
    for (double m : unraised) ASSERT_EQ(m, 1.0) << "ample staff should leave the multiplier at 1";
  }
  // The breakdowns minus the integrated hazard is a martingale: its mean is 0 and its variance is
  // the expected number of breakdowns, so the standard error of the count is sqrt(expected).
  // Each run is checked against its own exposure (the overload changes who is in care and for how
  // long), within 4 standard errors.
  auto [raised_n, raised_expected] = breakdowns_and_expected(b, overloaded, cap);
  auto [plain_n, plain_expected] = breakdowns_and_expected(a, ample, 1.0);
  ASSERT_GT(plain_expected, 500.0) << "enough breakdowns for the check";
  EXPECT_NEAR(raised_n, raised_expected, 4.0 * std::sqrt(raised_expected)) << "breakdowns at " << cap << " times the hazard";
  EXPECT_NEAR(plain_n, plain_expected, 4.0 * std::sqrt(plain_expected)) << "breakdowns at the plain hazard";
}

TEST(CaseloadFeedback, TheReportedMultipliersFollowTheLawFromTheCaseloadPerWorker) {
  Scenario s = with_feedback(baseline(), 1.5, 0.5, 1.8);
  s.caseload.staffing = YearTable(5.0);
  RunResult result = run(s);
  std::size_t checked = 0, capped = 0;
  for (std::size_t r = 0; r < replicates; ++r) {
    auto per_worker = result.replicates[r].sums(result.layout->sum_handle("caseload_per_worker"));
    auto raised = result.replicates[r].sums(result.layout->sum_handle("caseload_breakdown_multiplier"));
    auto slowed = result.replicates[r].sums(result.layout->sum_handle("caseload_exit_multiplier"));
    for (std::size_t t = 0; t < per_worker.size(); ++t) {
      double excess = std::max(0.0, per_worker[t] / 30.0 - 1.0);
      EXPECT_DOUBLE_EQ(raised[t], std::min(1.8, 1.0 + 1.5 * excess));
      EXPECT_DOUBLE_EQ(slowed[t], 1.0 / (1.0 + 0.5 * excess));
      capped += raised[t] == 1.8;
      checked += 1;
    }
  }
  EXPECT_GT(checked, 100u);
  EXPECT_GT(capped, 0u);
}

}  // namespace
}  // namespace carecast::models
