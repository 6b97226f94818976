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

/// Throws an InputError at the header of `file` if it is one column holding semicolons or tabs:
/// the file seems separated by them, not by the commas carecast reads. Every problem with a
/// header goes through this first, since a wrong separator shows as a wrong column.
void refuse_other_separator(const std::filesystem::path& file);

/// A problem with the header of `file` at `line` (a column missing or unknown): an InputError
/// saying so, or the separator's if that is the cause.
[[noreturn]] void refuse_header(const std::filesystem::path& file, int line, const std::string& problem);

/// Converts a parser error into an InputError naming the file, the line and, where known, the
/// column, in carecast's words: for a row with too few or too many fields, how many the header
/// expects and how many the row has; for a quote never closed, where it opens; for a problem with
/// the header, the separator's if that is the cause.
[[noreturn]] void rethrow_csv_error(const io::error::base& error, const std::filesystem::path& file);

/// Throws an InputError at `named_at` unless `file` exists, is not a folder and can be read.
void require_readable(const std::filesystem::path& file, const SourceLocation& named_at,
                      const std::string& key_path);

}  // namespace carecast::models
