#include "engine/axis.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace carecast::engine {

Axis::Axis() : edges_{-infinity, infinity} {}

Axis::Axis(std::vector<double> edges) : edges_(std::move(edges)) {
  if (edges_.size() < 2) throw std::invalid_argument("an axis needs at least two edges");
  // Written as !(a < b) so that NaN edges are rejected too.
  if (std::adjacent_find(edges_.begin(), edges_.end(), [](double a, double b) { return !(a < b); }) !=
      edges_.end())
    throw std::invalid_argument("axis edges must be strictly increasing numbers");
}

std::size_t Axis::cell_of_search(double x) const {
  auto above = std::upper_bound(edges_.begin() + 1, edges_.end() - 1, x);
  return static_cast<std::size_t>(std::distance(edges_.begin() + 1, above));
}

Axis Axis::merged(const Axis& a, const Axis& b) {
  std::vector<double> edges;
  std::set_union(a.edges_.begin(), a.edges_.end(), b.edges_.begin(), b.edges_.end(),
                 std::back_inserter(edges));
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return Axis(std::move(edges));
}

}  // namespace carecast::engine
