#pragma once
// What a sweep produced, as the sweep file stores it beside the combinations' own results: the
// table of combinations, and each horizon figure (output/sweep_figures.hpp) of every
// combination per replicate, with its paired difference from combination 0. All combinations
// run with the same seed and replicates (common random numbers), so replicate r of every
// combination meets the same children, and the difference is taken replicate by replicate.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "output/sweep_figures.hpp"

namespace carecast::output {

/// The combinations: the swept key paths and each combination's value of each.
struct SweepTable {
  std::vector<std::string> keys;
  std::vector<std::vector<std::string>> values;             // [combination][key], as written
  std::vector<std::vector<std::optional<double>>> numbers;  // [combination][key], where numeric
  bool grid = true;                                         // a grid, or a list of combinations
};

struct SweepFigure {
  std::string name;
  std::vector<double> values;       // [replicate][combination]
  std::vector<double> differences;  // [replicate][combination]: minus combination 0, same replicate
};

struct SweepSummary {
  SweepTable table;
  std::size_t replicates = 0;
  std::vector<SweepFigure> figures;
};

/// Lays the horizon figures of each combination (in combination order) side by side and takes
/// the paired differences. Throws OutputError if the combinations differ in figures or
/// replicates, or if their number differs from the table's.
SweepSummary summarize_sweep(SweepTable table, const std::vector<std::vector<HorizonFigure>>& per_combination);

}  // namespace carecast::output
