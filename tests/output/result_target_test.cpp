#include "output/result_target.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output {
namespace {

using testing::file_bytes;
using testing::ScratchFolder;
using testing::write_text;

std::string message_of(const std::filesystem::path& target, bool overwrite) {
  try {
    check_result_target(target, overwrite);
  } catch (const OutputError& error) {
    return error.what();
  }
  return "accepted";
}

TEST(CheckResultTargetTest, AcceptsANewFileInAnExistingFolder) {
  ScratchFolder folder;
  EXPECT_NO_THROW(check_result_target(folder / "new.h5", false));
}

TEST(CheckResultTargetTest, RefusesAnExistingFileWithoutOverwrite) {
  ScratchFolder folder;
  write_text(folder / "old.h5", "old");
  std::string message = message_of(folder / "old.h5", false);
  EXPECT_NE(message.find("old.h5' exists; pass --force to overwrite it"), std::string::npos)
      << message;
}

TEST(CheckResultTargetTest, AcceptsAnExistingFileWithOverwrite) {
  ScratchFolder folder;
  write_text(folder / "old.h5", "old");
  EXPECT_NO_THROW(check_result_target(folder / "old.h5", true));
}

TEST(CheckResultTargetTest, RefusesAMissingFolder) {
  ScratchFolder folder;
  std::string message = message_of(folder / "absent" / "new.h5", false);
  EXPECT_NE(message.find("absent' for result file"), std::string::npos) << message;
  EXPECT_NE(message.find("does not exist"), std::string::npos) << message;
}

TEST(CheckResultTargetTest, RefusesAFolderThatIsAFile) {
  ScratchFolder folder;
  write_text(folder / "plain", "x");
  EXPECT_NE(message_of(folder / "plain" / "new.h5", true).find("is not a folder"),
            std::string::npos);
}

TEST(CheckResultTargetTest, RefusesATargetThatIsAFolder) {
  ScratchFolder folder;
  std::filesystem::create_directory(folder / "sub");
  EXPECT_NE(message_of(folder / "sub", true).find("is a folder"), std::string::npos);
}

TEST(CheckResultTargetTest, RefusesAFolderItCannotWrite) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write anywhere";
  ScratchFolder folder;
  std::filesystem::create_directory(folder / "locked");
  std::filesystem::permissions(
      folder / "locked", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  EXPECT_NE(message_of(folder / "locked" / "new.h5", false).find("is not writable"),
            std::string::npos);
  std::filesystem::permissions(folder / "locked", std::filesystem::perms::owner_all);
}

TEST(CheckResultTargetTest, AcceptsABareFileNameInTheWorkingFolder) {
  ScratchFolder folder;
  auto previous = std::filesystem::current_path();
  std::filesystem::current_path(folder.path());
  EXPECT_NO_THROW(check_result_target("new.h5", false));
  std::filesystem::current_path(previous);
}

TEST(TemporaryPathTest, IsAHiddenNameInTheSameFolder) {
  std::filesystem::path temporary = temporary_path_for("/data/runs/result.h5");
  EXPECT_EQ(temporary.parent_path(), "/data/runs");
  EXPECT_EQ(temporary.filename().string(), ".result.h5.partial-" + std::to_string(::getpid()));
  EXPECT_EQ(temporary_path_for("result.h5").parent_path(), ".");
}

TEST(WriteAtomicallyTest, PublishesTheFileAndLeavesNothingElse) {
  ScratchFolder folder;
  write_atomically(folder / "r.h5", false, [](const std::filesystem::path& temporary) {
    write_text(temporary, "content");
  });
  EXPECT_EQ(file_bytes(folder / "r.h5"), "content");
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"r.h5"});
}

/// The id of a process that has just ended (a child that exited and was reaped).
long ended_process() {
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return static_cast<long>(child);
}

// A run killed while writing leaves its temporary; the next write to that target clears it, but
// never the temporary of a process still running, nor another target's.
TEST(WriteAtomicallyTest, RemovesTemporariesOfTheTargetLeftByEndedProcesses) {
  ScratchFolder folder;
  const std::string abandoned = ".r.h5.partial-" + std::to_string(ended_process());
  const std::string live = ".r.h5.partial-" + std::to_string(static_cast<long>(::getppid()));
  const std::string other = ".other.h5.partial-" + std::to_string(ended_process());
  for (const std::string& name : {abandoned, live, other}) write_text(folder / name, "left behind");
  write_atomically(folder / "r.h5", false, [](const std::filesystem::path& temporary) {
    write_text(temporary, "content");
  });
  EXPECT_EQ(folder.listing(), (std::vector<std::string>{other, live, "r.h5"}));  // sorted by name
}

TEST(WriteAtomicallyTest, ReplacesAnExistingFileWhenToldTo) {
  ScratchFolder folder;
  write_text(folder / "r.h5", "old");
  write_atomically(folder / "r.h5", true,
                   [](const std::filesystem::path& temporary) { write_text(temporary, "new"); });
  EXPECT_EQ(file_bytes(folder / "r.h5"), "new");
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"r.h5"});
}

TEST(WriteAtomicallyTest, AFailureHalfwayLeavesNoFileBehind) {
  ScratchFolder folder;
  auto fail_halfway = [](const std::filesystem::path& temporary) {
    hdf5::File file = hdf5::create_file(temporary);
    hdf5::create_group(file.get(), "half");
    throw std::runtime_error("disk on fire");
  };
  EXPECT_THROW(write_atomically(folder / "r.h5", false, fail_halfway), std::runtime_error);
  EXPECT_TRUE(folder.listing().empty());
}

