#include "output/export_contents.hpp"

#include <algorithm>
#include <system_error>

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

/// The entries of `folder`, sorted by name; nothing if it cannot be listed.
std::optional<std::vector<fs::directory_entry>> sorted_entries(const fs::path& folder) {
  std::error_code error;
  fs::directory_iterator listing(folder, error);
  if (error) return std::nullopt;
  std::vector<fs::directory_entry> entries;
  for (auto end = fs::directory_iterator(); listing != end; listing.increment(error)) {
    if (error) return std::nullopt;
    entries.push_back(*listing);
  }
  if (error) return std::nullopt;
  std::sort(entries.begin(), entries.end(),
            [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); });
  return entries;
}

}  // namespace

ExportContents::ExportContents(const std::vector<fs::path>& files) {
  for (const fs::path& file : files) add_file(file);
}

void ExportContents::add_file(const fs::path& file) {
  fs::path normal = file.lexically_normal();
  files_.insert(normal);
  add_folder(normal.parent_path());
}

void ExportContents::add_folder(const fs::path& folder) {
  for (fs::path f = folder.lexically_normal(); !f.empty(); f = f.parent_path()) folders_.insert(f);
}

void ExportContents::add_under(const fs::path& under, const ExportContents& inner) {
  add_folder(under);
  for (const fs::path& file : inner.files_) add_file(under / file);
  for (const fs::path& folder : inner.folders_) add_folder(under / folder);
}

std::optional<fs::path> ExportContents::first_foreign(const fs::path& folder) const {
  return first_foreign_in(folder, fs::path());
}

std::optional<fs::path> ExportContents::first_foreign_in(const fs::path& folder, const fs::path& relative) const {
  auto entries = sorted_entries(folder);
  if (!entries) return relative.empty() ? fs::path(".") : relative;
  for (const fs::directory_entry& entry : *entries) {
    fs::path name = relative / entry.path().filename();
    std::error_code error;
    fs::file_status status = entry.symlink_status(error);
    if (error) return name;
    if (fs::is_regular_file(status) && has_file(name)) continue;
    if (!fs::is_directory(status) || !has_folder(name)) return name;
    if (auto inside = first_foreign_in(entry.path(), name)) return inside;
  }
  return std::nullopt;
}

}  // namespace carecast::output
