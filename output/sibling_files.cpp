#include "output/sibling_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include "output/output_error.hpp"

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

/// Whether a process with this id is running (or exists but is not ours to signal).
bool process_exists(long pid) { return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM; }

/// The process id that ends `name` after `prefix`, or -1 if `name` is not prefix + digits.
long owner_of(const std::string& name, const std::string& prefix) {
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return -1;
  std::string digits = name.substr(prefix.size());
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) return -1;
  return std::stol(digits);
}

}  // namespace

fs::path folder_of(const fs::path& target) {
  fs::path folder = target.parent_path();
  return folder.empty() ? fs::path(".") : folder;
}

fs::path sibling_of(const fs::path& target, std::string_view role) {
  return folder_of(target) / fmt::format(".{}.{}-{}", target.filename().string(), role,
                                         static_cast<long>(::getpid()));
}

void remove_abandoned_siblings(const fs::path& target, std::initializer_list<std::string_view> roles) {
  const std::string name_of_target = target.filename().string();
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder_of(target), error)) {
    std::string name = entry.path().filename().string();
    for (std::string_view role : roles) {
      long owner = owner_of(name, fmt::format(".{}.{}-", name_of_target, role));
      if (owner >= 0 && !process_exists(owner)) fs::remove_all(entry.path(), error);
    }
  }
}

void flush_to_disk(const fs::path& path) {
  int descriptor = ::open(path.c_str(), O_RDONLY);
  bool flushed = descriptor >= 0 && ::fsync(descriptor) == 0;
  if (descriptor >= 0) ::close(descriptor);
  if (!flushed)
    throw OutputError(fmt::format("cannot flush '{}' to disk: {}", path.string(), std::strerror(errno)));
}

}  // namespace carecast::output
