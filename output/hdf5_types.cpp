#include "output/hdf5_types.hpp"

#include <fmt/format.h>

#include "output/output_error.hpp"

namespace carecast::output::hdf5 {

namespace {

std::string class_name(H5T_class_t type_class) {
  switch (type_class) {
    case H5T_INTEGER:
      return "integers";
    case H5T_FLOAT:
      return "floating-point numbers";
    case H5T_STRING:
      return "strings";
    default:
      return "values of another type";
  }
}

std::vector<std::string> read_variable_strings(hid_t stored_type, hid_t space, const RawRead& read,
                                               hid_t where, const std::string& name) {
  Datatype memory(check(H5Tcopy(H5T_C_S1), "copy string type for", where, name));
  check_status(H5Tset_size(memory.get(), H5T_VARIABLE), "size string type for", where, name);
  check_status(H5Tset_cset(memory.get(), H5Tget_cset(stored_type)), "set character set for", where,
               name);
  std::vector<char*> buffer(element_count(space), nullptr);
  check_status(read(memory.get(), buffer.data()), "read strings of", where, name);
  std::vector<std::string> values(buffer.size());
  for (std::size_t i = 0; i < buffer.size(); ++i) values[i] = buffer[i] ? buffer[i] : "";
  H5Dvlen_reclaim(memory.get(), space, H5P_DEFAULT, buffer.data());
  return values;
}

std::string trim_fixed(const char* text, std::size_t size, H5T_str_t padding) {
  std::string value(text, size);
  value.resize(value.find('\0') == std::string::npos ? size : value.find('\0'));
  if (padding == H5T_STR_SPACEPAD) value.erase(value.find_last_not_of(' ') + 1);
  return value;
}

std::vector<std::string> read_fixed_strings(hid_t stored_type, hid_t space, const RawRead& read,
                                            hid_t where, const std::string& name) {
  Datatype memory(check(H5Tcopy(stored_type), "copy string type for", where, name));
  std::size_t size = H5Tget_size(stored_type);
  std::size_t count = element_count(space);
  std::vector<char> buffer(count * size + 1, '\0');
  check_status(read(memory.get(), buffer.data()), "read strings of", where, name);
  std::vector<std::string> values;
  for (std::size_t i = 0; i < count; ++i)
    values.push_back(trim_fixed(buffer.data() + i * size, size, H5Tget_strpad(stored_type)));
  return values;
}

}  // namespace

Datatype utf8_string_type() {
  Datatype type(check(H5Tcopy(H5T_C_S1), "copy type", H5I_INVALID_HID, "string"));
  check_status(H5Tset_size(type.get(), H5T_VARIABLE), "size type", H5I_INVALID_HID, "string");
  check_status(H5Tset_cset(type.get(), H5T_CSET_UTF8), "set character set of", H5I_INVALID_HID,
               "string");
  return type;
}

Dataspace scalar_space() {
  return Dataspace(check(H5Screate(H5S_SCALAR), "create dataspace", H5I_INVALID_HID, "scalar"));
}

Dataspace simple_space(const std::vector<hsize_t>& dims) {
  return Dataspace(check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                         "create dataspace", H5I_INVALID_HID, "simple"));
}

std::vector<hsize_t> extent_of(hid_t space) {
  int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(rank > 0 ? static_cast<std::size_t>(rank) : 0);
  if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  return dims;
}

std::size_t element_count(hid_t space) {
  hssize_t count = H5Sget_simple_extent_npoints(space);
  return count > 0 ? static_cast<std::size_t>(count) : 0;
}

void require_type_class(hid_t stored_type, H5T_class_t expected, hid_t where,
                        const std::string& name) {
  H5T_class_t actual = H5Tget_class(stored_type);
  if (actual == expected) return;
  throw OutputError(fmt::format("'{}' in '{}' holds {}, not {}", member_path(where, name),
                                file_name_of(where), class_name(actual), class_name(expected)));
}

std::vector<std::string> read_string_elements(hid_t stored_type, hid_t space, const RawRead& read,
                                              hid_t where, const std::string& name) {
  require_type_class(stored_type, H5T_STRING, where, name);
  if (element_count(space) == 0) return {};
  return H5Tis_variable_str(stored_type) > 0
             ? read_variable_strings(stored_type, space, read, where, name)
             : read_fixed_strings(stored_type, space, read, where, name);
}

std::vector<const char*> c_strings(const std::vector<std::string>& values) {
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const std::string& value : values) pointers.push_back(value.c_str());
  return pointers;
}

}  // namespace carecast::output::hdf5
