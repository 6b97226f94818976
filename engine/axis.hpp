#pragma once
// One axis of a piecewise-constant table: ordered edges that split a line into half-open cells.
#include <cstddef>
#include <limits>
#include <vector>

namespace carecast::engine {

inline constexpr double infinity = std::numeric_limits<double>::infinity();

class Axis {
 public:
  /// A single cell covering the whole line.
  Axis();
  /// `edges` must be strictly increasing with at least two values; the first and last may be
  /// -infinity and +infinity.
  explicit Axis(std::vector<double> edges);

  std::size_t cells() const { return edges_.size() - 1; }
  /// The cell holding x; values outside the axis are clamped to the first or last cell.
  std::size_t cell_of(double x) const {
    std::size_t inner = edges_.size() - 2;  // edges between cells
    if (inner > 8) return cell_of_search(x);
    std::size_t cell = 0;  // short axes: count the inner edges at or below x, without branches
    for (std::size_t i = 1; i <= inner; ++i) cell += x >= edges_[i];
    return cell;
  }
  double lower(std::size_t cell) const { return edges_[cell]; }
  double upper(std::size_t cell) const { return edges_[cell + 1]; }
  const std::vector<double>& edges() const { return edges_; }

  /// The axis whose edges are the union of both axes' edges.
  static Axis merged(const Axis& a, const Axis& b);

 private:
  std::size_t cell_of_search(double x) const;
  std::vector<double> edges_;
};

}  // namespace carecast::engine
