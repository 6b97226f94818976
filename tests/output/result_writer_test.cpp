#include "output/result_writer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "output/output_error.hpp"
#include "output/result_file.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output {
namespace {

using testing::file_bytes;
using testing::ScratchFolder;
using testing::synthetic_result;

bool h5diff_available() { return std::system("h5diff --version > /dev/null 2>&1") == 0; }

/// h5diff's exit status: 0 no differences, 1 differences, 2 error.
int h5diff_excluding_run_info(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::string command =
      "h5diff --exclude-path /run_info '" + a.string() + "' '" + b.string() + "' > /dev/null 2>&1";
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(WriteResultTest, WritesTheFileAndNothingElse) {
  ScratchFolder folder;
  write_result(synthetic_result(), folder / "r.h5", false);
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"r.h5"});
  EXPECT_EQ(ResultFile(folder / "r.h5").provenance().replicates, 3u);
}

TEST(WriteResultTest, RefusesToOverwriteWithoutBeingTold) {
  ScratchFolder folder;
  testing::write_text(folder / "r.h5", "precious");
  EXPECT_THROW(write_result(synthetic_result(), folder / "r.h5", false), OutputError);
  EXPECT_EQ(file_bytes(folder / "r.h5"), "precious");
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"r.h5"});
}

TEST(WriteResultTest, OverwritesWhenTold) {
  ScratchFolder folder;
  write_result(synthetic_result(2), folder / "r.h5", false);
  write_result(synthetic_result(4), folder / "r.h5", true);
  EXPECT_EQ(ResultFile(folder / "r.h5").provenance().replicates, 4u);
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"r.h5"});
}

TEST(WriteResultTest, AnInvalidResultLeavesNoFile) {
  ScratchFolder folder;
  models::RunResult result = synthetic_result();
  result.layout = nullptr;
  EXPECT_THROW(write_result(result, folder / "r.h5", false), OutputError);
  EXPECT_TRUE(folder.listing().empty());
}

TEST(WriteResultTest, AnInvalidResultLeavesAnExistingTargetByteIdentical) {
  ScratchFolder folder;
  write_result(synthetic_result(), folder / "r.h5", false);
  std::string before = file_bytes(folder / "r.h5");
  models::RunResult result = synthetic_result(3);
  auto other = std::make_shared<engine::TallyLayout>();
  other->add_counts("stock", {1});
  result.replicates[2] = engine::Tally(other);
  EXPECT_THROW(write_result(result, folder / "r.h5", true), OutputError);
  EXPECT_EQ(file_bytes(folder / "r.h5"), before);
  EXPECT_EQ(folder.listing(), std::vector<std::string>{"r.h5"});
}

TEST(WriteResultTest, AMissingFolderIsReportedBeforeAnythingIsWritten) {
  ScratchFolder folder;
  EXPECT_THROW(write_result(synthetic_result(), folder / "absent" / "r.h5", false), OutputError);
  EXPECT_TRUE(folder.listing().empty());
}

TEST(WriteResultTest, TheSameResultGivesByteIdenticalFilesEvenSecondsApart) {
  ScratchFolder folder;
  write_result(synthetic_result(), folder / "a.h5", false);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // past a time-stamp tick
  write_result(synthetic_result(), folder / "b.h5", false);
  EXPECT_EQ(file_bytes(folder / "a.h5"), file_bytes(folder / "b.h5"));
}

TEST(WriteResultTest, RunsThatDifferOnlyInRunInfoCompareEqualWithH5diff) {
  if (!h5diff_available()) GTEST_SKIP() << "h5diff is not installed";
  ScratchFolder folder;
  models::RunResult first = synthetic_result();
  models::RunResult second = synthetic_result();
  second.provenance.threads = 1;
  second.provenance.ranks = 4;
  second.provenance.host = "elsewhere";
  second.provenance.command_line = "mpirun carecast run";
  second.provenance.started_at = "2026-06-01T00:00:00Z";
  second.provenance.finished_at = "2026-06-01T00:01:00Z";
  second.provenance.wall_seconds = 60.0;
  write_result(first, folder / "a.h5", false);
  write_result(second, folder / "b.h5", false);
  EXPECT_NE(file_bytes(folder / "a.h5"), file_bytes(folder / "b.h5"));
  EXPECT_EQ(h5diff_excluding_run_info(folder / "a.h5", folder / "b.h5"), 0);
}

TEST(WriteResultTest, H5diffSeesADifferenceInTheData) {
  if (!h5diff_available()) GTEST_SKIP() << "h5diff is not installed";
  ScratchFolder folder;
  models::RunResult changed = synthetic_result();
  changed.replicates[1].counts(0)[3] += 1;
  write_result(synthetic_result(), folder / "a.h5", false);
  write_result(changed, folder / "b.h5", false);
  EXPECT_EQ(h5diff_excluding_run_info(folder / "a.h5", folder / "b.h5"), 1);
}

}  // namespace
}  // namespace carecast::output
