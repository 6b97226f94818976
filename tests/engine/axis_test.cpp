// Axis: half-open cells, clamping outside the edges, union of edges, validation.
#include "engine/axis.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace carecast::engine {
namespace {

TEST(Axis, DefaultIsOneCellCoveringTheLine) {
  Axis axis;
  EXPECT_EQ(axis.cells(), 1u);
  EXPECT_EQ(axis.lower(0), -infinity);
  EXPECT_EQ(axis.upper(0), infinity);
  for (double x : {-infinity, -1e300, -1.0, 0.0, 1.0, 1e300, infinity}) EXPECT_EQ(axis.cell_of(x), 0u);
}

TEST(Axis, CellsAreHalfOpenOnTheLeft) {
  Axis axis({0.0, 10.0, 20.0, 35.0});
  ASSERT_EQ(axis.cells(), 3u);
  EXPECT_EQ(axis.cell_of(0.0), 0u);
  EXPECT_EQ(axis.cell_of(9.999), 0u);
  EXPECT_EQ(axis.cell_of(std::nextafter(10.0, 0.0)), 0u);
  EXPECT_EQ(axis.cell_of(10.0), 1u);
  EXPECT_EQ(axis.cell_of(19.5), 1u);
  EXPECT_EQ(axis.cell_of(20.0), 2u);
  EXPECT_EQ(axis.cell_of(std::nextafter(35.0, 0.0)), 2u);
  for (std::size_t c = 0; c < axis.cells(); ++c) {
    EXPECT_EQ(axis.cell_of(axis.lower(c)), c);
    EXPECT_EQ(axis.lower(c), axis.edges()[c]);
    EXPECT_EQ(axis.upper(c), axis.edges()[c + 1]);
  }
}

TEST(Axis, ValuesOutsideTheEdgesAreClamped) {
  Axis axis({0.0, 10.0, 20.0});
  EXPECT_EQ(axis.cell_of(-5.0), 0u);
  EXPECT_EQ(axis.cell_of(-infinity), 0u);
  EXPECT_EQ(axis.cell_of(20.0), 1u);  // the last edge itself belongs to the last cell
  EXPECT_EQ(axis.cell_of(1e9), 1u);
  EXPECT_EQ(axis.cell_of(infinity), 1u);

  Axis single({3.0, 4.0});
  EXPECT_EQ(single.cells(), 1u);
  for (double x : {-infinity, 0.0, 3.0, 3.5, 4.0, 100.0, infinity}) EXPECT_EQ(single.cell_of(x), 0u);
}

TEST(Axis, InfiniteOuterEdges) {
  Axis axis({-infinity, 0.0, 365.25, infinity});
  ASSERT_EQ(axis.cells(), 3u);
  EXPECT_EQ(axis.cell_of(-infinity), 0u);
  EXPECT_EQ(axis.cell_of(-1e-12), 0u);
  EXPECT_EQ(axis.cell_of(0.0), 1u);
  EXPECT_EQ(axis.cell_of(365.25), 2u);
  EXPECT_EQ(axis.cell_of(infinity), 2u);
}

TEST(Axis, InvalidEdgesThrow) {
  using V = std::vector<double>;
  EXPECT_THROW(Axis(V{}), std::invalid_argument);
  EXPECT_THROW(Axis(V{1.0}), std::invalid_argument);
  EXPECT_THROW(Axis(V{0.0, 0.0}), std::invalid_argument);
  EXPECT_THROW(Axis(V{0.0, 1.0, 1.0, 2.0}), std::invalid_argument);
  EXPECT_THROW(Axis(V{2.0, 1.0}), std::invalid_argument);
  EXPECT_THROW(Axis(V{0.0, 2.0, 1.0}), std::invalid_argument);
  EXPECT_THROW(Axis(V{infinity, -infinity}), std::invalid_argument);
  EXPECT_NO_THROW(Axis(V{-infinity, infinity}));
}

// NaN is not strictly greater than anything, so edges containing it are not strictly increasing.
// (A check by adjacent_find(>=) alone would let it through: every comparison with NaN is false.)
TEST(Axis, NanEdgesThrow) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(Axis(std::vector<double>{0.0, nan, 1.0}), std::invalid_argument);
  EXPECT_THROW(Axis(std::vector<double>{nan, nan}), std::invalid_argument);
}

TEST(Axis, MergedIsTheSortedUnionOfEdges) {
  Axis a({0.0, 10.0, 20.0});
  Axis b({5.0, 10.0, 30.0});
  std::vector<double> expected{0.0, 5.0, 10.0, 20.0, 30.0};
  EXPECT_EQ(Axis::merged(a, b).edges(), expected);
  EXPECT_EQ(Axis::merged(b, a).edges(), expected);
  EXPECT_EQ(Axis::merged(a, a).edges(), a.edges());

  Axis whole;
  std::vector<double> with_infinities{-infinity, 0.0, 10.0, 20.0, infinity};
  EXPECT_EQ(Axis::merged(whole, a).edges(), with_infinities);
  EXPECT_EQ(Axis::merged(a, whole).edges(), with_infinities);
  EXPECT_EQ(Axis::merged(whole, whole).edges(), whole.edges());

  Axis c({-infinity, 10.0, infinity});
  std::vector<double> ac{-infinity, 0.0, 10.0, 20.0, infinity};
  EXPECT_EQ(Axis::merged(a, c).edges(), ac);
}

TEST(Axis, MergedCellsRefineBothAxes) {
  // Every cell of the merged axis lies inside exactly one cell of each input.
  Axis a({-infinity, 3.0, 7.5, infinity});
  Axis b({-infinity, 1.0, 7.5, 9.0, infinity});
  Axis m = Axis::merged(a, b);
  EXPECT_EQ(m.cells(), 5u);
  for (std::size_t c = 0; c < m.cells(); ++c) {
    for (const Axis* input : {&a, &b}) {
      std::size_t k = input->cell_of(m.lower(c));
      EXPECT_LE(input->lower(k), m.lower(c));
      EXPECT_GE(input->upper(k), m.upper(c));
    }
  }
}

}  // namespace
}  // namespace carecast::engine
