#pragma once
// Reading the text of one CSV cell as a number. A cell must hold the number from its first to its
// last character (after the parser trims spaces and tabs and removes quotes): an empty cell, a
// thousands separator, a decimal comma or any other character is an InputError naming the file,
// the line, the column and the text, not a silent 0 or a number cut short.
#include <filesystem>

#include "models/config/input_error.hpp"

namespace carecast::models {

/// One cell of a row as the reader hands it over. `text` points into the reader's buffer and is
/// valid until the next row is read.
struct CsvCell {
  const std::filesystem::path& file;
  int line = 0;
  const char* column = "";  // its name in the header
  const char* text = "";

  SourceLocation where() const { return SourceLocation{file.string(), line, 0}; }
};

/// A whole number: digits, after an optional minus sign, that fit in 64 bits.
long whole_number(const CsvCell& cell);

/// A whole number from `lowest` to `highest`; outside, the error says "<column> <text> is outside
/// <lowest>-<highest>".
long whole_number_in(const CsvCell& cell, long lowest, long highest);

/// A finite number: digits with an optional minus sign, decimal point and exponent (980.4, 1e3).
double number(const CsvCell& cell);

}  // namespace carecast::models
