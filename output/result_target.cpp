#include "output/result_target.hpp"

#include <fcntl.h>
#include <signal.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include "output/output_error.hpp"

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& target) {
  fs::path folder = target.parent_path();
  return folder.empty() ? fs::path(".") : folder;
}

[[noreturn]] void throw_exists(const fs::path& target) {
  throw OutputError(
      fmt::format("result file '{}' exists; pass --force to overwrite it", target.string()));
}

void check_folder(const fs::path& target) {
  fs::path folder = folder_of(target);
  std::error_code error;
  if (!fs::exists(folder, error))
    throw OutputError(fmt::format("folder '{}' for result file '{}' does not exist",
                                  folder.string(), target.string()));
  if (!fs::is_directory(folder, error))
    throw OutputError(
        fmt::format("'{}' for result file '{}' is not a folder", folder.string(), target.string()));
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    throw OutputError(fmt::format("folder '{}' for result file '{}' is not writable",
                                  folder.string(), target.string()));
}

void flush_to_disk(const fs::path& file) {
  int descriptor = ::open(file.c_str(), O_RDONLY);
  bool flushed = descriptor >= 0 && ::fsync(descriptor) == 0;
  if (descriptor >= 0) ::close(descriptor);
  if (!flushed)
    throw OutputError(
        fmt::format("cannot flush '{}' to disk: {}", file.string(), std::strerror(errno)));
}

void replace(const fs::path& temporary, const fs::path& target) {
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error)
    throw OutputError(fmt::format("cannot rename '{}' to '{}': {}", temporary.string(),
                                  target.string(), error.message()));
}

/// A hard link creates the target only if it does not exist, in one step; where the file system
/// has no hard links, fall back to checking and renaming.
void publish_without_overwrite(const fs::path& temporary, const fs::path& target) {
  if (::link(temporary.c_str(), target.c_str()) == 0) {
    std::error_code ignored;  // the result is published; a leftover name is only untidy
    fs::remove(temporary, ignored);
    return;
  }
  if (errno == EEXIST || fs::exists(target)) throw_exists(target);
  replace(temporary, target);
}

void publish(const fs::path& temporary, const fs::path& target, bool overwrite) {
  if (overwrite)
    replace(temporary, target);
  else
    publish_without_overwrite(temporary, target);
}

/// Whether a process with this id is running (or exists but is not ours to signal).
bool process_exists(long pid) { return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM; }

/// Temporaries of `target` (".NAME.partial-PID") left by a run that was killed before it could
/// remove its own: their process is gone. A live process's temporary is never touched.
void remove_abandoned_temporaries(const fs::path& target) {
  const std::string prefix = fmt::format(".{}.partial-", target.filename().string());
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder_of(target), error)) {
    std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
    if (!process_exists(std::stol(digits))) fs::remove(entry.path(), error);
  }
}

void remove_quietly(const std::vector<fs::path>& files) {
  std::error_code ignored;
  for (const fs::path& file : files) fs::remove(file, ignored);
}

}  // namespace

void check_result_target(const fs::path& target, bool overwrite) {
  std::error_code error;
  if (fs::is_directory(target, error))
    throw OutputError(fmt::format("result file '{}' is a folder", target.string()));
  if (fs::exists(target, error) && !overwrite) throw_exists(target);
  check_folder(target);
}

fs::path temporary_path_for(const fs::path& target) {
  return folder_of(target) /
         fmt::format(".{}.partial-{}", target.filename().string(), static_cast<long>(::getpid()));
}

void write_atomically(const fs::path& target, bool overwrite, const FileWriter& write) {
  write_all_atomically({{target, write}}, overwrite);
}

void write_all_atomically(const std::vector<FileToWrite>& files, bool overwrite) {
  for (const FileToWrite& file : files) remove_abandoned_temporaries(file.target);
  std::vector<fs::path> temporaries, published;
  try {
    for (const FileToWrite& file : files) {
      temporaries.push_back(temporary_path_for(file.target));
      file.write(temporaries.back());
    }
    for (const fs::path& temporary : temporaries) flush_to_disk(temporary);
    for (std::size_t f = 0; f < files.size(); ++f) {
      publish(temporaries[f], files[f].target, overwrite);
      published.push_back(files[f].target);
    }
  } catch (...) {
    remove_quietly(temporaries);
    if (!overwrite) remove_quietly(published);
    throw;
  }
}

}  // namespace carecast::output
