#include "output/result_target.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>
#include <vector>

#include "output/output_error.hpp"
#include "output/sibling_files.hpp"

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

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

void remove_quietly(const std::vector<fs::path>& files) {
  std::error_code ignored;
  for (const fs::path& file : files) fs::remove(file, ignored);
}

/// Publishes several temporaries onto their targets as one step that can be undone: with
/// `overwrite`, each existing target is first kept under a second name (a hard link, so nothing
/// is copied), so that a rename failing half-way puts every earlier result back.
class Publication {
 public:
  explicit Publication(bool overwrite) : overwrite_(overwrite) {}

  void publish(const fs::path& temporary, const fs::path& target) {
    if (!overwrite_) {
      publish_without_overwrite(temporary, target);
      published_.push_back({target, {}, false});
      return;
    }
    std::error_code error;
    bool existed = fs::exists(fs::symlink_status(target, error));
    fs::path previous = existed ? keep_previous(target) : fs::path();
    try {
      replace(temporary, target);
    } catch (...) {
      std::error_code ignored;
      if (!previous.empty()) fs::remove(previous, ignored);
      throw;
    }
    published_.push_back({target, previous, existed});
  }

  /// Every target as it was before, as far as it can be: kept results return, files that did not
  /// exist go, and a result replaced without a kept copy stays new (removing it would lose both).
  void undo() noexcept {
    std::error_code ignored;
    for (const Published& file : published_) {
      if (!file.previous.empty())
        fs::rename(file.previous, file.target, ignored);
      else if (!file.existed)
        fs::remove(file.target, ignored);
    }
    published_.clear();
  }

  ~Publication() {
    std::error_code ignored;
    for (const Published& file : published_)
      if (!file.previous.empty()) fs::remove(file.previous, ignored);
  }

 private:
  struct Published {
    fs::path target;
    fs::path previous;  // the earlier result, kept until all are published; empty if none
    bool existed = false;  // whether the target existed before it was published
  };

  /// Without hard links (some network and FAT file systems) nothing is kept, and a failure
  /// half-way leaves the files published before it.
  static fs::path keep_previous(const fs::path& target) {
    fs::path previous = sibling_of(target, "previous");
    std::error_code ignored;
    fs::remove(previous, ignored);
    if (::link(target.c_str(), previous.c_str()) != 0) return {};
    return previous;
  }

  bool overwrite_;
  std::vector<Published> published_;
};

}  // namespace

void check_result_target(const fs::path& target, bool overwrite) {
  std::error_code error;
  if (fs::is_directory(target, error))
    throw OutputError(fmt::format("result file '{}' is a folder", target.string()));
  if (fs::exists(target, error) && !overwrite) throw_exists(target);
  check_folder(target);
}

fs::path temporary_path_for(const fs::path& target) { return sibling_of(target, "partial"); }

void write_atomically(const fs::path& target, bool overwrite, const FileWriter& write) {
  write_all_atomically({{target, write}}, overwrite);
}

void write_all_atomically(const std::vector<FileToWrite>& files, bool overwrite) {
  for (const FileToWrite& file : files) remove_abandoned_siblings(file.target, {"partial", "previous"});
  std::vector<fs::path> temporaries;
  Publication publication(overwrite);
  try {
    for (const FileToWrite& file : files) {
      temporaries.push_back(temporary_path_for(file.target));
      file.write(temporaries.back());
    }
    for (const fs::path& temporary : temporaries) flush_to_disk(temporary);
    for (std::size_t f = 0; f < files.size(); ++f) publication.publish(temporaries[f], files[f].target);
  } catch (...) {
    publication.undo();
    remove_quietly(temporaries);
    throw;
  }
}

}  // namespace carecast::output
