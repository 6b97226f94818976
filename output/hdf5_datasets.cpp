#include "output/hdf5_datasets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>

#include "output/hdf5_types.hpp"
#include "output/output_error.hpp"

namespace carecast::output::hdf5 {

namespace {

constexpr hsize_t largest_single_chunk = hsize_t{1} << 20;  // elements of a rank-1 chunk

std::vector<hsize_t> to_hsize(const std::vector<std::size_t>& shape) {
  return {shape.begin(), shape.end()};
}

std::size_t product(std::span<const hsize_t> extents) {
  return std::accumulate(extents.begin(), extents.end(), std::size_t{1}, std::multiplies<>{});
}

std::vector<hsize_t> chunk_of(const std::vector<hsize_t>& dims) {
  if (dims.size() == 1) return {std::clamp<hsize_t>(dims[0], 1, largest_single_chunk)};
  std::vector<hsize_t> chunk{1};
  for (std::size_t axis = 1; axis < dims.size(); ++axis)
    chunk.push_back(std::max<hsize_t>(dims[axis], 1));
  return chunk;
}

PropertyList compressed_chunks(const std::vector<hsize_t>& dims, hid_t parent,
                               const std::string& name) {
  PropertyList creation = untimed_creation_list(H5P_DATASET_CREATE);
  std::vector<hsize_t> chunk = chunk_of(dims);
  check_status(H5Pset_chunk(creation.get(), static_cast<int>(chunk.size()), chunk.data()),
               "set chunks of", parent, name);
  check_status(H5Pset_shuffle(creation.get()), "set shuffle filter of", parent, name);
  check_status(H5Pset_deflate(creation.get(), deflate_level), "set deflate filter of", parent,
               name);
  return creation;
}

Dataset create_dataset(hid_t parent, const std::string& name, hid_t type, hid_t space,
                       hid_t creation) {
  return Dataset(
      check(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, creation, H5P_DEFAULT),
            "create dataset", parent, name));
}

void require_row_size(hid_t dataset, std::size_t expected, std::size_t actual) {
  if (expected == actual) return;
  throw OutputError(fmt::format("cannot write '{}' in '{}': a row holds {} values, not {}",
                                path_of(dataset), file_name_of(dataset), expected, actual));
}

}  // namespace

Dataset open_dataset(hid_t parent, const std::string& name) {
  return Dataset(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "open dataset", parent, name));
}

DatasetDescription describe_dataset(hid_t parent, const std::string& name) {
  Dataset dataset = open_dataset(parent, name);
  Datatype stored(check(H5Dget_type(dataset.get()), "get type of", parent, name));
  Dataspace space(check(H5Dget_space(dataset.get()), "get space of", parent, name));
  std::vector<hsize_t> dims = extent_of(space.get());
  return {{dims.begin(), dims.end()}, H5Tget_class(stored.get())};
}

void write_string_dataset(hid_t parent, const std::string& name,
                          const std::vector<std::string>& values) {
  Datatype type = utf8_string_type();
  Dataspace space = simple_space({values.size()});
  PropertyList creation = untimed_creation_list(H5P_DATASET_CREATE);
  Dataset dataset = create_dataset(parent, name, type.get(), space.get(), creation.get());
  if (values.empty()) return;
  std::vector<const char*> pointers = c_strings(values);
  check_status(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
               "write dataset", parent, name);
}

std::vector<std::string> read_string_dataset(hid_t parent, const std::string& name) {
  Dataset dataset = open_dataset(parent, name);
  Datatype stored(check(H5Dget_type(dataset.get()), "get type of", parent, name));
  Dataspace space(check(H5Dget_space(dataset.get()), "get space of", parent, name));
  auto read = [&](hid_t memory_type, void* buffer) {
    return H5Dread(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
  };
  return read_string_elements(stored.get(), space.get(), read, parent, name);
}

template <class T>
Dataset create_number_dataset(hid_t parent, const std::string& name,
                              const std::vector<std::size_t>& shape) {
  if (shape.empty())
    throw OutputError(fmt::format("cannot create dataset '{}' in '{}' without axes",
                                  member_path(parent, name), file_name_of(parent)));
  std::vector<hsize_t> dims = to_hsize(shape);
  Dataspace space = simple_space(dims);
  PropertyList creation = compressed_chunks(dims, parent, name);
  return create_dataset(parent, name, NumberType<T>::on_disk(), space.get(), creation.get());
}

template <class T>
void write_row(hid_t dataset, std::size_t row, std::span<const T> values) {
  Dataspace file_space(check(H5Dget_space(dataset), "get space of", dataset));
  std::vector<hsize_t> start(extent_of(file_space.get()).size(), 0);
  std::vector<hsize_t> count = extent_of(file_space.get());
  start[0] = row;
  count[0] = 1;
  require_row_size(dataset, product(count), values.size());
  if (values.empty()) return;
  check_status(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                                   count.data(), nullptr),
               "select a row of", dataset);
  Dataspace memory_space = simple_space({values.size()});
  check_status(H5Dwrite(dataset, NumberType<T>::in_memory(), memory_space.get(), file_space.get(),
                        H5P_DEFAULT, values.data()),
               "write a row of", dataset);
}

template <class T>
Dataset write_number_dataset(hid_t parent, const std::string& name, std::span<const T> values,
                             const std::vector<std::size_t>& shape) {
  if (product(to_hsize(shape)) != values.size())
    throw OutputError(fmt::format("cannot write '{}' in '{}': {} values do not fill its shape",
                                  member_path(parent, name), file_name_of(parent), values.size()));
  Dataset dataset = create_number_dataset<T>(parent, name, shape);
  if (values.empty()) return dataset;
  check_status(H5Dwrite(dataset.get(), NumberType<T>::in_memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                        values.data()),
               "write dataset", parent, name);
  return dataset;
}

template <class T>
NdArray<T> read_number_dataset(hid_t parent, const std::string& name) {
  Dataset dataset = open_dataset(parent, name);
  Datatype stored(check(H5Dget_type(dataset.get()), "get type of", parent, name));
  require_type_class(stored.get(), NumberType<T>::type_class, parent, name);
  Dataspace space(check(H5Dget_space(dataset.get()), "get space of", parent, name));
  std::vector<hsize_t> dims = extent_of(space.get());
  NdArray<T> array{std::vector<T>(element_count(space.get())), {dims.begin(), dims.end()}};
  if (array.values.empty()) return array;
  check_status(H5Dread(dataset.get(), NumberType<T>::in_memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                       array.values.data()),
               "read dataset", parent, name);
  return array;
}

template Dataset create_number_dataset<std::int64_t>(hid_t, const std::string&,
                                                     const std::vector<std::size_t>&);
template Dataset create_number_dataset<double>(hid_t, const std::string&,
                                               const std::vector<std::size_t>&);
template void write_row<std::int64_t>(hid_t, std::size_t, std::span<const std::int64_t>);
template void write_row<double>(hid_t, std::size_t, std::span<const double>);
template Dataset write_number_dataset<std::int64_t>(hid_t, const std::string&,
                                                    std::span<const std::int64_t>,
                                                    const std::vector<std::size_t>&);
template Dataset write_number_dataset<double>(hid_t, const std::string&, std::span<const double>,
                                              const std::vector<std::size_t>&);
template NdArray<std::int64_t> read_number_dataset<std::int64_t>(hid_t, const std::string&);
template NdArray<double> read_number_dataset<double>(hid_t, const std::string&);

}  // namespace carecast::output::hdf5
