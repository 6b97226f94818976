#include "output/sweep_summary.hpp"

#include <fmt/format.h>

#include "output/output_error.hpp"

namespace carecast::output {

namespace {

void check_alike(const std::vector<std::vector<HorizonFigure>>& per_combination, std::size_t expected) {
  if (per_combination.size() != expected || per_combination.empty() || per_combination.front().empty())
    throw OutputError(fmt::format("a sweep of {} combinations has figures for {}", expected, per_combination.size()));
  const std::vector<HorizonFigure>& first = per_combination.front();
  for (std::size_t c = 1; c < per_combination.size(); ++c) {
    const std::vector<HorizonFigure>& other = per_combination[c];
    bool alike = other.size() == first.size();
    for (std::size_t f = 0; alike && f < first.size(); ++f)
      alike = other[f].name == first[f].name && other[f].values.size() == first[f].values.size();
    if (!alike)
      throw OutputError(fmt::format("sweep combination {} has other figures or replicates than combination 0", c));
  }
}

SweepFigure side_by_side(const std::vector<std::vector<HorizonFigure>>& per_combination, std::size_t figure) {
  std::size_t combinations = per_combination.size();
  std::size_t replicates = per_combination.front()[figure].values.size();
  SweepFigure out{per_combination.front()[figure].name, std::vector<double>(replicates * combinations),
                  std::vector<double>(replicates * combinations)};
  for (std::size_t r = 0; r < replicates; ++r) {
    double first = per_combination.front()[figure].values[r];
    for (std::size_t c = 0; c < combinations; ++c) {
      double value = per_combination[c][figure].values[r];
      out.values[r * combinations + c] = value;
      out.differences[r * combinations + c] = value - first;
    }
  }
  return out;
}

}  // namespace

SweepSummary summarize_sweep(SweepTable table, const std::vector<std::vector<HorizonFigure>>& per_combination) {
  check_alike(per_combination, table.values.size());
  SweepSummary summary{std::move(table), per_combination.front().front().values.size(), {}};
  for (std::size_t f = 0; f < per_combination.front().size(); ++f)
    summary.figures.push_back(side_by_side(per_combination, f));
  return summary;
}

}  // namespace carecast::output
