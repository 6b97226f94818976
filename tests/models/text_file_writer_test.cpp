// TextFileWriter: every failure, the one at closing included, is a FileWriteError naming the file
// and giving the system's reason; nothing throws from a destructor.
#include "models/calibration/text_file_writer.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/models/file_size_limit.hpp"
#include "tests/models/models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using test_support::ScratchFolder;

std::string contents_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string message_of(const std::filesystem::path& file, const std::string& text) {
  try {
    write_text_file(file, text);
  } catch (const FileWriteError& error) {
    return error.what();
  }
  return "written";
}

TEST(TextFileWriter, WritesAndReplacesTheFile) {
  ScratchFolder scratch;
  write_text_file(scratch.path() / "a.txt", "a long first text\n");
  write_text_file(scratch.path() / "a.txt", "short\n");
  EXPECT_EQ(contents_of(scratch.path() / "a.txt"), "short\n");
}

TEST(TextFileWriter, AMissingFolderNamesTheFileAndTheReason) {
  ScratchFolder scratch;
  std::string message = message_of(scratch.path() / "absent" / "a.txt", "x");
  EXPECT_NE(message.find("cannot write '"), std::string::npos) << message;
  EXPECT_NE(message.find("a.txt': No such file or directory"), std::string::npos) << message;
}

TEST(TextFileWriter, AFullDiskNamesTheFileAndTheReason) {
  ScratchFolder scratch;
  std::string message;
  {
    test_io::FileSizeLimit limit(1000);
    message = message_of(scratch.path() / "a.txt", std::string(5000, 'x'));
  }
  EXPECT_NE(message.find("a.txt': File too large"), std::string::npos) << message;
}

TEST(TextFileWriter, AWriterLeftOpenByAFailureClosesQuietly) {
  ScratchFolder scratch;
  {
    test_io::FileSizeLimit limit(1000);
    TextFileWriter writer(scratch.path() / "a.txt");
    EXPECT_THROW(writer.write(std::string(5000, 'x')), FileWriteError);
  }
  SUCCEED();
}

}  // namespace
}  // namespace carecast::models::calibration
