// Exact sampling of the next transition under piecewise-constant competing hazards: the sampled
// law is compared with the closed-form survival S(t) = exp(-∫h) and cumulative incidences.
#include "engine/transition_sampler.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace carecast::engine {
namespace {

constexpr double year = 365.25;  // rates below are written per year and stored per day

Exit exit_to(int to, PiecewiseRate rate) {
  Exit exit;
  exit.to = to;
  exit.rate = std::move(rate);
  return exit;
}

Individual child_with(std::uint64_t id, double birth, double entered) {
  Individual child;
  child.id = id;
  child.birth = birth;
  child.entered = entered;
  child.state = 0;
  return child;
}

/// The exact law of the first event after `from` when the hazards (per day) are constant on
/// consecutive segments of absolute time; each segment lasts until the next one starts.
class ExactLaw {
 public:
  struct Segment {
    double start;
    std::vector<double> rates;  // one per destination
  };
  ExactLaw(double from, std::vector<Segment> segments) : from_(from), segments_(std::move(segments)) {}

  double survival(double t) const { return std::exp(-integrate(t, -1)); }
  /// P(event by t and it goes to destination j).
  double incidence(std::size_t j, double t) const { return integrate(t, static_cast<int>(j)); }

 private:
  double total(const Segment& s) const {
    double sum = 0.0;
    for (double r : s.rates) sum += r;
    return sum;
  }
  /// j < 0: cumulative total hazard over [from, t]; otherwise the incidence of destination j.
  double integrate(double t, int j) const {
    double hazard = 0.0, incidence = 0.0;
    for (std::size_t k = 0; k < segments_.size(); ++k) {
      double a = std::max(segments_[k].start, from_);
      double b = std::min(k + 1 < segments_.size() ? segments_[k + 1].start : infinity, t);
      if (b <= a) continue;
      double lambda = total(segments_[k]);
      if (j >= 0 && lambda > 0.0)
        incidence += segments_[k].rates[static_cast<std::size_t>(j)] / lambda *
                     std::exp(-hazard) * -std::expm1(-lambda * (b - a));
      hazard += lambda * (b - a);
    }
    return j < 0 ? hazard : incidence;
  }

  double from_;
  std::vector<Segment> segments_;
};

/// One transition for each of `n` children that differ only in id (hence in their streams).
std::vector<std::optional<SampledTransition>> sample_many(const StateHazards& hazards,
                                                          Individual child, double from,
                                                          double until, std::size_t n,
                                                          StreamKey key = {2024, 0}) {
  std::vector<std::optional<SampledTransition>> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    child.id = 1000 + i;
    auto stream = make_stream(key, child.id, Purpose::transition, child.events);
    out.push_back(sample_transition(hazards, child, from, until, stream));
  }
  return out;
}

/// Empirical survival and cumulative incidence at each time against the exact law, each within
/// 4 binomial standard errors.
void expect_law(const ExactLaw& law, const std::vector<std::optional<SampledTransition>>& samples,
                const std::vector<double>& times, std::size_t destinations) {
  const double n = static_cast<double>(samples.size());
  for (double t : times) {
    double surviving = 0.0;
    std::vector<double> by(destinations, 0.0);
    for (const auto& s : samples) {
      if (!s || s->time > t)
        surviving += 1.0;
      else
        by[s->exit] += 1.0;
    }
    double S = law.survival(t);
    EXPECT_NEAR(surviving / n, S, 4.0 * std::sqrt(S * (1.0 - S) / n)) << "S(" << t << ")";
    for (std::size_t j = 0; j < destinations; ++j) {
      double F = law.incidence(j, t);
      EXPECT_NEAR(by[j] / n, F, 4.0 * std::sqrt(F * (1.0 - F) / n))
          << "incidence of destination " << j << " by " << t;
    }
  }
}

/// Kolmogorov–Smirnov distance between the sampled event times (all samples must have an
/// event) and the exact distribution; the 0.1% critical value is 1.949/sqrt(n).
void expect_ks(const ExactLaw& law, const std::vector<std::optional<SampledTransition>>& samples) {
  std::vector<double> times;
  for (const auto& s : samples) {
    ASSERT_TRUE(s.has_value());
    times.push_back(s->time);
  }
  std::sort(times.begin(), times.end());
  const double n = static_cast<double>(times.size());
  double distance = 0.0;
  for (std::size_t i = 0; i < times.size(); ++i) {
    double F = 1.0 - law.survival(times[i]);
    distance = std::max({distance, std::abs(F - i / n), std::abs((i + 1) / n - F)});
  }
  EXPECT_LT(distance, 1.949 / std::sqrt(n));
}

