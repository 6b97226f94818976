#pragma once
// The tables of the CSV export of a comparison file, and the figures each one gathers. Every
// figure of a group has the statistic (or replicate) axis first; what follows decides its table:
//
//   figures over [year]      one table per part, a `measure` column naming the figure:
//                            comparison.csv, scenarios.csv
//   figures with no axis     one table per part, a `measure` column naming the figure:
//                            comparison_totals.csv (net_present_value, payback_year)
//   any other figure F       a table of its own: comparison_F.csv, scenario_F.csv
//                            (placements [year, state], cost_by_category [year, category])
//
// Each table stacks the groups of its part, the scenarios or the alternatives, in the order of
// the file, one column (`scenario` or `alternative`) naming the group.
#include <string>
#include <vector>

#include "output/comparison_file.hpp"

namespace carecast::output {

/// How a table lays out its figures: yearly and totals have a `measure` column, own does not.
enum class ComparisonTableShape { yearly, totals, own };

struct ComparisonTable {
  std::string file;                  // "comparison.csv", relative to the export folder
  ComparisonPart part;
  ComparisonTableShape shape;
  std::vector<std::string> figures;  // in the order the groups first list them
};

/// The column that names a table's groups: "scenario" or "alternative".
std::string group_column(ComparisonPart part);

/// The tables of an export of `file`: those of the comparisons, then those of the scenarios;
/// in each part the yearly table, the totals, then each other figure in the order first
/// written. A table only for figures the file has. Throws OutputError if two tables would
/// share a file name.
std::vector<ComparisonTable> comparison_tables(const ComparisonFile& file);

}  // namespace carecast::output
