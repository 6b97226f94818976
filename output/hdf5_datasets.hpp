#pragma once
// Reading and writing datasets: string vectors, and N-dimensional int64 or float64 arrays stored
// chunked (one chunk per index of the first axis), shuffled and deflated.
#include <hdf5.h>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "output/hdf5_handles.hpp"

namespace carecast::output::hdf5 {

/// Values in row-major order and the extent of each axis.
template <class T>
struct NdArray {
  std::vector<T> values;
  std::vector<std::size_t> shape;
};

/// The extent and the class of values (H5T_INTEGER, H5T_FLOAT, H5T_STRING, ...) of a dataset.
struct DatasetDescription {
  std::vector<std::size_t> shape;
  H5T_class_t type_class;
};

inline constexpr unsigned deflate_level = 4;

Dataset open_dataset(hid_t parent, const std::string& name);
DatasetDescription describe_dataset(hid_t parent, const std::string& name);

void write_string_dataset(hid_t parent, const std::string& name,
                          const std::vector<std::string>& values);
std::vector<std::string> read_string_dataset(hid_t parent, const std::string& name);

/// Creates an empty number dataset (T is std::int64_t or double) of rank ≥ 1. For rank ≥ 2 each
/// index of the first axis is one chunk; a rank-1 dataset is one chunk.
template <class T>
Dataset create_number_dataset(hid_t parent, const std::string& name,
                              const std::vector<std::size_t>& shape);
/// Writes `values` into index `row` of the first axis; their count must be the product of the
/// other axes.
template <class T>
void write_row(hid_t dataset, std::size_t row, std::span<const T> values);
/// Creates a number dataset, writes all of it, and returns it open (e.g. for attributes).
template <class T>
Dataset write_number_dataset(hid_t parent, const std::string& name, std::span<const T> values,
                             const std::vector<std::size_t>& shape);
/// Reads a whole number dataset; throws if it holds another class of numbers.
template <class T>
NdArray<T> read_number_dataset(hid_t parent, const std::string& name);

}  // namespace carecast::output::hdf5