TEST(TransitionSampler, ExactUnderADurationBandChange) {
  // 0.5/yr in the first 200 days in the state, 2.0/yr afterwards.
  const double h1 = 0.5 / year, h2 = 2.0 / year;
  StateHazards hazards(
      {exit_to(1, PiecewiseRate(Axis(), Axis({0.0, 200.0, infinity}), Axis(), {h1, h2}))});
  const double entered = 37.25;
  Individual child = child_with(0, -3000.0, entered);
  auto samples = sample_many(hazards, child, entered, entered + 20000.0, 100000);
  ExactLaw law(entered, {{entered, {h1}}, {entered + 200.0, {h2}}});
  std::vector<double> times;
  for (double d : {25.0, 100.0, 199.0, 200.0, 250.0, 400.0, 600.0, 900.0}) times.push_back(entered + d);
  expect_law(law, samples, times, 1);
  expect_ks(law, samples);
  for (const auto& s : samples) {
    ASSERT_GE(s->time, entered);
    ASSERT_EQ(s->exit, 0u);
  }
}

TEST(TransitionSampler, ExactWithAgeDurationAndPeriodChangesAndCompetingExits) {
  // Exit 0 depends on age (band edge 10 years, reached 150 days after entry), duration (edge at
  // 200 days) and period (edge at day 500); exit 1 changes with the period at day 350.
  // Values marked 9 belong to cells this child never visits: reading them would be a bug.
  const double A = 10 * year;
  std::vector<double> v = {0.5, 9.0,   // age < 10y, duration < 200: period < 500, >= 500
                           9.0, 9.0,   // age < 10y, duration >= 200
                           1.5, 9.0,   // age >= 10y, duration < 200
                           0.8, 2.5};  // age >= 10y, duration >= 200
  for (double& x : v) x /= year;
  PiecewiseRate first(Axis({-infinity, A, infinity}), Axis({0.0, 200.0, infinity}),
                      Axis({-infinity, 500.0, infinity}), v);
  PiecewiseRate second(Axis(), Axis(), Axis({-infinity, 350.0, infinity}), {0.3 / year, 0.1 / year});
  StateHazards hazards({exit_to(1, first), exit_to(2, second)});

  Individual child = child_with(0, 150.0 - A, 0.0);
  auto samples = sample_many(hazards, child, 0.0, 20000.0, 100000);
  ExactLaw law(0.0, {{0.0, {0.5 / year, 0.3 / year}},
                     {150.0, {1.5 / year, 0.3 / year}},
                     {200.0, {0.8 / year, 0.3 / year}},
                     {350.0, {0.8 / year, 0.1 / year}},
                     {500.0, {2.5 / year, 0.1 / year}}});
  expect_law(law, samples, {50.0, 149.0, 175.0, 200.0, 300.0, 350.0, 420.0, 500.0, 600.0, 900.0},
             2);
  expect_ks(law, samples);
}

TEST(TransitionSampler, ResumingPartWayThroughAStayConditionsOnTheTimeAlreadySpent) {
  // An initial-stock child entered 120 days before the start: its duration band changes at
  // day 80 of the simulation, and the law from day 0 is conditional on surviving to day 0.
  const double h1 = 0.5 / year, h2 = 2.0 / year;
  StateHazards hazards(
      {exit_to(1, PiecewiseRate(Axis(), Axis({0.0, 200.0, infinity}), Axis(), {h1, h2}))});
  Individual child = child_with(0, -4000.0, -120.0);
  auto samples = sample_many(hazards, child, 0.0, 20000.0, 100000);
  ExactLaw law(0.0, {{-120.0, {h1}}, {80.0, {h2}}});
  expect_law(law, samples, {20.0, 79.0, 80.0, 150.0, 300.0, 600.0}, 1);
  expect_ks(law, samples);
  for (const auto& s : samples) ASSERT_GE(s->time, 0.0);
}

