#include "output/hdf5_datasets.hpp"

#include <gtest/gtest.h>

#include <cstdint>

#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output::hdf5 {
namespace {

using testing::ScratchFolder;

class Hdf5DatasetTest : public ::testing::Test {
 protected:
  std::vector<hsize_t> chunk_of(const std::string& name) {
    Dataset dataset = open_dataset(file.get(), name);
    PropertyList creation(H5Dget_create_plist(dataset.get()));
    if (H5Pget_layout(creation.get()) != H5D_CHUNKED) return {};
    std::vector<hsize_t> chunk(8);
    int rank = H5Pget_chunk(creation.get(), 8, chunk.data());
    chunk.resize(static_cast<std::size_t>(rank));
    return chunk;
  }

  std::vector<H5Z_filter_t> filters_of(const std::string& name) {
    Dataset dataset = open_dataset(file.get(), name);
    PropertyList creation(H5Dget_create_plist(dataset.get()));
    std::vector<H5Z_filter_t> filters;
    for (int i = 0; i < H5Pget_nfilters(creation.get()); ++i) {
      unsigned flags = 0;
      std::size_t count = 4;
      unsigned values[4];
      char name_buffer[64];
      filters.push_back(H5Pget_filter2(creation.get(), static_cast<unsigned>(i), &flags, &count,
                                       values, sizeof name_buffer, name_buffer, nullptr));
    }
    return filters;
  }

  ScratchFolder folder;
  File file = create_file(folder / "d.h5");
};

TEST_F(Hdf5DatasetTest, StringVectorsRoundTrip) {
  std::vector<std::string> names{"støtte", "", "plejefamilie"};
  write_string_dataset(file.get(), "names", names);
  write_string_dataset(file.get(), "none", {});
  EXPECT_EQ(read_string_dataset(file.get(), "names"), names);
  EXPECT_TRUE(read_string_dataset(file.get(), "none").empty());
}

TEST_F(Hdf5DatasetTest, OneDimensionalNumbersRoundTripAsOneChunk) {
  std::vector<double> days{0.0, 31.0, 59.5};
  std::vector<std::int64_t> counts{-1, 0, 1LL << 40};
  write_number_dataset<double>(file.get(), "day", days, {3});
  write_number_dataset<std::int64_t>(file.get(), "count", counts, {3});
  EXPECT_EQ(read_number_dataset<double>(file.get(), "day").values, days);
  EXPECT_EQ(read_number_dataset<std::int64_t>(file.get(), "count").values, counts);
  EXPECT_EQ(read_number_dataset<double>(file.get(), "day").shape, std::vector<std::size_t>{3});
  EXPECT_EQ(chunk_of("day"), std::vector<hsize_t>{3});
}

TEST_F(Hdf5DatasetTest, RowsAreChunkedOnePerIndexOfTheFirstAxisAndCompressed) {
  Dataset dataset = create_number_dataset<std::int64_t>(file.get(), "stock", {2, 3, 4});
  std::vector<std::int64_t> first(12), second(12);
  for (std::size_t i = 0; i < 12; ++i) {
    first[i] = static_cast<std::int64_t>(i);
    second[i] = 100 + static_cast<std::int64_t>(i);
  }
  write_row<std::int64_t>(dataset.get(), 1, second);
  write_row<std::int64_t>(dataset.get(), 0, first);
  dataset.reset();

  NdArray<std::int64_t> array = read_number_dataset<std::int64_t>(file.get(), "stock");
  EXPECT_EQ(array.shape, (std::vector<std::size_t>{2, 3, 4}));
  std::vector<std::int64_t> expected = first;
  expected.insert(expected.end(), second.begin(), second.end());
  EXPECT_EQ(array.values, expected);
  EXPECT_EQ(chunk_of("stock"), (std::vector<hsize_t>{1, 3, 4}));
  EXPECT_EQ(filters_of("stock"),
            (std::vector<H5Z_filter_t>{H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE}));
}

TEST_F(Hdf5DatasetTest, DescribesShapeAndTypeClass) {
  write_number_dataset<double>(file.get(), "x", std::vector<double>(6, 1.0), {2, 3});
  DatasetDescription description = describe_dataset(file.get(), "x");
  EXPECT_EQ(description.shape, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(description.type_class, H5T_FLOAT);
}

TEST_F(Hdf5DatasetTest, EmptyArraysRoundTrip) {
  write_number_dataset<double>(file.get(), "empty", std::vector<double>{}, {0, 4});
  NdArray<double> array = read_number_dataset<double>(file.get(), "empty");
  EXPECT_TRUE(array.values.empty());
  EXPECT_EQ(array.shape, (std::vector<std::size_t>{0, 4}));
}

TEST_F(Hdf5DatasetTest, RejectsValuesThatDoNotFitTheShape) {
  EXPECT_THROW(write_number_dataset<double>(file.get(), "x", std::vector<double>(5), {2, 3}),
               OutputError);
  EXPECT_FALSE(exists(file.get(), "x"));
  Dataset dataset = create_number_dataset<double>(file.get(), "y", {2, 3});
  EXPECT_THROW(write_row<double>(dataset.get(), 0, std::vector<double>(2)), OutputError);
  EXPECT_THROW(write_row<double>(dataset.get(), 2, std::vector<double>(3)), OutputError);
}

TEST_F(Hdf5DatasetTest, RefusesToReadNumbersOfAnotherClass) {
  write_number_dataset<double>(file.get(), "real", std::vector<double>{1.5}, {1});
  write_string_dataset(file.get(), "text", {"a"});
  try {
    read_number_dataset<std::int64_t>(file.get(), "real");
    FAIL() << "no exception";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("'/real'"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("floating-point"), std::string::npos);
  }
  EXPECT_THROW(read_number_dataset<double>(file.get(), "text"), OutputError);
  EXPECT_THROW(read_string_dataset(file.get(), "real"), OutputError);
}

TEST_F(Hdf5DatasetTest, MissingDatasetsThrowNamingTheirPath) {
  try {
    read_number_dataset<double>(file.get(), "absent");
    FAIL() << "no exception";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot open dataset '/absent'"), std::string::npos)
        << error.what();
  }
}

TEST_F(Hdf5DatasetTest, DatasetsCarryNoTimeStamps) {
  write_number_dataset<double>(file.get(), "x", std::vector<double>{1.0}, {1});
  write_string_dataset(file.get(), "s", {"a"});
  for (const char* name : {"x", "s"}) {
    H5O_info_t info;
    ASSERT_GE(H5Oget_info_by_name2(file.get(), name, &info, H5O_INFO_TIME, H5P_DEFAULT), 0);
    EXPECT_EQ(info.ctime, 0) << name;
    EXPECT_EQ(info.mtime, 0) << name;
  }
  Dataspace space(H5Screate(H5S_SCALAR));
  Dataset timed(H5Dcreate2(file.get(), "timed", H5T_NATIVE_INT, space.get(), H5P_DEFAULT,
                           H5P_DEFAULT, H5P_DEFAULT));
  H5O_info_t control;  // HDF5's default does stamp times, so the check above means something
  ASSERT_GE(H5Oget_info_by_name2(file.get(), "timed", &control, H5O_INFO_TIME, H5P_DEFAULT), 0);
  EXPECT_NE(control.ctime, 0);
}

}  // namespace
}  // namespace carecast::output::hdf5
