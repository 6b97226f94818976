#pragma once
// Reading CSV tables with Debian's fast-cpp-csv-parser (libfccp): the reader type used by all
// tables, and the conversion of its errors into located InputErrors.
#include <libfccp/csv.h>

#include <filesystem>
#include <string>

#include "models/config/input_error.hpp"

namespace carecast::models {

template <unsigned Columns>
using CsvReader = io::CSVReader<Columns, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>,
                                io::throw_on_overflow, io::single_and_empty_line_comment<'#'>>;

/// Converts a parser error into an InputError naming the file, the line and the column.
[[noreturn]] void rethrow_csv_error(const io::error::base& error, const std::filesystem::path& file);

/// Throws an InputError at `named_at` unless `file` exists and can be read.
void require_readable(const std::filesystem::path& file, const SourceLocation& named_at,
                      const std::string& key_path);

}  // namespace carecast::models
