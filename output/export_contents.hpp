#pragma once
// What an export writes into its folder, as paths relative to it: its files, and the folders
// that hold them. `export --force` replaces a folder only if everything in it is one of these,
// so that a mistyped --csv never removes a user's own files (a workbook, a folder of charts).
#include <filesystem>
#include <optional>
#include <set>
#include <vector>

namespace carecast::output {

class ExportContents {
 public:
  ExportContents() = default;
  /// The files named (relative to the export folder), and every folder on the way to them.
  explicit ExportContents(const std::vector<std::filesystem::path>& files);

  /// Adds a file, and every folder on the way to it.
  void add_file(const std::filesystem::path& file);
  /// Adds a folder (it may hold nothing), and every folder on the way to it.
  void add_folder(const std::filesystem::path& folder);
  /// Adds everything of `inner`, placed in the folder `under`.
  void add_under(const std::filesystem::path& under, const ExportContents& inner);

  bool has_file(const std::filesystem::path& file) const { return files_.count(file) > 0; }
  bool has_folder(const std::filesystem::path& folder) const { return folders_.count(folder) > 0; }

  /// The first entry below `folder` (relative to it; in name order, a folder before what it
  /// holds) that is not a file or folder of the export, or nothing if there is none. A link,
  /// or anything else an export never writes, counts as foreign; so does a folder that cannot
  /// be listed.
  std::optional<std::filesystem::path> first_foreign(const std::filesystem::path& folder) const;

 private:
  std::optional<std::filesystem::path> first_foreign_in(const std::filesystem::path& folder,
                                                        const std::filesystem::path& relative) const;

  std::set<std::filesystem::path> files_;
  std::set<std::filesystem::path> folders_;
};

}  // namespace carecast::output
