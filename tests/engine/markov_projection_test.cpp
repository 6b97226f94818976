// project_expected_stock: the analytic (matrix-exponential) expected stock of a Markov model,
// held against a closed form, against the Monte Carlo kernel, and against itself.
#include "engine/markov_projection.hpp"

#include <gtest/gtest.h>

#include <Eigen/Core>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <unsupported/Eigen/MatrixFunctions>
#include <vector>

#include "engine/calendar.hpp"
#include "engine/occupancy_recorder.hpp"
#include "engine/replicate_kernel.hpp"
#include "engine/replicate_runner.hpp"
#include "engine/tally.hpp"

namespace carecast::engine {
namespace {

using namespace std::chrono;

Exit exit_to(int to, PiecewiseRate rate) {
  Exit exit;
  exit.to = to;
  exit.rate = std::move(rate);
  return exit;
}

/// A rate by age band × calendar period; `values` is indexed [age cell][period cell].
PiecewiseRate by_age_and_period(std::vector<double> age_edges, std::vector<double> period_edges,
                                std::vector<double> values) {
  return PiecewiseRate(Axis(std::move(age_edges)), Axis(), Axis(std::move(period_edges)),
                       std::move(values));
}

PiecewiseRate by_period(std::vector<double> period_edges, std::vector<double> values) {
  return by_age_and_period({-infinity, infinity}, std::move(period_edges), std::move(values));
}

ArrivalGroup arrival_group(double min_age, double max_age, PiecewiseRate per_day,
                           std::vector<int> states, std::vector<double> shares) {
  ArrivalGroup group;
  group.min_age_days = min_age;
  group.max_age_days = max_age;
  group.per_day = std::move(per_day);
  group.first_states = std::move(states);
  group.first_state_shares = std::move(shares);
  return group;
}

InitialChild initial_child(double min_age, double max_age, int state, double days_in_state) {
  InitialChild child;
  child.min_age_days = min_age;
  child.max_age_days = max_age;
  child.state = state;
  child.days_in_state = days_in_state;
  return child;
}

void append(std::vector<InitialChild>& stock, std::size_t count, const InitialChild& child) {
  stock.insert(stock.end(), count, child);
}

ReportingGrid grid_of(GridStep step, int years) {
  return ReportingGrid(Calendar(year{2021} / January / 1), step, std::chrono::years{years});
}

/// Mean and sample sd over replicates of each [point][state] cell of the Monte Carlo stock.
struct MonteCarloStock {
  std::vector<double> mean, sd;
};

MonteCarloStock monte_carlo_stock(const MultistateModel& model, const ArrivalSchedule& arrivals,
                                  const std::vector<InitialChild>& initial, KernelSpan span,
                                  const ReportingGrid& grid, std::size_t replicates,
                                  std::uint64_t seed) {
  const std::size_t states = model.states();
  auto layout = std::make_shared<TallyLayout>();
  auto handles = OccupancyRecorder::register_arrays(*layout, grid.points(), states);
  ReplicateKernel kernel(model, arrivals, initial, span);
  ReplicateRunner runner(
      [&](std::size_t) -> const ReplicateKernel& { return kernel; }, layout,
      [&](Tally& tally, StreamKey) {
        return std::make_unique<OccupancyRecorder>(grid, model.absorbing, handles, tally);
      },
      [&](Tally& tally) { OccupancyRecorder::finalize(tally, handles, states); });
  std::vector<Tally> tallies = runner.run({0, replicates}, seed);

  const std::size_t cells = grid.points() * states;
  std::vector<double> sum(cells, 0.0), sum_squares(cells, 0.0);
  for (const Tally& tally : tallies) {
    auto stock = tally.counts(handles.stock);
    for (std::size_t i = 0; i < cells; ++i) {
      auto x = static_cast<double>(stock[i]);
      sum[i] += x;
      sum_squares[i] += x * x;
    }
  }
  MonteCarloStock result{std::vector<double>(cells), std::vector<double>(cells)};
  auto r = static_cast<double>(replicates);
  for (std::size_t i = 0; i < cells; ++i) {
    result.mean[i] = sum[i] / r;
    result.sd[i] = std::sqrt(
        std::max(0.0, (sum_squares[i] - r * result.mean[i] * result.mean[i]) / (r - 1.0)));
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// A closed form: constant rates, nobody near the age-out age, no arrivals.

TEST(MarkovProjection, ConstantRatesMatchTheMatrixExponential) {
  // 0 <-> 1, both leave to 2 (absorbing, also the age-out state, a hundred years away).
  MultistateModel model;
  model.absorbing = {false, false, true};
  model.leaving = {
      StateHazards({exit_to(1, PiecewiseRate(0.004)), exit_to(2, PiecewiseRate(0.002))}),
      StateHazards({exit_to(0, PiecewiseRate(0.003)), exit_to(2, PiecewiseRate(0.001))}),
      StateHazards()};
  model.age_out_days = 100 * days_per_year;
  model.age_out_state = 2;
  const double children = 1000.0;
  std::vector<InitialChild> initial;
  append(initial, 1000, initial_child(3650.0, 4015.0, 0, 0.0));
  ArrivalSchedule no_arrivals;
  ReportingGrid grid = grid_of(GridStep::monthly, 3);
  ProjectionSetup setup{model, no_arrivals, initial, KernelSpan{0, grid.horizon()}, grid};

  std::vector<double> stock = project_expected_stock(setup);

  Eigen::Matrix3d q;
  q << -0.006, 0.004, 0.002,  //
      0.003, -0.004, 0.001,   //
      0.0, 0.0, 0.0;
  ASSERT_EQ(stock.size(), grid.points() * 3);
  for (std::size_t i = 0; i < grid.points(); ++i) {
    Eigen::Matrix3d moved = (q * grid.offset(i)).exp();
    for (std::size_t s = 0; s < 3; ++s) {
      double expected = children * moved(0, static_cast<Eigen::Index>(s));
      EXPECT_NEAR(stock[i * 3 + s], expected, 1e-6 * std::abs(expected) + 1e-9)
          << "point " << i << ", state " << s;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A small scenario with everything the Monte Carlo kernel does: two age bands, two periods,
// arrivals (whose intensity changes mid-way, some beyond the age-out age, some straight into an
// absorbing state), ageing out, an initial stock (some already past the age-out age, some
// absorbed before the start) and a two-year warm-up.

class SmallMarkovScenario : public ::testing::Test {
 protected:
  static constexpr std::size_t states = 4;  // 0, 1: in care; 2: left (absorbing); 3: aged out

  SmallMarkovScenario() {
    const std::vector<double> age_edges{-infinity, 730.0, infinity};
    const std::vector<double> period_edges{-infinity, 200.0, infinity};
    model.absorbing = {false, false, true, true};
    model.leaving = {
        StateHazards(
            {exit_to(1, by_age_and_period(age_edges, {-infinity, infinity}, {0.004, 0.008})),
             exit_to(2, by_period(period_edges, {0.003, 0.006}))}),
        StateHazards(
            {exit_to(0, PiecewiseRate(0.002)),
             exit_to(2, by_age_and_period(age_edges, period_edges, {0.002, 0.004, 0.003, 0.001}))}),
        StateHazards(), StateHazards()};
    model.age_out_days = 1461.0;
    model.age_out_state = 3;

    std::vector<ArrivalGroup> groups{
        arrival_group(0.0, 730.0, by_period({-infinity, 100.3, infinity}, {1.0, 1.6}), {0, 1},
                      {0.8, 0.2}),
        // Ages straddle the age-out age; a tenth start in the absorbing state 2.
        arrival_group(1000.0, 1600.0, PiecewiseRate(0.5), {0, 2}, {0.9, 0.1})};
    groups[1].key = 1;
    arrivals = ArrivalSchedule(std::move(groups));

    append(initial, 300, initial_child(100.0, 1000.0, 0, 50.0));
    append(initial, 200, initial_child(1200.0, 1500.0, 1, 30.0));  // some already past age out
    append(initial, 20, initial_child(500.0, 600.0, 2, 0.0));      // counted: absorbed at day 0
    append(initial, 20, initial_child(500.0, 600.0, 2, 10.0));     // absorbed before: not counted
  }

  ProjectionSetup setup(double cohort_days = 7.0) const {
    return ProjectionSetup{model, arrivals, initial, span, grid, cohort_days};
  }

  MultistateModel model;
  ArrivalSchedule arrivals;
  std::vector<InitialChild> initial;
  ReportingGrid grid = grid_of(GridStep::quarterly, 3);
  KernelSpan span{-730, grid.horizon()};
};

TEST_F(SmallMarkovScenario, MonteCarloMeanAgreesWithinSamplingError) {
  constexpr std::size_t replicates = 2000;
  std::vector<double> analytic = project_expected_stock(setup());
  MonteCarloStock mc =
      monte_carlo_stock(model, arrivals, initial, span, grid, replicates, 20240611);

  ASSERT_EQ(analytic.size(), mc.mean.size());
  for (std::size_t i = 0; i < analytic.size(); ++i) {
    std::size_t point = i / states, state = i % states;
    if (mc.sd[i] == 0.0) {
      EXPECT_NEAR(analytic[i], mc.mean[i], 1e-6) << "point " << point << ", state " << state;
    } else {
      double tolerance = 3.0 * mc.sd[i] / std::sqrt(static_cast<double>(replicates)) + 1e-9;
      EXPECT_NEAR(analytic[i], mc.mean[i], tolerance) << "point " << point << ", state " << state;
    }
  }
  // The comparison is not vacuous: many are in care, and many have aged out, by the end.
  const std::size_t last = grid.points() - 1;
  EXPECT_GT(analytic[last * states + 0], 100.0);
  EXPECT_GT(analytic[last * states + 3], 100.0);
  EXPECT_NEAR(analytic[0 * states + 2], 20.0, 1e-9);
}

// Halving the cohort width hardly changes the answer (the error is second-order in the width).
TEST_F(SmallMarkovScenario, HalvingTheCohortWidthChangesLittle) {
  std::vector<double> coarse = project_expected_stock(setup(7.0));
  std::vector<double> fine = project_expected_stock(setup(3.5));
  ASSERT_EQ(coarse.size(), fine.size());
  for (std::size_t i = 0; i < fine.size(); ++i)
    EXPECT_NEAR(coarse[i], fine[i], 1e-4 * std::max(1.0, std::abs(fine[i])))
        << "point " << i / states << ", state " << i % states;
}

// Every child who arrives is somewhere: in care, or counted in an absorbing state. Arrivals
// join a cohort while its middle age is in their group's range, so at any instant the cohorts
// receiving a group's arrivals cover its age range only to within one cohort width w; over each
// w days that evens out. The count is therefore exact up to, per group, its highest daily
// intensity × w² / (width of its age range): 0.15 children here.
TEST_F(SmallMarkovScenario, ExpectedChildrenAreConserved) {
  const double w = 7.0;
  const double quadrature_bound = 1.6 * w * w / 730.0 + 0.5 * w * w / 600.0;
  std::vector<double> stock = project_expected_stock(setup(w));
  auto total_at = [&](std::size_t point) {
    double total = 0.0;
    for (std::size_t s = 0; s < states; ++s) total += stock[point * states + s];
    return total;
  };
  double arrived = 0.0;
  long day = 0;
  for (std::size_t point = 1; point < grid.points(); ++point) {
    for (; static_cast<double>(day) < grid.offset(point); ++day)
      for (std::size_t g = 0; g < arrivals.groups().size(); ++g)
        arrived += arrivals.expected_on_day(g, day);
    EXPECT_NEAR(total_at(point), total_at(0) + arrived, quadrature_bound) << point;
  }
}

// Absorbing states count only what was absorbed from the grid's first date on.
TEST_F(SmallMarkovScenario, AbsorptionDuringTheWarmUpIsNotCounted) {
  std::vector<double> stock = project_expected_stock(setup());
  // At day 0: the 20 counted initial children in state 2, plus those of the initial stock
  // already past the age-out age (in state 3): (1500 - 1461) / 300 of 200.
  EXPECT_NEAR(stock[2], 20.0, 1e-9);
  EXPECT_NEAR(stock[3], 200.0 * 39.0 / 300.0, 1e-9);
}

// The Monte Carlo kernel stops at the horizon: later grid dates see the stock as it was then.
TEST_F(SmallMarkovScenario, NothingMovesAfterTheHorizon) {
  std::vector<double> full = project_expected_stock(setup());
  span.horizon = grid.offset(6) + 10.0;
  std::vector<double> cut = project_expected_stock(setup());
  for (std::size_t i = 0; i < 7 * states; ++i) EXPECT_NEAR(cut[i], full[i], 1e-9) << i;
  for (std::size_t i = 8 * states; i < cut.size(); ++i)
    EXPECT_NEAR(cut[i], cut[i - states], 1e-9) << i;
  EXPECT_GT(std::abs(cut[7 * states] - full[7 * states]), 1.0);
}

TEST_F(SmallMarkovScenario, ThrowsOnANonPositiveCohortWidth) {
  EXPECT_THROW(project_expected_stock(setup(0.0)), std::invalid_argument);
  EXPECT_THROW(project_expected_stock(setup(-7.0)), std::invalid_argument);
}

// Duration dependence breaks the Markov property: no analytic answer.
TEST(MarkovProjection, ThrowsOnADurationDependentModel) {
  MultistateModel model;
  model.absorbing = {false, true};
  model.leaving = {StateHazards({exit_to(1, PiecewiseRate(Axis(), Axis({0.0, 90.0, infinity}),
                                                          Axis(), {0.01, 0.002}))}),
                   StateHazards()};
  model.age_out_days = 6574.0;
  model.age_out_state = 1;
  ASSERT_FALSE(model.markov());
  ArrivalSchedule no_arrivals;
  std::vector<InitialChild> initial{initial_child(0.0, 365.0, 0, 0.0)};
  ReportingGrid grid = grid_of(GridStep::yearly, 1);
  ProjectionSetup setup{model, no_arrivals, initial, KernelSpan{0, grid.horizon()}, grid};
  EXPECT_THROW(project_expected_stock(setup), std::invalid_argument);
}

}  // namespace
}  // namespace carecast::engine
