#pragma once
// Summaries over replicates: mean, standard deviation and quantiles.
#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace carecast::engine {

inline constexpr std::array<std::string_view, 7> summary_statistic_names = {
    "mean", "sd", "q05", "q25", "q50", "q75", "q95"};
inline constexpr std::array<double, 5> summary_quantile_levels = {0.05, 0.25, 0.50, 0.75, 0.95};

/// Quantile by linear interpolation between order statistics (Hyndman and Fan type 7, the
/// default of R and numpy). `sorted` must be sorted ascending and non-empty.
double quantile_of_sorted(std::span<const double> sorted, double level);

/// mean, sample sd (0 for one value), and the five summary quantiles, in the order of
/// summary_statistic_names.
std::array<double, 7> summarize(std::vector<double> values);

/// Summarizes each column of a row-major [replicates][columns] table; the result is
/// [statistic][column].
std::vector<double> summarize_columns(std::span<const double> table, std::size_t replicates,
                                      std::size_t columns);

}  // namespace carecast::engine
