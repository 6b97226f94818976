#include "output/file_kind.hpp"

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

}  // namespace carecast::output
