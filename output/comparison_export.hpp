#pragma once
// Exports a comparison file as CSV files for a spreadsheet, into a folder that appears complete
// or not at all (as output/csv_export.hpp does for a result):
//
//   provenance.csv                   key,value: the root attributes, the base, the alternatives,
//                                    the year starts and the horizon
//
// A year is labelled by its first day and its end (year_start, year_end: the end of the last is
// the horizon; "" for a file of schema 1.1 or older whose base scenario does not give it).
//   comparison.csv                   alternative,year_start,year_end,measure,statistic,value:
//                                    every yearly figure of every comparison (alternative − base)
//   comparison_totals.csv            alternative,measure,statistic,value: net_present_value
//                                    and payback_year (0: no payback within the horizon); no
//                                    year column, so no total shares a key with a year
//   comparison_F.csv                 each other figure F of the comparisons, by its axes:
//                                    comparison_placements.csv (year_start, year_end, state), …
//   scenarios.csv, scenario_F.csv    the same for each scenario's own figures (column scenario)
//   replicates/…                     on request: the same tables, replicate instead of statistic
//
// Which figure goes to which table: output/comparison_tables.hpp.
#include <filesystem>
#include <vector>

#include "output/comparison_file.hpp"
#include "output/csv_export.hpp"

namespace carecast::output {

/// Every file an export of `comparison` writes, with or without its replicates.
ExportContents comparison_export_contents(const ComparisonFile& comparison);

/// Writes the export of `comparison` into `folder`, and returns the files written, relative to
/// it. The folder rules and failures are those of export_csv.
std::vector<std::filesystem::path> export_comparison_csv(const ComparisonFile& comparison,
                                                         const std::filesystem::path& folder,
                                                         const CsvExportOptions& options);

}  // namespace carecast::output
