#include "output/comparison_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "output/output_error.hpp"

namespace carecast::output {

namespace {

constexpr ComparisonPart parts_in_order[] = {ComparisonPart::comparison, ComparisonPart::scenario};

ComparisonTableShape shape_of(const std::vector<std::string>& dimensions) {
  if (dimensions.size() == 1) return ComparisonTableShape::totals;
  if (dimensions.size() == 2 && dimensions[1] == "year") return ComparisonTableShape::yearly;
  return ComparisonTableShape::own;
}

std::string file_name(ComparisonPart part, ComparisonTableShape shape, const std::string& figure) {
  bool comparison = part == ComparisonPart::comparison;
  std::string prefix = comparison ? "comparison" : "scenario";
  if (shape == ComparisonTableShape::yearly) return comparison ? "comparison.csv" : "scenarios.csv";
  if (shape == ComparisonTableShape::totals) return prefix + "_totals.csv";
  return prefix + "_" + figure + ".csv";
}

/// The table of `file` in `tables`, added at the end if it is not there yet.
ComparisonTable& table_named(std::vector<ComparisonTable>& tables, const std::string& file, ComparisonPart part,
                             ComparisonTableShape shape) {
  auto found = std::find_if(tables.begin(), tables.end(), [&](const ComparisonTable& t) { return t.file == file; });
  if (found != tables.end()) return *found;
  tables.push_back({file, part, shape, {}});
  return tables.back();
}

void add_figure(ComparisonTable& table, const std::string& figure) {
  if (std::find(table.figures.begin(), table.figures.end(), figure) == table.figures.end())
    table.figures.push_back(figure);
}

/// The tables of one part, the yearly and totals tables first.
std::vector<ComparisonTable> tables_of(const ComparisonFile& file, ComparisonPart part) {
  std::vector<ComparisonTable> tables;
  for (ComparisonTableShape shape : {ComparisonTableShape::yearly, ComparisonTableShape::totals})
    table_named(tables, file_name(part, shape, ""), part, shape);
  for (const std::string& name : file.names(part))
    for (const std::string& figure : file.figures(part, name)) {
      ComparisonTableShape shape = shape_of(file.read_summary(part, name, figure).dimensions);
      ComparisonTable& table = table_named(tables, file_name(part, shape, figure), part, shape);
      if (table.shape != shape)
        throw OutputError(fmt::format("'{}': the figure '{}' and the table '{}' would share a file name",
                                      file.path().string(), figure, table.file));
      add_figure(table, figure);
    }
  std::erase_if(tables, [](const ComparisonTable& t) { return t.figures.empty(); });
  return tables;
}

}  // namespace

std::string group_column(ComparisonPart part) {
  return part == ComparisonPart::comparison ? "alternative" : "scenario";
}

std::vector<ComparisonTable> comparison_tables(const ComparisonFile& file) {
  std::vector<ComparisonTable> tables;
  for (ComparisonPart part : parts_in_order)
    for (ComparisonTable& table : tables_of(file, part)) tables.push_back(std::move(table));
  return tables;
}

}  // namespace carecast::output
