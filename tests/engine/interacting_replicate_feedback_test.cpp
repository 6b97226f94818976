// InteractingReplicate with a load feedback and no pool: children in a loaded state weigh on a
// capacity, and the hazards of children elsewhere respond. Breakdown-like exits (raised) and
// planned exits (slowed) happen at the rates the LoadLaw gives for the live load, sampled
// exactly by thinning: the counts of each outcome match their exact probabilities within
// Monte Carlo error, for a constant load, a capacity that steps up, and a load that drains
// away. A feedback that cannot bind leaves every child on its independent-kernel path.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <vector>

#include "engine/interacting_replicate.hpp"
#include "engine/replicate_kernel.hpp"

namespace carecast::engine {
namespace {

constexpr int LOADED = 0, B = 1, END = 2, HOME = 3, AGED_OUT = 4;
constexpr double year = 365.25;

struct Rates {
  double raised = 0.3;   // B -> END, per year (before feedback)
  double slowed = 0.6;   // B -> HOME, per year
  double loaded_leave = 0.0;  // LOADED -> HOME, per year (drains the load)
};

Exit exit_to(int to, double per_year, LoadResponse response, std::size_t tag) {
  Exit exit;
  exit.to = to;
  exit.rate = PiecewiseRate(per_year / year);
  exit.load_response = response;
  exit.tag = tag;
  return exit;
}

/// The raised exit's rate carries its ceiling from day 0 on, as the model builder does.
MultistateModel make_model(const Rates& r, const LoadLaw& law) {
  Exit raised = exit_to(END, r.raised, LoadResponse::raised, 1);
  raised.rate = raised.rate.scaled_from(0.0, law.ceiling(LoadResponse::raised));
  MultistateModel model;
  model.absorbing = {false, false, true, true, true};
  std::vector<Exit> loaded_exits;
  if (r.loaded_leave > 0) loaded_exits.push_back(exit_to(HOME, r.loaded_leave, LoadResponse::none, 3));
  model.leaving = {StateHazards(loaded_exits),
                   StateHazards({raised, exit_to(HOME, r.slowed, LoadResponse::slowed, 2)}), StateHazards(),
                   StateHazards(), StateHazards()};
  model.age_out_days = 18 * year;
  model.age_out_state = AGED_OUT;
  return model;
}

std::vector<InitialChild> make_initial(std::size_t loaded, std::size_t in_b) {
  std::vector<InitialChild> initial;
  for (std::size_t i = 0; i < loaded + in_b; ++i) {
    InitialChild c;
    c.state = i < loaded ? LOADED : B;
    c.min_age_days = 2 * year;
    c.max_age_days = 3 * year;
    initial.push_back(c);
  }
  return initial;
}

LoadFeedbackSpec make_feedback(const LoadLaw& law, std::vector<double> capacity, std::vector<double> edges) {
  LoadFeedbackSpec spec;
  spec.law = law;
  spec.weight = {1.0, 0.0, 0.0, 0.0, 0.0};
  spec.capacity_periods = Axis(std::move(edges));
  spec.capacity = std::move(capacity);
  return spec;
}

/// How the children who started in B left it, over all replicates.
struct Outcomes {
  double children = 0, ended = 0, home = 0;
};

class OutcomeCounter final : public LifeObserver {
 public:
  explicit OutcomeCounter(Outcomes& out) : out_(out) {}
  void on_arrival(Individual&) override {}
  void on_stay(const Individual&, double) override {}
  void on_transition(Individual& child, int from, const Exit*) override {
    if (from != B) return;
    if (child.state == END) out_.ended += 1;
    if (child.state == HOME) out_.home += 1;
  }

