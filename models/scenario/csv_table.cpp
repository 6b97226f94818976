#include "models/scenario/csv_table.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

#include "models/scenario/csv_text.hpp"

namespace carecast::models {

namespace {

struct HeaderLine {
  int number = 0;  // 0: none
  std::string text;
};

/// The header: the first line that is neither empty nor a # comment.
HeaderLine header_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string text;
  for (int line = 1; std::getline(in, text); ++line)
    if (!text.empty() && text[0] != '#') return {line, text};
  return {};
}

/// "cannot read the table '<file>'", with the reason where it is plain: it does not exist, or it
/// is a folder.
std::string cannot_read_table(const std::filesystem::path& file) {
  std::error_code ignored;
  auto status = std::filesystem::status(file, ignored);
  std::string message = "cannot read the table '" + file.string() + "'";
  if (!std::filesystem::exists(status)) return message + " (it does not exist)";
  if (std::filesystem::is_directory(status)) return message + " (it is a folder, not a file)";
  return message;
}

}  // namespace

std::string checked_table_name(const std::filesystem::path& file) {
  std::error_code ignored;
  if (std::filesystem::is_directory(file, ignored))
    throw InputError(SourceLocation{file.string(), 0, 0}, "", cannot_read_table(file));
  require_text_lines(file);
  return file.string();
}

void rethrow_csv_error(const io::error::base& error, const std::filesystem::path& file) {
  int line = 0;
  if (const auto* located = dynamic_cast<const io::error::with_file_line*>(&error))
    line = std::max(0, located->file_line);
  if (line == 0) line = header_of(file).number;
  std::string problem = error.what();
  if (dynamic_cast<const io::error::header_missing*>(&error)) {
    line = 1;
    problem = "the file is empty; expected a header line naming the columns, then one line per row";
  }
  if (const auto* column = dynamic_cast<const io::error::with_column_name*>(&error))
    if (column->column_name[0] != '\0') problem += " (column '" + std::string(column->column_name) + "')";
  if (dynamic_cast<const io::error::missing_column_in_header*>(&error)) problem += separator_hint(file);
  throw InputError(SourceLocation{file.string(), line, 0}, "", problem);
}

std::string separator_hint(const std::filesystem::path& file) {
  std::string header = header_of(file).text;
  if (!header.empty() && header.back() == '\r') header.pop_back();
  if (header.find(',') != std::string::npos || header.find_first_of(";\t") == std::string::npos) return "";
  bool semicolons = header.find(';') != std::string::npos;
  return "; the header '" + header + "' is one column: separate the columns with commas, not " +
         (semicolons ? "semicolons (a spreadsheet set up for a decimal comma saves with semicolons; save as CSV "
                       "UTF-8, comma-separated, with decimal points)"
                     : "tabs");
}

void require_readable(const std::filesystem::path& file, const SourceLocation& named_at,
                      const std::string& key_path) {
  std::error_code ignored;
  std::ifstream probe(file);
  if (!probe || std::filesystem::is_directory(file, ignored))
    throw InputError(named_at, key_path, cannot_read_table(file));
}

}  // namespace carecast::models