TEST(TransitionSampler, CompetingRisksSplitInProportionToTheRates) {
  StateHazards hazards({exit_to(1, PiecewiseRate(1.0 / year)), exit_to(2, PiecewiseRate(2.0 / year)),
                        exit_to(3, PiecewiseRate(3.0 / year))});
  const std::size_t n = 30000;
  auto samples = sample_many(hazards, child_with(0, -2000.0, 0.0), 0.0, infinity, n);
  std::vector<double> count(3, 0.0);
  double sum_time = 0.0;
  for (const auto& s : samples) {
    ASSERT_TRUE(s.has_value());
    count[s->exit] += 1.0;
    sum_time += s->time;
  }
  const double N = static_cast<double>(n);
  for (std::size_t j = 0; j < 3; ++j) {
    double p = (j + 1.0) / 6.0;
    EXPECT_NEAR(count[j] / N, p, 4.0 * std::sqrt(p * (1.0 - p) / N)) << j;
  }
  // The waiting time is exponential with the total rate: mean and SD both year/6.
  double mean = year / 6.0;
  EXPECT_NEAR(sum_time / N, mean, 4.0 * mean / std::sqrt(N));
}

TEST(TransitionSampler, DestinationIsDrawnFromTheCellWhereTheEventFalls) {
  // Exit 0 is possible only in the first 100 days in the state, exit 1 only afterwards.
  const double a = 1.2 / year, b = 0.7 / year;
  StateHazards hazards(
      {exit_to(1, PiecewiseRate(Axis(), Axis({0.0, 100.0, infinity}), Axis(), {a, 0.0})),
       exit_to(2, PiecewiseRate(Axis(), Axis({0.0, 100.0, infinity}), Axis(), {0.0, b}))});
  const std::size_t n = 30000;
  auto samples = sample_many(hazards, child_with(0, -2000.0, 0.0), 0.0, infinity, n);
  double early = 0.0;
  for (const auto& s : samples) {
    ASSERT_TRUE(s.has_value());
    if (s->time < 100.0) {
      ASSERT_EQ(s->exit, 0u) << s->time;
      early += 1.0;
    } else {
      ASSERT_EQ(s->exit, 1u) << s->time;
    }
  }
  double p = -std::expm1(-a * 100.0);
  EXPECT_NEAR(early / n, p, 4.0 * std::sqrt(p * (1.0 - p) / n));
}

TEST(TransitionSampler, NoEventWithoutHazardOrExits) {
  StateHazards zero({exit_to(1, PiecewiseRate(0.0))});
  StateHazards none;
  Individual child = child_with(1, -100.0, 0.0);
  for (double until : {10.0, 1e6, infinity}) {
    auto stream = make_stream(StreamKey{1, 1}, 1, Purpose::transition);
    EXPECT_FALSE(sample_transition(zero, child, 0.0, until, stream).has_value()) << until;
    EXPECT_FALSE(sample_transition(none, child, 0.0, until, stream).has_value()) << until;
  }
  // Zero hazard after a positive band, with no end: those who survive the band never move.
  StateHazards fading(
      {exit_to(1, PiecewiseRate(Axis(), Axis({0.0, 50.0, infinity}), Axis(), {1.0 / year, 0.0}))});
  const std::size_t n = 2000;
  auto samples = sample_many(fading, child, 0.0, infinity, n);
  double moved = 0.0;
  for (const auto& s : samples) {
    if (s) {
      ASSERT_LT(s->time, 50.0);
      moved += 1.0;
    }
  }
  // And those who move do so with the band's probability, 1 - exp(-50 days x 1/year), within
  // 4 binomial standard errors: the loop above is not vacuous.
  const double p = 1.0 - std::exp(-50.0 / year);
  EXPECT_NEAR(moved / static_cast<double>(n), p, 4.0 * std::sqrt(p * (1.0 - p) / static_cast<double>(n)));
}

TEST(TransitionSampler, NoEventOnceUntilIsReached) {
  const double h = 3.0 / year;
  StateHazards hazards({exit_to(1, PiecewiseRate(h))});
  Individual child = child_with(0, -1000.0, 0.0);
  const double until = 100.0;
  const std::size_t n = 30000;
  auto samples = sample_many(hazards, child, 0.0, until, n);
  double none = 0.0;
  for (const auto& s : samples) {
    if (!s) {
      none += 1.0;
    } else {
      ASSERT_LE(s->time, until);
    }
  }
  double S = std::exp(-h * until);
  EXPECT_NEAR(none / n, S, 4.0 * std::sqrt(S * (1.0 - S) / n));

  // With the same draws, a shorter window keeps exactly the events that fall inside it.
  for (std::uint64_t id = 0; id < 2000; ++id) {
    child.id = id;
    auto long_stream = make_stream(StreamKey{9, 9}, id, Purpose::transition);
    auto short_stream = long_stream;
    auto long_run = sample_transition(hazards, child, 0.0, 20000.0, long_stream);
    auto short_run = sample_transition(hazards, child, 0.0, until, short_stream);
    ASSERT_TRUE(long_run.has_value());
    if (long_run->time < until) {
      ASSERT_TRUE(short_run.has_value());
      EXPECT_EQ(short_run->time, long_run->time);
      EXPECT_EQ(short_run->exit, long_run->exit);
    } else {
      EXPECT_FALSE(short_run.has_value());
    }
  }

  auto stream = make_stream(StreamKey{1, 1}, 1, Purpose::transition);
  EXPECT_FALSE(sample_transition(hazards, child, 5.0, 5.0, stream).has_value());
  EXPECT_FALSE(sample_transition(hazards, child, 6.0, 5.0, stream).has_value());
}