 private:
  Outcomes& out_;
};

struct FeedbackCase {
  Rates rates;
  LoadLaw law;
  std::size_t loaded = 150, in_b = 200, replicates = 60;
  double years = 2.0;
  std::vector<double> capacity{100.0};
  std::vector<double> edges{-infinity, infinity};
};

Outcomes simulate(const FeedbackCase& s) {
  MultistateModel model = make_model(s.rates, s.law);
  ArrivalSchedule arrivals;
  std::vector<InitialChild> initial = make_initial(s.loaded, s.in_b);
  ReplicateKernel kernel(model, arrivals, initial, KernelSpan{0, s.years * year});
  InteractingReplicate replicate(kernel, std::nullopt, make_feedback(s.law, s.capacity, s.edges));
  Outcomes out;
  OutcomeCounter counter(out);
  for (std::size_t r = 0; r < s.replicates; ++r) replicate.run_block(0, StreamKey{20261122, r}, counter);
  out.children = static_cast<double>(s.in_b * s.replicates);
  return out;
}

/// The probability of reaching END and HOME from B by the horizon, integrating the hazards
/// λ_end(t), λ_home(t) on a fine grid (exact for piecewise constant hazards on its steps).
template <class Hazards>
std::pair<double, double> exact_outcomes(double years, Hazards hazards) {
  const int steps = 200000;
  double dt = years / steps, survive = 1.0, end = 0.0, home = 0.0;
  for (int i = 0; i < steps; ++i) {
    auto [to_end, to_home] = hazards((i + 0.5) * dt);
    double total = to_end + to_home, leave = survive * (1.0 - std::exp(-total * dt));
    end += leave * to_end / total;
    home += leave * to_home / total;
    survive -= leave;
  }
  return {end, home};
}

/// |observed - expected| within 4 binomial standard errors of the count (as elsewhere in the
/// suite: with a handful of such comparisons per test, 3 would leave a spurious failure likely
/// whenever the streams change).
void expect_count(double observed, double children, double p, const char* what) {
  double se = std::sqrt(children * p * (1.0 - p));
  EXPECT_NEAR(observed, children * p, 4.0 * se) << what << ": expected probability " << p;
}

LoadLaw law(double raise, double slow, double cap) {
  LoadLaw l;
  l.raise_per_excess = raise;
  l.slow_per_excess = slow;
  l.raise_cap = cap;
  return l;
}

TEST(InteractingReplicateFeedbackTest, AConstantExcessMultipliesRaisedAndSlowedExits) {
  FeedbackCase s;
  s.law = law(2.0, 2.0, 3.0);  // excess 0.5: raised × 2, slowed × 0.5
  Outcomes out = simulate(s);
  auto [end, home] = exact_outcomes(s.years, [&](double) { return std::pair{0.3 * 2.0, 0.6 * 0.5}; });
  expect_count(out.ended, out.children, end, "raised");
  expect_count(out.home, out.children, home, "slowed");
  auto [end_without, home_without] = exact_outcomes(s.years, [](double) { return std::pair{0.3, 0.6}; });
  EXPECT_GT(std::abs(out.ended - out.children * end_without), 20 * std::sqrt(out.children * end * (1 - end)));
}

TEST(InteractingReplicateFeedbackTest, TheRaisedMultiplierStopsAtItsCap) {
  FeedbackCase s;
  s.law = law(10.0, 0.0, 3.0);  // 1 + 10 × 0.5 = 6, capped at 3
  Outcomes out = simulate(s);
  auto [end, home] = exact_outcomes(s.years, [](double) { return std::pair{0.3 * 3.0, 0.6}; });
  expect_count(out.ended, out.children, end, "raised");
  expect_count(out.home, out.children, home, "unchanged");
}

TEST(InteractingReplicateFeedbackTest, CapacityThatStepsUpEndsTheExcess) {
  FeedbackCase s;
  s.law = law(2.0, 2.0, 3.0);
  s.capacity = {100.0, 200.0};
  s.edges = {-infinity, year, infinity};  // after a year the load of 150 is below capacity
  Outcomes out = simulate(s);
  auto [end, home] = exact_outcomes(s.years, [](double t) {
    return t < 1.0 ? std::pair{0.3 * 2.0, 0.6 * 0.5} : std::pair{0.3, 0.6};
  });
  expect_count(out.ended, out.children, end, "raised");
  expect_count(out.home, out.children, home, "slowed");
}

TEST(InteractingReplicateFeedbackTest, TheLiveLoadCountsChildrenAsTheyLeave) {
  FeedbackCase s;
  s.law = law(1.0, 1.0, 3.0);
  s.rates.loaded_leave = 0.5;  // the load drains: 4000 e^{-t/2} against a capacity of 2000
  s.loaded = 4000;
  s.capacity = {2000.0};
  s.replicates = 40;
  Outcomes out = simulate(s);
  auto [end, home] = exact_outcomes(s.years, [](double t) {
    double excess = std::max(0.0, 2.0 * std::exp(-0.5 * t) - 1.0);
    return std::pair{0.3 * (1.0 + excess), 0.6 / (1.0 + excess)};
  });
  expect_count(out.ended, out.children, end, "raised");
  expect_count(out.home, out.children, home, "slowed");
}

/// Every transition of every child, by id, to compare runs.
class PathRecorder final : public LifeObserver {
 public:
  std::map<std::uint64_t, std::vector<std::pair<int, double>>> paths;
  void on_arrival(Individual&) override {}
  void on_stay(const Individual&, double) override {}
  void on_transition(Individual& child, int, const Exit*) override {
    paths[child.id].emplace_back(child.state, child.entered);
  }
};

TEST(InteractingReplicateFeedbackTest, AFeedbackThatCannotBindLeavesTheKernelsPaths) {
  LoadLaw never = law(2.0, 2.0, 1.0);  // a cap of 1: raised exits cannot rise
  Rates rates;
  MultistateModel model = make_model(rates, never);
  ArrivalSchedule arrivals;
  std::vector<InitialChild> initial = make_initial(150, 500);
  ReplicateKernel kernel(model, arrivals, initial, KernelSpan{0, 3 * year});
  // Capacity far above the load: slowed exits keep their rate too.
  InteractingReplicate replicate(kernel, std::nullopt, make_feedback(never, {1e9}, {-infinity, infinity}));
  PathRecorder alone, interacting;
  for (std::size_t b = 0; b < kernel.blocks(); ++b) kernel.run_block(b, StreamKey{7, 3}, alone);
  replicate.run_block(0, StreamKey{7, 3}, interacting);
  EXPECT_GT(alone.paths.size(), 400u);
  EXPECT_EQ(alone.paths, interacting.paths);
}

TEST(InteractingReplicateFeedbackTest, RefusesNeitherPoolNorFeedbackAndWrongWeights) {
  MultistateModel model = make_model(Rates{}, law(1, 1, 2));
  ArrivalSchedule arrivals;
  std::vector<InitialChild> initial = make_initial(1, 1);
  ReplicateKernel kernel(model, arrivals, initial, KernelSpan{0, year});
  EXPECT_THROW(InteractingReplicate(kernel, std::nullopt, std::nullopt), std::invalid_argument);
  LoadFeedbackSpec short_weights = make_feedback(law(1, 1, 2), {1.0}, {-infinity, infinity});
  short_weights.weight = {1.0};
  EXPECT_THROW(InteractingReplicate(kernel, std::nullopt, short_weights), std::invalid_argument);
}

}  // namespace
}  // namespace carecast::engine
