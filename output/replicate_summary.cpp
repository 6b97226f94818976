#include "output/replicate_summary.hpp"

#include <algorithm>
#include <span>

#include "engine/replicate_statistics.hpp"

namespace carecast::output {

namespace {

// Elements are summarized in blocks so that the [replicate][element] table stays small even
// for large arrays and many replicates.
constexpr std::size_t block_width = 4096;

template <class Values>
std::vector<double> summarize_elements(std::size_t replicates, std::size_t elements,
                                       const Values& values_of_replicate) {
  constexpr std::size_t statistics = engine::summary_statistic_names.size();
  std::vector<double> result(statistics * elements);
  std::vector<double> table;
  for (std::size_t first = 0; first < elements; first += block_width) {
    std::size_t width = std::min(block_width, elements - first);
    table.resize(replicates * width);
    for (std::size_t r = 0; r < replicates; ++r) {
      auto values = values_of_replicate(r);
      for (std::size_t c = 0; c < width; ++c)
        table[r * width + c] = static_cast<double>(values[first + c]);
    }
    std::vector<double> block = engine::summarize_columns(table, replicates, width);
    for (std::size_t s = 0; s < statistics; ++s)
      std::copy_n(block.begin() + static_cast<std::ptrdiff_t>(s * width), width,
                  result.begin() + static_cast<std::ptrdiff_t>(s * elements + first));
  }
  return result;
}

}  // namespace

std::vector<double> summarize_counts(const std::vector<engine::Tally>& replicates,
                                     std::size_t handle) {
  if (replicates.empty()) return {};
  std::size_t elements = replicates.front().counts(handle).size();
  return summarize_elements(replicates.size(), elements,
                            [&](std::size_t r) { return replicates[r].counts(handle); });
}

std::vector<double> summarize_sums(const std::vector<engine::Tally>& replicates,
                                   std::size_t handle) {
  if (replicates.empty()) return {};
  std::size_t elements = replicates.front().sums(handle).size();
  return summarize_elements(replicates.size(), elements,
                            [&](std::size_t r) { return replicates[r].sums(handle); });
}

}  // namespace carecast::output
