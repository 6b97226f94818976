#include "output/hdf5_attributes.hpp"

#include <cstdint>

#include "output/hdf5_handles.hpp"
#include "output/hdf5_types.hpp"
#include "output/output_error.hpp"

namespace carecast::output::hdf5 {

namespace {

Attribute create_attribute(hid_t object, const std::string& name, hid_t type, hid_t space) {
  return Attribute(check(H5Acreate2(object, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT),
                         "create attribute", object, name));
}

Attribute open_attribute(hid_t object, const std::string& name) {
  return Attribute(
      check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open attribute", object, name));
}

void write_strings(hid_t object, const std::string& name, const std::vector<std::string>& values,
                   const Dataspace& space) {
  Datatype type = utf8_string_type();
  Attribute attribute = create_attribute(object, name, type.get(), space.get());
  std::vector<const char*> pointers = c_strings(values);
  const char* none = "";
  check_status(H5Awrite(attribute.get(), type.get(), pointers.empty() ? &none : pointers.data()),
               "write attribute", object, name);
}

std::vector<std::string> read_strings(hid_t object, const std::string& name) {
  Attribute attribute = open_attribute(object, name);
  Datatype stored(check(H5Aget_type(attribute.get()), "get type of", object, name));
  Dataspace space(check(H5Aget_space(attribute.get()), "get space of", object, name));
  auto read = [&](hid_t memory_type, void* buffer) {
    return H5Aread(attribute.get(), memory_type, buffer);
  };
  return read_string_elements(stored.get(), space.get(), read, object, name);
}

}  // namespace

bool has_attribute(hid_t object, const std::string& name) {
  return H5Aexists(object, name.c_str()) > 0;
}

void write_string_attribute(hid_t object, const std::string& name, const std::string& value) {
  write_strings(object, name, {value}, scalar_space());
}

void write_string_list_attribute(hid_t object, const std::string& name,
                                 const std::vector<std::string>& values) {
  write_strings(object, name, values, simple_space({values.size()}));
}

template <class T>
void write_number_attribute(hid_t object, const std::string& name, T value) {
  Attribute attribute =
      create_attribute(object, name, NumberType<T>::on_disk(), scalar_space().get());
  check_status(H5Awrite(attribute.get(), NumberType<T>::in_memory(), &value), "write attribute",
               object, name);
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  std::vector<std::string> values = read_strings(object, name);
  if (values.size() != 1)
    throw OutputError("attribute '" + member_path(object, name) + "' in '" + file_name_of(object) +
                      "' is not a single string");
  return values.front();
}

std::vector<std::string> read_string_list_attribute(hid_t object, const std::string& name) {
  return read_strings(object, name);
}

template <class T>
T read_number_attribute(hid_t object, const std::string& name) {
  Attribute attribute = open_attribute(object, name);
  Datatype stored(check(H5Aget_type(attribute.get()), "get type of", object, name));
  require_type_class(stored.get(), NumberType<T>::type_class, object, name);
  Dataspace space(check(H5Aget_space(attribute.get()), "get space of", object, name));
  if (element_count(space.get()) != 1)
    throw OutputError("attribute '" + member_path(object, name) + "' in '" + file_name_of(object) +
                      "' is not a single number");
  T value{};
  check_status(H5Aread(attribute.get(), NumberType<T>::in_memory(), &value), "read attribute",
               object, name);
  return value;
}

template void write_number_attribute<std::int64_t>(hid_t, const std::string&, std::int64_t);
template void write_number_attribute<std::uint64_t>(hid_t, const std::string&, std::uint64_t);
template void write_number_attribute<double>(hid_t, const std::string&, double);
template std::int64_t read_number_attribute<std::int64_t>(hid_t, const std::string&);
template std::uint64_t read_number_attribute<std::uint64_t>(hid_t, const std::string&);
template double read_number_attribute<double>(hid_t, const std::string&);

}  // namespace carecast::output::hdf5
