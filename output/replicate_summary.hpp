#pragma once
// Summaries of tally arrays over replicates: for every element, the statistics of
// engine::summary_statistic_names (mean, sd, q05, q25, q50, q75, q95).
#include <cstddef>
#include <vector>

#include "engine/tally.hpp"

namespace carecast::output {

/// [statistic][element] for the count array `handle` of every replicate's tally.
std::vector<double> summarize_counts(const std::vector<engine::Tally>& replicates,
                                     std::size_t handle);
/// [statistic][element] for the sum array `handle`.
std::vector<double> summarize_sums(const std::vector<engine::Tally>& replicates,
                                   std::size_t handle);

}  // namespace carecast::output
