#include "output/provenance_reader.hpp"

#include <cstdint>

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_handles.hpp"
#include "output/result_schema.hpp"

namespace carecast::output {

models::Provenance read_provenance(hid_t root) {
  models::Provenance p;
  p.scenario_path = hdf5::read_string_attribute(root, schema::scenario_path);
  p.scenario_text = hdf5::read_string_attribute(root, schema::scenario_text);
  p.scenario_sha256 = hdf5::read_string_attribute(root, schema::scenario_sha256);
  p.seed = hdf5::read_number_attribute<std::uint64_t>(root, schema::seed);
  p.replicates = hdf5::read_number_attribute<std::uint64_t>(root, schema::replicates);
  p.parameter_uncertainty = hdf5::has_attribute(root, schema::parameter_uncertainty) &&
                            hdf5::read_number_attribute<std::int64_t>(root, schema::parameter_uncertainty) != 0;
  p.engine_version = hdf5::read_string_attribute(root, schema::engine_version);
  p.git_commit = hdf5::read_string_attribute(root, schema::git_commit);
  hdf5::Group info = hdf5::open_group(root, schema::run_info);
  p.threads = static_cast<int>(hdf5::read_number_attribute<std::int64_t>(info.get(), schema::threads));
  p.ranks = static_cast<int>(hdf5::read_number_attribute<std::int64_t>(info.get(), schema::ranks));
  p.command_line = hdf5::read_string_attribute(info.get(), schema::command_line);
  p.host = hdf5::read_string_attribute(info.get(), schema::host);
  p.started_at = hdf5::read_string_attribute(info.get(), schema::started_at);
  p.finished_at = hdf5::read_string_attribute(info.get(), schema::finished_at);
  p.wall_seconds = hdf5::read_number_attribute<double>(info.get(), schema::wall_seconds);
  return p;
}

}  // namespace carecast::output
