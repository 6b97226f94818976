#pragma once
// Reads the provenance that result_writer.hpp writes: the root attributes of a result (or of a
// sweep file) and its /run_info group.
#include <hdf5.h>

#include "models/run_result.hpp"

namespace carecast::output {

/// Throws OutputError if an attribute or /run_info is missing.
models::Provenance read_provenance(hid_t root);

}  // namespace carecast::output
