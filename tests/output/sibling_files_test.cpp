#include "output/sibling_files.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "output/output_error.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output {
namespace {

using testing::ScratchFolder;
using testing::write_text;

/// The id of a process that has just ended (a child that exited and was reaped).
std::string ended_process() {
  pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return std::to_string(static_cast<long>(child));
}

TEST(SiblingFilesTest, NamesASiblingByTargetRoleAndThisProcess) {
  EXPECT_EQ(sibling_of("out/r.h5", "partial"), std::filesystem::path("out/.r.h5.partial-" + std::to_string(::getpid())));
  EXPECT_EQ(sibling_of("r.h5", "previous"), std::filesystem::path("./.r.h5.previous-" + std::to_string(::getpid())));
}

TEST(SiblingFilesTest, RemovesOnlyTheGivenRolesOfTheTargetWhoseProcessEnded) {
  ScratchFolder folder;
  const std::string live = std::to_string(static_cast<long>(::getppid()));
  const std::string abandoned_file = ".r.partial-" + ended_process();
  const std::string abandoned_folder = ".r.replaced-" + ended_process();
  const std::string running = ".r.partial-" + live;
  const std::string other_role = ".r.backup-" + ended_process();
  const std::string other_target = ".s.partial-" + ended_process();
  const std::string not_a_process = ".r.partial-12x";
  for (const std::string& name : {abandoned_file, running, other_role, other_target, not_a_process})
    write_text(folder / name, "left behind");
  std::filesystem::create_directory(folder / abandoned_folder);
  write_text(folder / abandoned_folder / "inside.csv", "left behind");

  remove_abandoned_siblings(folder / "r", {"partial", "replaced"});

  std::vector<std::string> expected{not_a_process, running, other_role, other_target};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(folder.listing(), expected);
}

TEST(SiblingFilesTest, FlushingAMissingFileNamesIt) {
  ScratchFolder folder;
  try {
    flush_to_disk(folder / "missing.h5");
    FAIL() << "no exception";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("missing.h5"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace carecast::output
