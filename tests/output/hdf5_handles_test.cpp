#include "output/hdf5_handles.hpp"

#include <gtest/gtest.h>

#include <string>

#include "output/hdf5_attributes.hpp"
#include "output/output_error.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output::hdf5 {
namespace {

using testing::ScratchFolder;

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const OutputError& error) {
    return error.what();
  }
  return "no OutputError";
}

TEST(Hdf5HandleTest, ClosesOnDestructionAndTransfersOwnershipOnMove) {
  hid_t id = H5Screate(H5S_SCALAR);
  {
    Dataspace first(id);
    Dataspace second(std::move(first));
    EXPECT_FALSE(first.valid());
    EXPECT_EQ(second.get(), id);
    EXPECT_GT(H5Iis_valid(id), 0);
  }
  EXPECT_LE(H5Iis_valid(id), 0);
}

TEST(Hdf5HandleTest, ResetClosesAndMoveAssignmentClosesTheOldId) {
  hid_t old_id = H5Screate(H5S_SCALAR);
  hid_t new_id = H5Screate(H5S_SCALAR);
  Dataspace space(old_id);
  space = Dataspace(new_id);
  EXPECT_LE(H5Iis_valid(old_id), 0);
  EXPECT_EQ(space.get(), new_id);
  space.reset();
  EXPECT_FALSE(space.valid());
  EXPECT_LE(H5Iis_valid(new_id), 0);
}

/// A file with metadata that HDF5 keeps in its cache until the file is flushed or closed.
File file_with_cached_metadata(const std::filesystem::path& path) {
  File file = create_file(path);
  for (int g = 0; g < 20; ++g) {
    Group group = create_group(file.get(), "g" + std::to_string(g));
    write_string_attribute(group.get(), "text", std::string(500, 'x'));
  }
  return file;
}

long open_identifiers() { return static_cast<long>(H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL)); }

TEST(Hdf5FileTest, CloseFileWritesTheFileOut) {
  ScratchFolder folder;
  File file = file_with_cached_metadata(folder / "f.h5");
  close_file(file);
  EXPECT_FALSE(file.valid());
  File read = open_file_read_only(folder / "f.h5");
  EXPECT_TRUE(exists(read.get(), "g19"));
}

TEST(Hdf5FileTest, AFileBeingWrittenThatIsDroppedIsDiscardedAndClosed) {
  ScratchFolder folder;
  { File file = file_with_cached_metadata(folder / "f.h5"); }  // as on a failure path
  EXPECT_EQ(open_identifiers(), 0);
  File next = create_file(folder / "next.h5");
  EXPECT_NO_THROW(close_file(next));
}

TEST(Hdf5FileTest, OpeningAMissingFileNamesIt) {
  ScratchFolder folder;
  std::string message = message_of([&] { open_file_read_only(folder / "absent.h5"); });
  EXPECT_NE(message.find("cannot open file"), std::string::npos) << message;
  EXPECT_NE(message.find("absent.h5"), std::string::npos) << message;
}

TEST(Hdf5FileTest, FailuresNameTheFileAndTheObjectPath) {
  ScratchFolder folder;
  File file = create_file(folder / "f.h5");
  Group group = create_group(file.get(), "outer");
  std::string message = message_of([&] { open_group(group.get(), "inner"); });
  EXPECT_NE(message.find("cannot open group '/outer/inner'"), std::string::npos) << message;
  EXPECT_NE(message.find("f.h5"), std::string::npos) << message;
}

TEST(Hdf5FileTest, CreatingAGroupTwiceFails) {
  ScratchFolder folder;
  File file = create_file(folder / "f.h5");
  create_group(file.get(), "g");
  EXPECT_THROW(create_group(file.get(), "g"), OutputError);
}

TEST(Hdf5FileTest, RecognisesHdf5Files) {
  ScratchFolder folder;
  File file = create_file(folder / "f.h5");
  close_file(file);
  EXPECT_FALSE(file.valid());
  testing::write_text(folder / "t.txt", "not hdf5");
  EXPECT_TRUE(is_hdf5_file(folder / "f.h5"));
  EXPECT_FALSE(is_hdf5_file(folder / "t.txt"));
  EXPECT_FALSE(is_hdf5_file(folder / "absent.h5"));
}

TEST(Hdf5GroupTest, ListsMembersInCreationOrder) {
  ScratchFolder folder;
  File file = create_file(folder / "f.h5");
  Group group = create_group(file.get(), "g");
  for (const char* name : {"b", "c", "a"}) create_group(group.get(), name);
  EXPECT_EQ(member_names(group.get()), (std::vector<std::string>{"b", "c", "a"}));
}

TEST(Hdf5GroupTest, ListsMembersByNameWhereOrderIsNotTracked) {
  ScratchFolder folder;
  File file = create_file(folder / "f.h5");
  for (const char* name : {"b", "c", "a"})
    Group(H5Gcreate2(file.get(), name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
  Group root = open_group(file.get(), "/");
  EXPECT_EQ(member_names(root.get()), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Hdf5GroupTest, ExistsFollowsNestedPaths) {
  ScratchFolder folder;
  File file = create_file(folder / "f.h5");
  Group outer = create_group(file.get(), "outer");
  create_group(outer.get(), "inner");
  EXPECT_TRUE(exists(file.get(), "outer"));
  EXPECT_TRUE(exists(file.get(), "outer/inner"));
  EXPECT_FALSE(exists(file.get(), "outer/other"));
  EXPECT_FALSE(exists(file.get(), "missing/inner"));
}

TEST(Hdf5GroupTest, GroupsAndTheRootCarryNoTimeStamps) {
  ScratchFolder folder;
  File file = create_file(folder / "f.h5");
  create_group(file.get(), "g");
  for (const char* name : {"/", "g"}) {
    H5O_info_t info;
    ASSERT_GE(H5Oget_info_by_name2(file.get(), name, &info, H5O_INFO_TIME, H5P_DEFAULT), 0);
    EXPECT_EQ(info.ctime, 0) << name;
    EXPECT_EQ(info.mtime, 0) << name;
  }
}

}  // namespace
}  // namespace carecast::output::hdf5
