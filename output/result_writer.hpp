#pragma once
// Writes a run's result as one HDF5 file (schema in output/result_schema.hpp), atomically: the
// file is written under a temporary name in the target's folder and renamed at the end. The same
// layout can be written into a group of another file (a sweep's combinations).
#include <hdf5.h>

#include <filesystem>

#include "models/run_result.hpp"
#include "output/result_target.hpp"

namespace carecast::output {

/// Checks the target and the result, then writes the file. Throws OutputError on any failure,
/// leaving no file behind and an existing target untouched.
void write_result(const models::RunResult& result, const std::filesystem::path& target,
                  bool overwrite);

/// The result file as one of several files published together (write_all_atomically in
/// result_target.hpp); its writer checks the result and throws OutputError naming `target`.
FileToWrite result_file_to_write(const models::RunResult& result, const std::filesystem::path& target);

/// Writes a result into `location`, the root group of a new file or an empty group (a sweep
/// file holds one per combination): the root attributes, /run_info, /grid, /states, /replicates,
/// /summary, /axes and /analytic of the schema, relative to `location`. Checks the result first;
/// throws OutputError.
void write_result_into(hid_t location, const models::RunResult& result);

/// Writes the /run_info group (the facts that differ between otherwise identical runs) under
/// `root`; shared with the comparison writer.
void write_run_info(hid_t root, const models::Provenance& provenance);

}  // namespace carecast::output
