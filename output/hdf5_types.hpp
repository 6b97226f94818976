#pragma once
// HDF5 types and dataspaces for the values carecast stores: int64, uint64 and float64 numbers
// (little-endian on disk) and variable-length UTF-8 strings.
#include <hdf5.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "output/hdf5_handles.hpp"

namespace carecast::output::hdf5 {

template <class T>
struct NumberType;

template <>
struct NumberType<double> {
  static hid_t in_memory() { return H5T_NATIVE_DOUBLE; }
  static hid_t on_disk() { return H5T_IEEE_F64LE; }
  static constexpr H5T_class_t type_class = H5T_FLOAT;
};

template <>
struct NumberType<std::int64_t> {
  static hid_t in_memory() { return H5T_NATIVE_INT64; }
  static hid_t on_disk() { return H5T_STD_I64LE; }
  static constexpr H5T_class_t type_class = H5T_INTEGER;
};

template <>
struct NumberType<std::uint64_t> {
  static hid_t in_memory() { return H5T_NATIVE_UINT64; }
  static hid_t on_disk() { return H5T_STD_U64LE; }
  static constexpr H5T_class_t type_class = H5T_INTEGER;
};

/// Variable-length, null-terminated UTF-8 strings.
Datatype utf8_string_type();
Dataspace scalar_space();
Dataspace simple_space(const std::vector<hsize_t>& dims);
/// The extent of a dataspace, and its number of elements.
std::vector<hsize_t> extent_of(hid_t space);
std::size_t element_count(hid_t space);

/// Throws OutputError unless the object's stored type has the expected class (integer, float,
/// string); `object` is an open attribute or dataset, `where`/`name` locate it for the message.
void require_type_class(hid_t stored_type, H5T_class_t expected, hid_t where,
                        const std::string& name);

/// Reads the string elements of an attribute or dataset, fixed- or variable-length alike.
/// `read(memory_type, buffer)` performs the actual H5Aread or H5Dread.
using RawRead = std::function<herr_t(hid_t memory_type, void* buffer)>;
std::vector<std::string> read_string_elements(hid_t stored_type, hid_t space, const RawRead& read,
                                              hid_t where, const std::string& name);

/// Pointers to the characters of each string, for writing variable-length strings.
std::vector<const char*> c_strings(const std::vector<std::string>& values);

}  // namespace carecast::output::hdf5
