#pragma once
// Reading CSV tables with Debian's fast-cpp-csv-parser (libfccp): the reader type used by all
// tables, and the conversion of its errors into located InputErrors.
#include <libfccp/csv.h>

#include <filesystem>
#include <string>

#include "models/config/input_error.hpp"

namespace carecast::models {

/// The parser's reader with the options all tables share.
template <unsigned Columns>
using CsvParser = io::CSVReader<Columns, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>,
                                io::throw_on_overflow, io::single_and_empty_line_comment<'#'>>;

/// The file's name for the parser, once it is known to be a file of text lines (csv_text.hpp);
/// throws an InputError naming the file otherwise.
std::string checked_table_name(const std::filesystem::path& file);

/// The reader of every table: it opens only a file of text lines.
template <unsigned Columns>
class CsvReader : public CsvParser<Columns> {
 public:
  explicit CsvReader(const std::filesystem::path& file) : CsvParser<Columns>(checked_table_name(file)) {}
};

/// "" if the header of `file` separates its columns with commas (or has one column); otherwise a
/// hint, starting with "; ", that the columns are separated by semicolons or tabs instead.
std::string separator_hint(const std::filesystem::path& file);

/// Converts a parser error into an InputError naming the file, the line and the column; for a
/// missing column, with the separator hint.
[[noreturn]] void rethrow_csv_error(const io::error::base& error, const std::filesystem::path& file);

/// Throws an InputError at `named_at` unless `file` exists, is not a folder and can be read.
void require_readable(const std::filesystem::path& file, const SourceLocation& named_at,
                      const std::string& key_path);

}  // namespace carecast::models
