#include "models/scenario/csv_table.hpp"

#include <fstream>

namespace carecast::models {

namespace {

/// The line of the header: the first that is neither empty nor a # comment.
int header_line(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string text;
  for (int line = 1; std::getline(in, text); ++line)
    if (!text.empty() && text[0] != '#') return line;
  return 0;
}

}  // namespace

void rethrow_csv_error(const io::error::base& error, const std::filesystem::path& file) {
  int line = 0;
  if (const auto* located = dynamic_cast<const io::error::with_file_line*>(&error))
    line = std::max(0, located->file_line);
  if (line == 0) line = header_line(file);
  std::string problem = error.what();
  if (const auto* column = dynamic_cast<const io::error::with_column_name*>(&error))
    if (column->column_name[0] != '\0') problem += " (column '" + std::string(column->column_name) + "')";
  throw InputError(SourceLocation{file.string(), line, 0}, "", problem);
}

void require_readable(const std::filesystem::path& file, const SourceLocation& named_at,
                      const std::string& key_path) {
  std::ifstream probe(file);
  if (!probe)
    throw InputError(named_at, key_path,
                     "cannot read the table '" + file.string() + "'" +
                         (std::filesystem::exists(file) ? "" : " (it does not exist)"));
}

}  // namespace carecast::models
