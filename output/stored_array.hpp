#pragma once
// Reads one array dataset of a carecast file (a result, a sweep or a comparison) with the axis
// names of its `dimensions` attribute, and a summary with the names of its `statistics`.
#include <hdf5.h>

#include <cstdint>
#include <string>

#include "output/result_file.hpp"

namespace carecast::output {

/// The dataset `name` of `group` (T is std::int64_t or double); throws OutputError if it is
/// missing, holds another class of numbers, or has no `dimensions`.
template <class T>
ResultArray<T> read_stored_array(hid_t group, const std::string& name);

/// The summary dataset `name` of `group` [statistic, ...], with its `statistics`.
SummaryArray read_stored_summary(hid_t group, const std::string& name);

extern template ResultArray<std::int64_t> read_stored_array<std::int64_t>(hid_t, const std::string&);
extern template ResultArray<double> read_stored_array<double>(hid_t, const std::string&);

}  // namespace carecast::output
