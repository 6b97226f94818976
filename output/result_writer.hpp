#pragma once
// Writes a run's result as one HDF5 file (schema in output/result_schema.hpp), atomically: the
// file is written under a temporary name in the target's folder and renamed at the end.
#include <hdf5.h>

#include <filesystem>

#include "models/run_result.hpp"
#include "output/result_target.hpp"

namespace carecast::output {

/// Checks the target and the result, then writes the file. Throws OutputError on any failure,
/// leaving no file behind and an existing target untouched.
void write_result(const models::RunResult& result, const std::filesystem::path& target,
                  bool overwrite);

/// Writes the /run_info group (the facts that differ between otherwise identical runs) under
/// `root`; shared with the comparison writer.
void write_run_info(hid_t root, const models::Provenance& provenance);

}  // namespace carecast::output
