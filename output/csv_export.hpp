#pragma once
// Exports a result file as tidy CSV files that open in a spreadsheet, into a folder that
// appears complete or not at all:
//
//   provenance.csv      key,value: the root attributes of the result (seed, scenario, …)
//   A.csv               for each array A: /summary/A, columns …axes, statistic, value
//   replicates/A.csv    on request: /replicates/A, columns …axes, replicate, value
//   analytic_stock.csv  for a result of analytic mode: date, state, value
//   budget.csv          with costs: the budget by reporting year (output/budget_measures.hpp)
//   budget_horizon.csv  with costs: the same over the whole horizon, in a file of its own
//
// How each axis becomes columns is described in output/tidy_table.hpp.
#include <filesystem>
#include <functional>
#include <vector>

#include "output/export_contents.hpp"
#include "output/result_file.hpp"

namespace carecast::output {

struct CsvExportOptions {
  bool replicates = false;  // also write every replicate's values, in replicates/A.csv
  bool overwrite = false;   // replace an existing folder that holds an earlier export and nothing else
};

/// Every export holds this file; a folder without it is never replaced.
inline constexpr char provenance_file_name[] = "provenance.csv";
/// The folder of an export that holds every replicate's values, on request.
inline constexpr char replicates_folder[] = "replicates";

/// Every file an export of `result` writes, with or without its replicates: provenance.csv,
/// A.csv and replicates/A.csv for each array A, analytic_stock.csv if the result has it,
/// budget.csv and budget_horizon.csv if it has costs.
ExportContents result_export_contents(const ResultFile& result);

/// Throws OutputError if `folder` cannot receive an export of `result` (see
/// check_folder_target). With `overwrite`, a folder that is not empty must hold an earlier
/// export and nothing else: every file and folder in it must be one of `contents` (the first
/// that is not is named), it must hold a provenance.csv, and it must not hold the result file
/// itself.
void check_export_target(const ResultFile& result, const std::filesystem::path& folder,
                         bool overwrite);
/// The same for the result (or sweep) file at `result_path`, whose export writes `contents`.
void check_export_target(const std::filesystem::path& result_path, const ExportContents& contents,
                         const std::filesystem::path& folder, bool overwrite);

/// check_export_target, then `write(temporary)` into a new folder that is published as
/// `folder` (write_folder_atomically). A folder being replaced is checked again once moved
/// aside, just before it is removed, so that a file put into it during the export is kept too.
void write_export_folder(const std::filesystem::path& result_path, const ExportContents& contents,
                         const std::filesystem::path& folder, bool overwrite,
                         const std::function<void(const std::filesystem::path&)>& write);

/// Writes the export of `result` into `folder`, and returns the files written, relative to
/// it. Throws OutputError on any failure, leaving no new folder behind and an existing one as
/// it was.
std::vector<std::filesystem::path> export_csv(const ResultFile& result,
                                              const std::filesystem::path& folder,
                                              const CsvExportOptions& options);

/// The files of the export of `result`, written into the existing folder `folder` (not
/// atomically: export_csv and the sweep export call it on their temporary folder); returns them
/// relative to `folder`. `options.overwrite` is not used.
std::vector<std::filesystem::path> write_result_export(const ResultFile& result,
                                                       const std::filesystem::path& folder,
                                                       const CsvExportOptions& options);

}  // namespace carecast::output
