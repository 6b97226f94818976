#pragma once
// Exports a sweep file as CSV files for a spreadsheet, into a folder that appears complete or
// not at all (as output/csv_export.hpp does for a result):
//
//   provenance.csv          key,value: the sweep's root attributes (seed, scenario, …)
//   sweep.csv               one row per combination: combination, folder, each swept key's
//                           value, then for each figure over the horizon its mean, q05 and
//                           q95, then the same for its paired difference from combination 0
//   sweep_replicates.csv    on request: one row per combination and replicate, every figure
//                           and every difference
//   combinations/<i>/…      each combination's own export, exactly as `export` writes it for a
//                           result file (its replicates too, on request)
#include <filesystem>
#include <vector>

#include "output/csv_export.hpp"
#include "output/sweep_file.hpp"

namespace carecast::output {

/// Writes the export of `sweep` into `folder`, and returns the files written, relative to it.
/// The folder rules and failures are those of export_csv.
std::vector<std::filesystem::path> export_sweep_csv(const SweepFile& sweep, const std::filesystem::path& folder,
                                                    const CsvExportOptions& options);

}  // namespace carecast::output
