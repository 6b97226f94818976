#include "output/hdf5_attributes.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output::hdf5 {
namespace {

using testing::ScratchFolder;

class Hdf5AttributeTest : public ::testing::Test {
 protected:
  ScratchFolder folder;
  File file = create_file(folder / "a.h5");
  Group group = create_group(file.get(), "g");
};

TEST_F(Hdf5AttributeTest, StringsRoundTripIncludingUtf8AndEmpty) {
  write_string_attribute(group.get(), "label", "Døgninstitution – sikret");
  write_string_attribute(group.get(), "empty", "");
  EXPECT_EQ(read_string_attribute(group.get(), "label"), "Døgninstitution – sikret");
  EXPECT_EQ(read_string_attribute(group.get(), "empty"), "");
}

TEST_F(Hdf5AttributeTest, LongStringsFitBecauseTheyAreVariableLength) {
  std::string text(200000, 'x');
  write_string_attribute(group.get(), "scenario", text);
  EXPECT_EQ(read_string_attribute(group.get(), "scenario"), text);
}

TEST_F(Hdf5AttributeTest, StringListsRoundTripIncludingEmptyLists) {
  std::vector<std::string> names{"replicate", "time", "", "tilstand"};
  write_string_list_attribute(group.get(), "dimensions", names);
  write_string_list_attribute(group.get(), "none", {});
  EXPECT_EQ(read_string_list_attribute(group.get(), "dimensions"), names);
  EXPECT_TRUE(read_string_list_attribute(group.get(), "none").empty());
}

TEST_F(Hdf5AttributeTest, StringsAreStoredAsVariableLengthUtf8) {
  write_string_attribute(group.get(), "label", "x");
  Attribute attribute(H5Aopen(group.get(), "label", H5P_DEFAULT));
  Datatype type(H5Aget_type(attribute.get()));
  EXPECT_GT(H5Tis_variable_str(type.get()), 0);
  EXPECT_EQ(H5Tget_cset(type.get()), H5T_CSET_UTF8);
}

TEST_F(Hdf5AttributeTest, NumbersRoundTripAtTheirLimits) {
  write_number_attribute<std::uint64_t>(group.get(), "seed",
                                        std::numeric_limits<std::uint64_t>::max());
  write_number_attribute<std::int64_t>(group.get(), "threads", -5);
  write_number_attribute<double>(group.get(), "wall", 0.1);
  EXPECT_EQ(read_number_attribute<std::uint64_t>(group.get(), "seed"),
            std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(read_number_attribute<std::int64_t>(group.get(), "threads"), -5);
  EXPECT_EQ(read_number_attribute<double>(group.get(), "wall"), 0.1);
}

TEST_F(Hdf5AttributeTest, ReportsPresence) {
  write_string_attribute(group.get(), "label", "x");
  EXPECT_TRUE(has_attribute(group.get(), "label"));
  EXPECT_FALSE(has_attribute(group.get(), "other"));
}

TEST_F(Hdf5AttributeTest, ReadsFixedLengthStringsWrittenByOtherTools) {
  Datatype type(H5Tcopy(H5T_C_S1));
  H5Tset_size(type.get(), 8);
  H5Tset_strpad(type.get(), H5T_STR_NULLPAD);
  hsize_t count = 2;
  Dataspace space(H5Screate_simple(1, &count, nullptr));
  Attribute attribute(
      H5Acreate2(group.get(), "fixed", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT));
  const char data[16] = {'t', 'i', 'm', 'e', 0, 0, 0, 0, 's', 't', 'a', 't', 'e', 0, 0, 0};
  H5Awrite(attribute.get(), type.get(), data);
  EXPECT_EQ(read_string_list_attribute(group.get(), "fixed"),
            (std::vector<std::string>{"time", "state"}));
}

TEST_F(Hdf5AttributeTest, MissingOrMistypedAttributesThrowNamingThem) {
  write_string_attribute(group.get(), "label", "x");
  write_number_attribute<double>(group.get(), "wall", 1.0);
  try {
    read_string_attribute(group.get(), "absent");
    FAIL() << "no exception";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("'/g/absent'"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("a.h5"), std::string::npos) << error.what();
  }
  EXPECT_THROW(read_number_attribute<double>(group.get(), "label"), OutputError);
  EXPECT_THROW(read_number_attribute<std::int64_t>(group.get(), "wall"), OutputError);
  EXPECT_THROW(read_string_attribute(group.get(), "wall"), OutputError);
}

TEST_F(Hdf5AttributeTest, AListIsNotASingleString) {
  write_string_list_attribute(group.get(), "names", {"a", "b"});
  EXPECT_THROW(read_string_attribute(group.get(), "names"), OutputError);
}

}  // namespace
}  // namespace carecast::output::hdf5
