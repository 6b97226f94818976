#include "models/scenario/csv_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <system_error>

#include "models/scenario/csv_line.hpp"
#include "models/scenario/csv_text.hpp"

namespace carecast::models {

namespace {

struct HeaderLine {
  int number = 0;  // 0: none
  std::string text;
};

/// The header: the first line that is neither empty nor a # comment, without a UTF-8 byte
/// order mark or a CR at its end.
HeaderLine header_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (line == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (!text.empty() && text[0] != '#') return {line, text};
  }
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

bool is_header_error(const io::error::base& error) {
  return dynamic_cast<const io::error::missing_column_in_header*>(&error) != nullptr ||
         dynamic_cast<const io::error::extra_column_in_header*>(&error) != nullptr ||
         dynamic_cast<const io::error::duplicated_column_in_header*>(&error) != nullptr;
}

/// A row with more or fewer fields than the header has columns.
std::string field_count_problem(const std::filesystem::path& file, int line, bool too_many) {
  std::size_t expected = count_fields(header_of(file).text);
  std::size_t found = count_fields(line_of(file, line));
  return fmt::format("expected {} fields, one for each column of the header, found {}{}", expected, found,
                     too_many ? " (a value with a comma in it, such as a decimal comma, must be in double quotes)"
                              : " (an empty value is still a field: nothing between two commas)");
}

/// The parser's message in carecast's words, where it has one; sets `column` where it is known.
std::string problem_of(const io::error::base& error, const std::filesystem::path& file, int line, int& column) {
  if (dynamic_cast<const io::error::header_missing*>(&error))
    return "the file is empty; expected a header line naming the columns, then one line per row";
  if (dynamic_cast<const io::error::can_not_open_file*>(&error)) return cannot_read_table(file);
  if (dynamic_cast<const io::error::too_few_columns*>(&error)) return field_count_problem(file, line, false);
  if (dynamic_cast<const io::error::too_many_columns*>(&error)) return field_count_problem(file, line, true);
  if (dynamic_cast<const io::error::escaped_string_not_closed*>(&error)) {
    column = static_cast<int>(unclosed_quote_column(line_of(file, line)));
    return "this double quote opens a quoted value that is never closed; expected a closing \" before the end of "
           "the line";
  }
  std::string problem = error.what();
  if (const auto* named = dynamic_cast<const io::error::with_column_name*>(&error))
    if (named->column_name[0] != '\0') problem += " (column '" + std::string(named->column_name) + "')";
  return problem;
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
  if (dynamic_cast<const io::error::header_missing*>(&error)) line = 1;
  if (is_header_error(error)) refuse_other_separator(file);
  int column = 0;
  std::string problem = problem_of(error, file, line, column);
  throw InputError(SourceLocation{file.string(), line, column}, "", problem);
}

void refuse_other_separator(const std::filesystem::path& file) {
  HeaderLine header = header_of(file);
  if (header.text.find(',') != std::string::npos || header.text.find_first_of(";\t") == std::string::npos) return;
  bool semicolons = header.text.find(';') != std::string::npos;
  std::string shown = header.text;
  for (std::size_t tab = shown.find('\t'); tab != std::string::npos; tab = shown.find('\t', tab))
    shown.replace(tab, 1, "\\t");
  throw InputError(
      SourceLocation{file.string(), header.number, 0}, "",
      fmt::format("the header '{}' is one column: the file seems separated by {}, but carecast reads commas; {}",
                  shown, semicolons ? "semicolons (;)" : "tabs",
                  semicolons ? "save it as CSV UTF-8, comma-separated, with decimal points (a spreadsheet set up "
                               "for a decimal comma saves with semicolons)"
                             : "save it as CSV, comma-separated"));
}

[[noreturn]] void refuse_header(const std::filesystem::path& file, int line, const std::string& problem) {
  refuse_other_separator(file);
  throw InputError(SourceLocation{file.string(), line, 0}, "", problem);
}

void require_readable(const std::filesystem::path& file, const SourceLocation& named_at,
                      const std::string& key_path) {
  std::error_code ignored;
  std::ifstream probe(file);
  if (!probe || std::filesystem::is_directory(file, ignored))
    throw InputError(named_at, key_path, cannot_read_table(file));
}

}  // namespace carecast::models
