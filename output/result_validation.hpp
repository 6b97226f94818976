#pragma once
// Checks that a RunResult is complete and self-consistent before anything is written.
#include "models/run_result.hpp"

namespace carecast::output {

/// Throws OutputError naming the first inconsistency: no layout, no replicates, a replicate
/// count that disagrees with the provenance, a tally of another layout, grid dates and days of
/// different lengths, a state without a name or of an unknown kind, an array name that is empty,
/// contains '/' or is used twice, or an analytic stock of the wrong size.
void validate_result(const models::RunResult& result);

}  // namespace carecast::output