TEST(WriteAtomicallyTest, AFailureHalfwayLeavesAnExistingTargetByteIdentical) {
  ScratchFolder folder;
  write_text(folder / "r.h5", "precious");
  auto fail_halfway = [](const std::filesystem::path& temporary) {
    write_text(temporary, "partial");
    throw OutputError("cannot write");
  };
  EXPECT_THROW(write_atomically(folder / "r.h5", true, fail_halfway), OutputError);
  EXPECT_EQ(file_bytes(folder / "r.h5"), "precious");
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"r.h5"});
}

TEST(WriteAtomicallyTest, NeverReplacesATargetThatAppearedDuringTheWrite) {
  ScratchFolder folder;
  auto write_while_another_appears = [&](const std::filesystem::path& temporary) {
    write_text(temporary, "mine");
    write_text(folder / "r.h5", "theirs");
  };
  try {
    write_atomically(folder / "r.h5", false, write_while_another_appears);
    FAIL() << "no exception";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("exists; pass --force"), std::string::npos);
  }
  EXPECT_EQ(file_bytes(folder / "r.h5"), "theirs");
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"r.h5"});
}

FileWriter writes(const std::string& text) {
  return [text](const std::filesystem::path& temporary) { write_text(temporary, text); };
}

TEST(WriteAllAtomicallyTest, PublishesEveryFileAndLeavesNothingElse) {
  ScratchFolder folder;
  write_all_atomically({{folder / "r.h5", writes("result")}, {folder / "e.csv", writes("episodes")}}, false);
  EXPECT_EQ(file_bytes(folder / "r.h5"), "result");
  EXPECT_EQ(file_bytes(folder / "e.csv"), "episodes");
  EXPECT_EQ(folder.listing(), (std::vector<std::string>{"e.csv", "r.h5"}));
}

TEST(WriteAllAtomicallyTest, AFailureInTheLastFilePublishesNoneAndKeepsEveryOldFile) {
  ScratchFolder folder;
  write_text(folder / "r.h5", "old result");
  write_text(folder / "e.csv", "old episodes");
  auto fail_halfway = [](const std::filesystem::path& temporary) {
    write_text(temporary, "partial");
    throw OutputError("cannot write episode file: No space left on device");
  };
  EXPECT_THROW(write_all_atomically({{folder / "r.h5", writes("new result")}, {folder / "e.csv", fail_halfway}}, true),
               OutputError);
  EXPECT_EQ(file_bytes(folder / "r.h5"), "old result");
  EXPECT_EQ(file_bytes(folder / "e.csv"), "old episodes");
  EXPECT_EQ(folder.listing(), (std::vector<std::string>{"e.csv", "r.h5"}));
}

TEST(WriteAllAtomicallyTest, ARenameFailingHalfWayPutsBackTheResultsAlreadyReplaced) {
  ScratchFolder folder;
  write_text(folder / "r.h5", "old result");
  auto write_while_a_folder_takes_the_name = [&](const std::filesystem::path& temporary) {
    write_text(temporary, "new episodes");
    std::filesystem::create_directory(folder / "e.csv");
    write_text(folder / "e.csv" / "inside", "keeps the folder from being replaced");
  };
  EXPECT_THROW(write_all_atomically({{folder / "r.h5", writes("new result")},
                                     {folder / "e.csv", write_while_a_folder_takes_the_name}},
                                    true),
               OutputError);
  EXPECT_EQ(file_bytes(folder / "r.h5"), "old result");
  EXPECT_EQ(folder.listing(), (std::vector<std::string>{"e.csv", "r.h5"}));
}

TEST(WriteAllAtomicallyTest, OverwritingKeepsNoCopyOfTheEarlierResults) {
  ScratchFolder folder;
  write_text(folder / "r.h5", "old result");
  write_text(folder / "e.csv", "old episodes");
  write_all_atomically({{folder / "r.h5", writes("new result")}, {folder / "e.csv", writes("new episodes")}}, true);
  EXPECT_EQ(file_bytes(folder / "r.h5"), "new result");
  EXPECT_EQ(file_bytes(folder / "e.csv"), "new episodes");
  EXPECT_EQ(folder.listing(), (std::vector<std::string>{"e.csv", "r.h5"}));
}

TEST(WriteAllAtomicallyTest, RemovesACopyOfAnEarlierResultLeftByAKilledRun) {
  ScratchFolder folder;
  write_text(folder / "r.h5", "old result");
  write_text(folder / ".r.h5.previous-999999999", "copy left by a killed run");
  write_all_atomically({{folder / "r.h5", writes("new result")}}, true);
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"r.h5"});
}

TEST(WriteAllAtomicallyTest, AFailureInTheLastFileLeavesNoNewFile) {
  ScratchFolder folder;
  auto fail = [](const std::filesystem::path&) { throw std::runtime_error("disk on fire"); };
  EXPECT_THROW(write_all_atomically({{folder / "r.h5", writes("result")}, {folder / "e.csv", fail}}, false),
               std::runtime_error);
  EXPECT_TRUE(folder.listing().empty());
}

TEST(WriteAllAtomicallyTest, ATargetThatAppearedDuringTheWriteWithdrawsTheOthers) {
  ScratchFolder folder;
  auto write_while_another_appears = [&](const std::filesystem::path& temporary) {
    write_text(temporary, "mine");
    write_text(folder / "e.csv", "theirs");
  };
  EXPECT_THROW(write_all_atomically({{folder / "r.h5", writes("result")}, {folder / "e.csv", write_while_another_appears}},
                                    false),
               OutputError);
  EXPECT_EQ(file_bytes(folder / "e.csv"), "theirs");
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"e.csv"});
}

}  // namespace
}  // namespace carecast::output
