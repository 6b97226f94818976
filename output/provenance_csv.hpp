#pragma once
// provenance.csv of an export: one key,value row per provenance fact of the exported file (its
// scenario, hash, seed, replicates, engine and commit, grid step and schema version), then any
// facts particular to the kind of file.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "models/run_result.hpp"

namespace carecast::output {

using ProvenanceRows = std::vector<std::pair<std::string, std::string>>;

void write_provenance_csv(const std::filesystem::path& path, const models::Provenance& provenance,
                          const ProvenanceRows& more);

}  // namespace carecast::output