TEST(TransitionSampler, CounterFactorMultipliesTheHazard) {
  const double r = 1.0 / year;
  Exit exit = exit_to(1, PiecewiseRate(r));
  exit.counter = 0;
  exit.counter_factor = 2.0;
  StateHazards hazards({exit});
  ASSERT_TRUE(hazards.counter_dependent());

  Individual plain = child_with(0, -1000.0, 0.0);
  Individual thrice = plain;
  thrice.history[0] = 3;  // hazard × 2^3
  Individual other_counter = plain;
  other_counter.history[1] = 5;  // a counter this exit does not look at

  const std::size_t n = 30000;
  double sum = 0.0;
  for (std::uint64_t id = 0; id < n; ++id) {
    plain.id = thrice.id = other_counter.id = id;
    auto s0 = make_stream(StreamKey{4, 2}, id, Purpose::transition);
    auto s1 = s0, s2 = s0;
    auto t0 = sample_transition(hazards, plain, 0.0, infinity, s0);
    auto t3 = sample_transition(hazards, thrice, 0.0, infinity, s1);
    auto tx = sample_transition(hazards, other_counter, 0.0, infinity, s2);
    ASSERT_TRUE(t0 && t3 && tx);
    // The same unit-exponential draw against an eight times larger hazard.
    ASSERT_DOUBLE_EQ(t3->time, t0->time / 8.0);
    ASSERT_EQ(tx->time, t0->time);
    sum += t3->time;
  }
  double mean = 1.0 / (8.0 * r);
  EXPECT_NEAR(sum / n, mean, 4.0 * mean / std::sqrt(static_cast<double>(n)));
}

TEST(TransitionSampler, CounterFactorShiftsTheShareAmongCompetingExits) {
  const double r = 1.0 / year;
  Exit breakdown = exit_to(1, PiecewiseRate(r));
  breakdown.counter = 2;
  breakdown.counter_factor = 2.0;
  StateHazards hazards({breakdown, exit_to(2, PiecewiseRate(r))});
  Individual child = child_with(0, -1000.0, 0.0);
  child.history[2] = 2;  // rates 4r and r: shares 0.8 and 0.2
  const std::size_t n = 30000;
  auto samples = sample_many(hazards, child, 0.0, infinity, n);
  double first = 0.0, sum = 0.0;
  for (const auto& s : samples) {
    ASSERT_TRUE(s.has_value());
    first += s->exit == 0 ? 1.0 : 0.0;
    sum += s->time;
  }
  EXPECT_NEAR(first / n, 0.8, 4.0 * std::sqrt(0.8 * 0.2 / n));
  double mean = 1.0 / (5.0 * r);
  EXPECT_NEAR(sum / n, mean, 4.0 * mean / std::sqrt(static_cast<double>(n)));
}

TEST(TransitionSampler, SameStreamGivesTheSameTransition) {
  StateHazards hazards({exit_to(1, PiecewiseRate(0.002)), exit_to(2, PiecewiseRate(0.001))});
  Individual child = child_with(77, -500.0, 0.0);
  auto a = make_stream(StreamKey{3, 1}, 77, Purpose::transition, 2);
  auto b = make_stream(StreamKey{3, 1}, 77, Purpose::transition, 2);
  auto x = sample_transition(hazards, child, 0.0, infinity, a);
  auto y = sample_transition(hazards, child, 0.0, infinity, b);
  ASSERT_TRUE(x && y);
  EXPECT_EQ(x->time, y->time);
  EXPECT_EQ(x->exit, y->exit);
}

}  // namespace
}  // namespace carecast::engine
