#pragma once
// Writing CSV files for spreadsheets, and publishing a folder of them atomically: fields are
// quoted as RFC 4180 asks, and the folder is built under a temporary name beside its target and
// renamed at the end, so that a half-written export never sits where the export belongs and an
// existing folder is never replaced unless asked.
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace carecast::output {

/// `field` as one CSV field: in double quotes, with inner quotes doubled, if it holds a comma, a
/// double quote, a carriage return or a line feed; as it is otherwise.
std::string csv_field(std::string_view field);

/// One CSV file written row by row: fields separated by commas, lines ending with a line feed,
/// text written byte for byte (UTF-8 stays UTF-8; no byte-order mark).
class CsvFile {
 public:
  /// Creates the file, or truncates it; throws OutputError if it cannot.
  explicit CsvFile(std::filesystem::path path);

  void write_row(std::span<const std::string_view> fields);
  void write_row(std::initializer_list<std::string_view> fields);
  void write_row(const std::vector<std::string>& fields);
  /// Flushes and closes the file; throws OutputError if any write failed.
  void close();

 private:
  std::filesystem::path path_;
  std::ofstream out_;
  std::string line_;
};

/// Throws OutputError if `folder` cannot receive an export: it has no name of its own (".",
/// "..", "/"), it exists and is not a folder, it is a folder that is not empty and `overwrite`
/// is false, or the folder it would go in does not exist or is not writable.
void check_folder_target(const std::filesystem::path& folder, bool overwrite);

/// True if `folder` exists and holds anything.
bool is_non_empty_folder(const std::filesystem::path& folder);

/// ".NAME.partial-PID" beside `folder`.
std::filesystem::path temporary_folder_for(const std::filesystem::path& folder);

/// Checks an existing folder that is about to be replaced, at the name it was moved aside to;
/// throws to keep it.
using ReplacementCheck = std::function<void(const std::filesystem::path& moved_aside)>;

/// Calls `write(temporary)` on a new empty folder ".NAME.partial-PID" beside `folder`, flushes
/// everything in it to disk and renames it to `folder`. An existing folder is replaced only with
/// `overwrite`: it is renamed away, checked there by `check` (if given), the new one renamed in,
/// and then the old one removed. If anything fails or `check` throws, the temporary folder is
/// removed and `folder` is left as it was.
void write_folder_atomically(const std::filesystem::path& folder, bool overwrite,
                             const std::function<void(const std::filesystem::path&)>& write,
                             const ReplacementCheck& check = {});

}  // namespace carecast::output
