#pragma once
// Running the carecast executable from the end-to-end tests: each test gets a fresh temporary
// folder to run in, and every command's exit status, stdout and stderr are captured (into files
// beside that folder, so that the folder itself holds only what carecast wrote).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace carecast::e2e {

namespace fs = std::filesystem;

inline fs::path source_dir() { return CARECAST_SOURCE_DIR; }
inline fs::path executable() { return CARECAST_EXECUTABLE; }
inline fs::path scenarios_dir() { return source_dir() / "scenarios"; }
inline fs::path malformed_dir() { return source_dir() / "tests" / "e2e" / "malformed"; }
inline fs::path e2e_data_dir() { return source_dir() / "tests" / "e2e" / "data"; }

/// Single-quotes a word for /bin/sh.
inline std::string quoted(const std::string& word) {
  std::string text = "'";
  for (char c : word) text += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return text + "'";
}

inline std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct CommandResult {
  int status = -1;  // the exit status, or -1 if the process did not exit normally
  std::string out;
  std::string err;
  std::string command;
};

inline std::ostream& operator<<(std::ostream& out, const CommandResult& result) {
  return out << "\n$ " << result.command << "\nexit status " << result.status << "\n--- stdout\n"
             << result.out << "--- stderr\n" << result.err << "---";
}

/// A fresh folder for one test: `work()` is where carecast runs; removed at the end.
class TestFolder {
 public:
  TestFolder() {
    std::string pattern = (fs::temp_directory_path() / "carecast-e2e-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (::mkdtemp(name.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    root_ = name.data();
    fs::create_directories(work());
  }
  ~TestFolder() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  TestFolder(const TestFolder&) = delete;
  TestFolder& operator=(const TestFolder&) = delete;

  fs::path work() const { return root_ / "work"; }

  /// Runs `carecast ARGS` (ARGS already quoted as needed) in work().
  CommandResult carecast(const std::string& args) const {
    CommandResult result;
    result.command = "carecast " + args;
    fs::path out = root_ / "stdout.txt", err = root_ / "stderr.txt";
    std::string line = "cd " + quoted(work().string()) + " && " + quoted(executable().string()) + " " +
                       args + " >" + quoted(out.string()) + " 2>" + quoted(err.string()) + " </dev/null";
    int raw = std::system(line.c_str());
    result.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.out = read_text(out);
    result.err = read_text(err);
    return result;
  }

  /// The names of everything in work(), hidden files included.
  std::set<std::string> files() const {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(work())) names.insert(entry.path().filename().string());
    return names;
  }

 private:
  fs::path root_;
};

inline std::string joined(const std::set<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "(nothing)" : text;
}

}  // namespace carecast::e2e
