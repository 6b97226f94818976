// PiecewiseRate: a table over age × time-in-state × calendar period.
#include "engine/piecewise_rate.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace carecast::engine {
namespace {

TEST(PiecewiseRate, ConstantIsTheSameEverywhere) {
  PiecewiseRate rate(0.25);
  for (double age : {-infinity, 0.0, 1000.0, infinity})
    for (double duration : {-5.0, 0.0, 300.0})
      for (double time : {-1e6, 0.0, 1e6}) EXPECT_EQ(rate.at(age, duration, time), 0.25);
  EXPECT_EQ(rate.age().cells(), 1u);
  EXPECT_EQ(rate.duration().cells(), 1u);
  EXPECT_EQ(rate.period().cells(), 1u);
  EXPECT_EQ(PiecewiseRate().at(1.0, 2.0, 3.0), 0.0);
}

class PiecewiseRateTable : public ::testing::Test {
 protected:
  // 2 age cells × 3 duration cells × 2 period cells, value = 100 a + 10 d + p.
  Axis age{{-infinity, 3650.0, infinity}};
  Axis duration{{0.0, 100.0, 200.0, infinity}};
  Axis period{{-infinity, 365.0, infinity}};
  PiecewiseRate rate{age, duration, period, values()};

  static std::vector<double> values() {
    std::vector<double> v;
    for (int a = 0; a < 2; ++a)
      for (int d = 0; d < 3; ++d)
        for (int p = 0; p < 2; ++p) v.push_back(100 * a + 10 * d + p);
    return v;
  }
};

TEST_F(PiecewiseRateTable, IndexesAgeThenDurationThenPeriod) {
  const double ages[] = {1000.0, 5000.0};
  const double durations[] = {50.0, 150.0, 250.0};
  const double times[] = {0.0, 400.0};
  for (int a = 0; a < 2; ++a)
    for (int d = 0; d < 3; ++d)
      for (int p = 0; p < 2; ++p)
        EXPECT_EQ(rate.at(ages[a], durations[d], times[p]), 100 * a + 10 * d + p)
            << a << ' ' << d << ' ' << p;
}

TEST_F(PiecewiseRateTable, EdgesBelongToTheUpperCellAndOutsideValuesClamp) {
  EXPECT_EQ(rate.at(3650.0, 100.0, 365.0), 111.0);
  EXPECT_EQ(rate.at(3649.999, 99.999, 364.999), 0.0);
  EXPECT_EQ(rate.at(0.0, -10.0, 0.0), 0.0);   // duration below the first edge: first cell
  EXPECT_EQ(rate.at(0.0, 1e9, 0.0), 20.0);    // far beyond: last cell
  EXPECT_EQ(rate.at(infinity, infinity, infinity), 121.0);
}

TEST_F(PiecewiseRateTable, KeepsItsAxes) {
  EXPECT_EQ(rate.age().edges(), age.edges());
  EXPECT_EQ(rate.duration().edges(), duration.edges());
  EXPECT_EQ(rate.period().edges(), period.edges());
}

TEST_F(PiecewiseRateTable, ScaledMultipliesEveryValueAndLeavesTheOriginal) {
  PiecewiseRate doubled = rate.scaled(2.0);
  for (double a : {1000.0, 5000.0})
    for (double d : {50.0, 150.0, 250.0})
      for (double t : {0.0, 400.0}) {
        EXPECT_EQ(doubled.at(a, d, t), 2.0 * rate.at(a, d, t));
      }
  EXPECT_EQ(rate.at(5000.0, 250.0, 400.0), 121.0);
  EXPECT_EQ(doubled.duration().edges(), duration.edges());
  EXPECT_EQ(PiecewiseRate(0.5).scaled(0.0).at(0, 0, 0), 0.0);
}

TEST(PiecewiseRate, ValueCountMustMatchTheAxes) {
  Axis two({0.0, 1.0, 2.0});
  EXPECT_THROW(PiecewiseRate(two, two, two, std::vector<double>(7, 1.0)), std::invalid_argument);
  EXPECT_THROW(PiecewiseRate(two, two, two, std::vector<double>(9, 1.0)), std::invalid_argument);
  EXPECT_THROW(PiecewiseRate(two, Axis(), Axis(), {}), std::invalid_argument);
  EXPECT_NO_THROW(PiecewiseRate(two, two, two, std::vector<double>(8, 1.0)));
  EXPECT_NO_THROW(PiecewiseRate(two, Axis(), Axis(), {1.0, 2.0}));
}

}  // namespace
}  // namespace carecast::engine
