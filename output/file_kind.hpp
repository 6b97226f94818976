#pragma once
// What a carecast HDF5 file holds, from the root attribute `kind`: "sweep", "comparison",
// "backtest", or none for a result file.
#include <hdf5.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "output/hdf5_handles.hpp"

namespace carecast::output {

/// True if `path` is an HDF5 file whose root attribute `kind` is `kind`; false for anything
/// else, including a file that does not exist or cannot be read (the reader of the file's real
/// kind then says what is wrong with it).
bool is_file_of_kind(const std::filesystem::path& path, std::string_view kind);

/// Opens `path` read-only as a carecast file whose root attribute `kind` is `kind`; throws
/// OutputError saying that it does not exist, is not HDF5, or is not a carecast `noun` file.
hdf5::File open_file_of_kind(const std::filesystem::path& path, std::string_view kind, std::string_view noun);

/// The root's schema_version, if this carecast reads its major version; throws OutputError
/// naming `path` and both versions otherwise.
std::string readable_schema_version(hid_t root, const std::filesystem::path& path);

}  // namespace carecast::output
