#pragma once
// Reading and writing attributes: UTF-8 strings, lists of strings, and scalar numbers.
#include <hdf5.h>

#include <string>
#include <vector>

namespace carecast::output::hdf5 {

bool has_attribute(hid_t object, const std::string& name);

void write_string_attribute(hid_t object, const std::string& name, const std::string& value);
void write_string_list_attribute(hid_t object, const std::string& name,
                                 const std::vector<std::string>& values);
/// T is std::int64_t, std::uint64_t or double.
template <class T>
void write_number_attribute(hid_t object, const std::string& name, T value);

std::string read_string_attribute(hid_t object, const std::string& name);
std::vector<std::string> read_string_list_attribute(hid_t object, const std::string& name);
template <class T>
T read_number_attribute(hid_t object, const std::string& name);

}  // namespace carecast::output::hdf5
