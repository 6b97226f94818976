#include "output/stored_array.hpp"

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/result_schema.hpp"

namespace carecast::output {

template <class T>
ResultArray<T> read_stored_array(hid_t group, const std::string& name) {
  hdf5::NdArray<T> array = hdf5::read_number_dataset<T>(group, name);
  hdf5::Dataset dataset = hdf5::open_dataset(group, name);
  return {std::move(array.values), std::move(array.shape),
          hdf5::read_string_list_attribute(dataset.get(), schema::dimensions)};
}

SummaryArray read_stored_summary(hid_t group, const std::string& name) {
  SummaryArray summary{read_stored_array<double>(group, name), {}};
  hdf5::Dataset dataset = hdf5::open_dataset(group, name);
  summary.statistics = hdf5::read_string_list_attribute(dataset.get(), schema::statistics);
  return summary;
}

template ResultArray<std::int64_t> read_stored_array<std::int64_t>(hid_t, const std::string&);
template ResultArray<double> read_stored_array<double>(hid_t, const std::string&);

}  // namespace carecast::output
