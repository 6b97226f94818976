#include "output/csv_writer.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "output/output_error.hpp"
#include "output/sibling_files.hpp"

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

/// The folder without a trailing separator or "./"; throws if it has no name of its own.
fs::path named_folder(const fs::path& folder) {
  fs::path normal = folder.lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  std::string name = normal.filename().string();
  if (name.empty() || name == "." || name == "..")
    throw OutputError(fmt::format(
        "'{}' does not name a folder of its own; give a new folder, such as 'export'",
        folder.string()));
  return normal;
}

[[noreturn]] void throw_not_empty(const fs::path& folder) {
  throw OutputError(fmt::format(
      "export folder '{}' exists and is not empty; pass --force to replace it", folder.string()));
}

void check_parent(const fs::path& folder) {
  fs::path parent = folder_of(folder);
  std::error_code error;
  if (!fs::exists(parent, error))
    throw OutputError(fmt::format("folder '{}' for export folder '{}' does not exist",
                                  parent.string(), folder.string()));
  if (!fs::is_directory(parent, error))
    throw OutputError(fmt::format("'{}' for export folder '{}' is not a folder", parent.string(),
                                  folder.string()));
  if (::access(parent.c_str(), W_OK | X_OK) != 0)
    throw OutputError(fmt::format("folder '{}' for export folder '{}' is not writable",
                                  parent.string(), folder.string()));
}

void make_empty_folder(const fs::path& folder) {
  std::error_code error;
  fs::remove_all(folder, error);  // a leftover of an earlier process with the same id
  if (!fs::create_directory(folder, error) || error)
    throw OutputError(fmt::format("cannot create folder '{}': {}", folder.string(),
                                  error ? error.message() : "it exists"));
}

/// Every file and folder below `folder`, then `folder` itself.
void flush_folder_to_disk(const fs::path& folder) {
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(folder))
    flush_to_disk(entry.path());
  flush_to_disk(folder);
}

void rename_or_throw(const fs::path& from, const fs::path& to) {
  std::error_code error;
  fs::rename(from, to, error);
  if (error)
    throw OutputError(fmt::format("cannot rename '{}' to '{}': {}", from.string(), to.string(),
                                  error.message()));
}

/// Runs `check` on the old folder, moved aside to `old`; if it throws, moves the folder back.
void check_moved_aside(const fs::path& old, const fs::path& target, const ReplacementCheck& check) {
  if (!check) return;
  try {
    check(old);
  } catch (...) {
    std::error_code restore_error;
    fs::rename(old, target, restore_error);
    if (restore_error)
      throw OutputError(fmt::format("cannot move '{}' back to '{}': {}; move it back yourself", old.string(),
                                    target.string(), restore_error.message()));
    throw;
  }
}

/// Moves the old folder away, checks it there (nothing can be added to it any more under its
/// own name), moves the new one in, and removes the old one; puts the old one back if the check
/// refuses it or the new one cannot be moved in.
void replace_existing(const fs::path& temporary, const fs::path& target, const ReplacementCheck& check) {
  fs::path old = sibling_of(target, "replaced");
  rename_or_throw(target, old);
  check_moved_aside(old, target, check);
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error) {
    std::error_code restore_error;
    fs::rename(old, target, restore_error);
    std::string kept =
        restore_error ? fmt::format("; the previous export is kept as '{}'", old.string()) : "";
    throw OutputError(fmt::format("cannot rename '{}' to '{}': {}{}", temporary.string(),
                                  target.string(), error.message(), kept));
  }
  fs::remove_all(old, error);  // the new export is in place; a leftover old one is only untidy
}

/// rename(2) moves a folder onto a missing or empty folder only, so a folder that appeared and
/// filled up during the export is never replaced.
void publish(const fs::path& temporary, const fs::path& target, bool overwrite, const ReplacementCheck& check) {
  std::error_code error;
  if (overwrite && fs::exists(target, error)) {
    replace_existing(temporary, target, check);
    return;
  }
  fs::rename(temporary, target, error);
  if (!error) return;
  if (is_non_empty_folder(target)) throw_not_empty(target);
  throw OutputError(fmt::format("cannot rename '{}' to '{}': {}", temporary.string(),
                                target.string(), error.message()));
}

void append_csv_field(std::string& line, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    line += field;
    return;
  }
  line += '"';
  for (char c : field) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

}  // namespace

std::string csv_field(std::string_view field) {
  std::string text;
  append_csv_field(text, field);
  return text;
}

CsvFile::CsvFile(fs::path path) : path_(std::move(path)), out_(path_, std::ios::binary) {
  if (!out_)
    throw OutputError(
        fmt::format("cannot create '{}': {}", path_.string(), std::strerror(errno)));
}

void CsvFile::write_row(std::span<const std::string_view> fields) {
  line_.clear();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line_ += ',';
    append_csv_field(line_, fields[i]);
  }
  line_ += '\n';
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  if (!out_) throw OutputError(fmt::format("cannot write to '{}'", path_.string()));
}

void CsvFile::write_row(std::initializer_list<std::string_view> fields) {
  write_row(std::span<const std::string_view>(fields.begin(), fields.size()));
}

void CsvFile::write_row(const std::vector<std::string>& fields) {
  std::vector<std::string_view> views(fields.begin(), fields.end());
  write_row(std::span<const std::string_view>(views));
}

void CsvFile::close() {
  out_.close();
  if (out_.fail()) throw OutputError(fmt::format("cannot write to '{}'", path_.string()));
}

bool is_non_empty_folder(const fs::path& folder) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return false;
  bool empty = fs::is_empty(folder, error);
  return error || !empty;  // a folder that cannot be listed counts as holding something
}

void check_folder_target(const fs::path& folder, bool overwrite) {
  fs::path target = named_folder(folder);
  std::error_code error;
  fs::file_status status = fs::status(target, error);
  if (fs::exists(status) && !fs::is_directory(status))
    throw OutputError(fmt::format(
        "'{}' exists and is not a folder; the export needs a folder of its own", target.string()));
  if (!overwrite && is_non_empty_folder(target)) throw_not_empty(target);
  check_parent(target);
}

fs::path temporary_folder_for(const fs::path& folder) {
  return sibling_of(named_folder(folder), "partial");
}

void write_folder_atomically(const fs::path& folder, bool overwrite,
                             const std::function<void(const fs::path&)>& write, const ReplacementCheck& check) {
  fs::path target = named_folder(folder);
  check_folder_target(target, overwrite);
  // Only temporaries: a folder moved aside (".replaced-PID") may be one that could not be moved
  // back, and may hold the user's own files.
  remove_abandoned_siblings(target, {"partial"});
  fs::path temporary = temporary_folder_for(target);
  auto discard = [&temporary] {
    std::error_code ignored;
    fs::remove_all(temporary, ignored);
  };
  try {
    make_empty_folder(temporary);
    write(temporary);
    flush_folder_to_disk(temporary);
    publish(temporary, target, overwrite, check);
  } catch (const fs::filesystem_error& error) {
    discard();
    throw OutputError(
        fmt::format("cannot write export folder '{}': {}", target.string(), error.what()));
  } catch (...) {
    discard();
    throw;
  }
}

}  // namespace carecast::output
