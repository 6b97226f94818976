// StateHazards: the exits of one state compiled onto the union grid of their band edges.
#include "engine/state_hazards.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <stdexcept>
#include <vector>

namespace carecast::engine {
namespace {

Exit exit_to(int to, PiecewiseRate rate) {
  Exit exit;
  exit.to = to;
  exit.rate = std::move(rate);
  return exit;
}

TEST(StateHazards, DefaultIsEmpty) {
  StateHazards hazards;
  EXPECT_TRUE(hazards.empty());
  EXPECT_EQ(hazards.destinations(), 0u);
  EXPECT_FALSE(hazards.duration_dependent());
  EXPECT_FALSE(hazards.counter_dependent());
}

TEST(StateHazards, ConstantExitsGiveOneCell) {
  StateHazards hazards({exit_to(1, PiecewiseRate(0.1)), exit_to(2, PiecewiseRate(0.3))});
  EXPECT_FALSE(hazards.empty());
  ASSERT_EQ(hazards.destinations(), 2u);
  EXPECT_EQ(hazards.age_axis().cells(), 1u);
  EXPECT_EQ(hazards.duration_axis().cells(), 1u);
  EXPECT_EQ(hazards.period_axis().cells(), 1u);
  EXPECT_EQ(hazards.rate(0, 0), 0.1);
  EXPECT_EQ(hazards.rate(0, 1), 0.3);
  EXPECT_EQ(hazards.exit(0).to, 1);
  EXPECT_EQ(hazards.exit(1).to, 2);
  EXPECT_FALSE(hazards.duration_dependent());
}

TEST(StateHazards, GridIsTheUnionOfEveryExitsEdges) {
  // Exit 0 varies by age, exit 1 by duration, exit 2 by period and age (other edges).
  PiecewiseRate by_age(Axis({0.0, 3650.0, 7300.0}), Axis(), Axis(), {1.0, 2.0});
  PiecewiseRate by_duration(Axis(), Axis({0.0, 30.0, 365.0, infinity}), Axis(), {3.0, 4.0, 5.0});
  PiecewiseRate by_period_and_age(Axis({-infinity, 5000.0, 7300.0, infinity}), Axis(),
                                  Axis({-infinity, 730.0, infinity}),
                                  {6.0, 7.0, 8.0, 9.0, 10.0, 11.0});
  StateHazards hazards({exit_to(1, by_age), exit_to(2, by_duration), exit_to(3, by_period_and_age)});

  EXPECT_EQ(hazards.age_axis().edges(),
            (std::vector<double>{-infinity, 0.0, 3650.0, 5000.0, 7300.0, infinity}));
  EXPECT_EQ(hazards.duration_axis().edges(),
            (std::vector<double>{-infinity, 0.0, 30.0, 365.0, infinity}));
  EXPECT_EQ(hazards.period_axis().edges(), (std::vector<double>{-infinity, 730.0, infinity}));

  // Every compiled cell holds each exit's own rate at any point of the cell; probe the lower
  // edge, the middle and just below the upper edge of each cell.
  const Axis& A = hazards.age_axis();
  const Axis& D = hazards.duration_axis();
  const Axis& P = hazards.period_axis();
  auto probes = [](const Axis& axis, std::size_t c) {
    double lo = axis.lower(c), hi = axis.upper(c);
    if (lo == -infinity) lo = hi - 1000.0;
    if (hi == infinity) hi = lo + 1000.0;
    return std::vector<double>{lo, 0.5 * (lo + hi), std::nextafter(hi, lo)};
  };
  std::set<std::size_t> seen;
  for (std::size_t a = 0; a < A.cells(); ++a)
    for (std::size_t d = 0; d < D.cells(); ++d)
      for (std::size_t p = 0; p < P.cells(); ++p) {
        std::size_t cell = hazards.cell(a, d, p);
        seen.insert(cell);
        for (double x : probes(A, a))
          for (double y : probes(D, d))
            for (double z : probes(P, p))
              for (std::size_t j = 0; j < hazards.destinations(); ++j)
                ASSERT_EQ(hazards.rate(cell, j), hazards.exit(j).rate.at(x, y, z))
                    << "cell (" << a << ',' << d << ',' << p << ") exit " << j << " at " << x << ','
                    << y << ',' << z;
      }
  EXPECT_EQ(seen.size(), A.cells() * D.cells() * P.cells());
  EXPECT_EQ(*seen.rbegin(), seen.size() - 1);
}

TEST(StateHazards, HandComputedRatesPerCell) {
  // Exit 0: 1.0 below age 10, 2.0 from 10. Exit 1: 5.0 below age 5, 7.0 from 5 (outside its
  // edges [5, 30] the table clamps).
  PiecewiseRate first(Axis({0.0, 10.0, 20.0}), Axis(), Axis(), {1.0, 2.0});
  PiecewiseRate second(Axis({-infinity, 5.0, 30.0}), Axis(), Axis(), {5.0, 7.0});
  StateHazards hazards({exit_to(1, first), exit_to(2, second)});
  ASSERT_EQ(hazards.age_axis().edges(),
            (std::vector<double>{-infinity, 0.0, 5.0, 10.0, 20.0, 30.0, infinity}));
  const double exit0[] = {1.0, 1.0, 1.0, 2.0, 2.0, 2.0};
  const double exit1[] = {5.0, 5.0, 7.0, 7.0, 7.0, 7.0};
  for (std::size_t a = 0; a < 6; ++a) {
    EXPECT_EQ(hazards.rate(hazards.cell(a, 0, 0), 0), exit0[a]) << a;
    EXPECT_EQ(hazards.rate(hazards.cell(a, 0, 0), 1), exit1[a]) << a;
  }
}

TEST(StateHazards, KeepsExitAttributes) {
  Exit exit = exit_to(4, PiecewiseRate(0.2));
  exit.counter = 1;
  exit.counter_factor = 1.5;
  exit.increments = 2;
  StateHazards hazards({exit});
  EXPECT_EQ(hazards.exit(0).to, 4);
  EXPECT_EQ(hazards.exit(0).counter, 1);
  EXPECT_EQ(hazards.exit(0).counter_factor, 1.5);
  EXPECT_EQ(hazards.exit(0).increments, 2);
}

TEST(StateHazards, DurationDependentOnlyWhenSomeExitHasDurationBands) {
  PiecewiseRate by_age(Axis({0.0, 10.0, 20.0}), Axis(), Axis(), {1.0, 2.0});
  PiecewiseRate by_period(Axis(), Axis(), Axis({0.0, 10.0, 20.0}), {1.0, 2.0});
  PiecewiseRate by_duration(Axis(), Axis({0.0, 10.0, 20.0}), Axis(), {1.0, 2.0});
  EXPECT_FALSE(StateHazards({exit_to(1, by_age), exit_to(2, by_period)}).duration_dependent());
  EXPECT_TRUE(StateHazards({exit_to(1, by_age), exit_to(2, by_duration)}).duration_dependent());
  EXPECT_TRUE(StateHazards({exit_to(1, by_duration)}).duration_dependent());
}

TEST(StateHazards, CounterDependentOnlyWithACounterAndAFactorOtherThanOne) {
  auto with = [](int counter, double factor) {
    Exit exit = exit_to(1, PiecewiseRate(0.1));
    exit.counter = counter;
    exit.counter_factor = factor;
    return StateHazards({exit_to(2, PiecewiseRate(0.2)), exit});
  };
  EXPECT_FALSE(with(-1, 1.0).counter_dependent());
  EXPECT_FALSE(with(-1, 2.0).counter_dependent());
  EXPECT_FALSE(with(0, 1.0).counter_dependent());
  EXPECT_TRUE(with(0, 2.0).counter_dependent());
  EXPECT_TRUE(with(3, 0.5).counter_dependent());
}

// The sampler keeps the rates of one cell in a fixed array of 64; a state with more exits must
// be rejected when it is compiled rather than overrun that array when it is sampled.
// (Without the check, sample_transition would write past `rates[64]`.)
TEST(StateHazards, RejectsMoreExitsThanTheSamplerSupports) {
  std::vector<Exit> exits;
  for (int j = 0; j < 64; ++j) exits.push_back(exit_to(j + 1, PiecewiseRate(0.01)));
  EXPECT_NO_THROW(StateHazards{exits});
  exits.push_back(exit_to(65, PiecewiseRate(0.01)));
  EXPECT_THROW(StateHazards{exits}, std::invalid_argument);
}

}  // namespace
}  // namespace carecast::engine
