#include "engine/replicate_statistics.hpp"

#include <algorithm>
#include <boost/math/statistics/univariate_statistics.hpp>
#include <cmath>
#include <stdexcept>

namespace carecast::engine {

double quantile_of_sorted(std::span<const double> sorted, double level) {
  if (sorted.empty()) throw std::invalid_argument("quantile of no values");
  double position = level * static_cast<double>(sorted.size() - 1);
  auto below = static_cast<std::size_t>(std::floor(position));
  std::size_t above = std::min(below + 1, sorted.size() - 1);
  double weight = position - static_cast<double>(below);
  return sorted[below] + weight * (sorted[above] - sorted[below]);
}

std::array<double, 7> summarize(std::vector<double> values) {
  std::array<double, 7> result{};
  if (values.empty()) return result;
  auto [mean, variance] = boost::math::statistics::mean_and_sample_variance(values);
  result[0] = mean;
  result[1] = values.size() > 1 ? std::sqrt(variance) : 0.0;
  std::sort(values.begin(), values.end());
  for (std::size_t q = 0; q < summary_quantile_levels.size(); ++q)
    result[2 + q] = quantile_of_sorted(values, summary_quantile_levels[q]);
  return result;
}

std::vector<double> summarize_columns(std::span<const double> table, std::size_t replicates,
                                      std::size_t columns) {
  std::vector<double> result(summary_statistic_names.size() * columns);
  std::vector<double> column(replicates);
  for (std::size_t c = 0; c < columns; ++c) {
    for (std::size_t r = 0; r < replicates; ++r) column[r] = table[r * columns + c];
    auto stats = summarize(column);
    for (std::size_t s = 0; s < stats.size(); ++s) result[s * columns + c] = stats[s];
  }
  return result;
}

}  // namespace carecast::engine
