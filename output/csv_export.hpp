#pragma once
// Exports a result file as tidy CSV files that open in a spreadsheet, into a folder that
// appears complete or not at all:
//
//   provenance.csv      key,value: the root attributes of the result (seed, scenario, …)
//   A.csv               for each array A: /summary/A, columns …axes, statistic, value
//   replicates/A.csv    on request: /replicates/A, columns …axes, replicate, value
//   analytic_stock.csv  for a result of analytic mode: date, state, value
//
// How each axis becomes columns is described in output/tidy_table.hpp.
#include <filesystem>
#include <vector>

#include "output/result_file.hpp"

namespace carecast::output {

struct CsvExportOptions {
  bool replicates = false;  // also write every replicate's values, in replicates/A.csv
  bool overwrite = false;   // replace an existing folder that holds an earlier export
};

/// Every export holds this file; a folder without it is never replaced.
inline constexpr char provenance_file_name[] = "provenance.csv";

/// Throws OutputError if `folder` cannot receive an export of `result` (see
/// check_folder_target). With `overwrite`, a folder that is not empty must hold an earlier
/// export (a provenance.csv) and must not hold the result file itself.
void check_export_target(const ResultFile& result, const std::filesystem::path& folder,
                         bool overwrite);
/// The same for the result (or sweep) file at `result_path`.
void check_export_target(const std::filesystem::path& result_path, const std::filesystem::path& folder,
                         bool overwrite);

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
