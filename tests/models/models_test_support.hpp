#pragma once
// Helpers shared by the models tests: where the fixtures are, a scratch folder per test, and
// catching the InputError a reader throws so that its location and message can be checked.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "models/config/input_error.hpp"

namespace carecast::models::test_support {

inline std::filesystem::path source_dir() { return CARECAST_SOURCE_DIR; }
inline std::filesystem::path data_dir() { return source_dir() / "tests" / "models" / "data"; }
inline std::filesystem::path scenarios_dir() { return source_dir() / "scenarios"; }

/// Runs `action` and returns the InputError it throws, or nothing if it throws none.
template <class Action>
std::optional<InputError> input_error_of(Action&& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

/// A fresh folder under the build tree, removed at the end of the test.
class ScratchFolder {
 public:
  ScratchFolder() {
    static std::atomic<int> counter{0};
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(test ? test->test_suite_name() : "suite") + "." +
                       (test ? test->name() : "test") + "." + std::to_string(::getpid()) + "." +
                       std::to_string(counter++);
    path_ = std::filesystem::path(CARECAST_BINARY_DIR) / "models-test-scratch" / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace carecast::models::test_support
