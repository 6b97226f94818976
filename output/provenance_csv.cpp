#include "output/provenance_csv.hpp"

#include "output/csv_writer.hpp"

namespace carecast::output {

void write_provenance_csv(const std::filesystem::path& path, const models::Provenance& p, const ProvenanceRows& more) {
  CsvFile csv(path);
  csv.write_row({"key", "value"});
  csv.write_row({"scenario_path", p.scenario_path});
  csv.write_row({"scenario_sha256", p.scenario_sha256});
  csv.write_row({"seed", std::to_string(p.seed)});
  csv.write_row({"parameter_uncertainty", p.parameter_uncertainty ? "true" : "false"});
  csv.write_row({"replicates", std::to_string(p.replicates)});
  csv.write_row({"engine_version", p.engine_version});
  csv.write_row({"git_commit", p.git_commit});
  for (const auto& [key, value] : more) csv.write_row({key, value});
  csv.close();
}

}  // namespace carecast::output
