#include "output/file_kind.hpp"

#include <fmt/format.h>

#include <system_error>

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "output/result_schema.hpp"

namespace carecast::output {

bool is_file_of_kind(const std::filesystem::path& path, std::string_view kind) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error) || !hdf5::is_hdf5_file(path)) return false;
  try {
    hdf5::File file = hdf5::open_file_read_only(path);
    return hdf5::has_attribute(file.get(), schema::file_kind) &&
           hdf5::read_string_attribute(file.get(), schema::file_kind) == kind;
  } catch (const OutputError&) {
    return false;
  }
}

hdf5::File open_file_of_kind(const std::filesystem::path& path, std::string_view kind, std::string_view noun) {
  if (!std::filesystem::exists(path))
    throw OutputError(fmt::format("{} file '{}' does not exist", noun, path.string()));
  if (!hdf5::is_hdf5_file(path)) throw OutputError(fmt::format("'{}' is not an HDF5 file", path.string()));
  hdf5::File file = hdf5::open_file_read_only(path);
  if (!hdf5::has_attribute(file.get(), schema::file_kind) ||
      hdf5::read_string_attribute(file.get(), schema::file_kind) != kind)
    throw OutputError(fmt::format("'{}' is not a carecast {} file", path.string(), noun));
  return file;
}

std::string readable_schema_version(hid_t root, const std::filesystem::path& path) {
  std::string version = hdf5::read_string_attribute(root, schema::schema_version);
  if (version.substr(0, version.find('.')) != schema::major_version)
    throw OutputError(fmt::format("'{}' has result schema version {}; this carecast reads {}.x", path.string(),
                                  version, schema::major_version));
  return version;
}

}  // namespace carecast::output
