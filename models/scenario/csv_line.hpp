#pragma once
// One line of a CSV table split into fields as the parser splits it, to explain its errors in
// the user's terms: fields are separated by commas; a double quote opens a quoted stretch in
// which commas are text, closed by the next quote ("" inside it is a quote).
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace carecast::models {

/// The number of fields on the line (an empty line has one); a quoted stretch that is never
/// closed runs to the end of the line.
std::size_t count_fields(std::string_view line);

/// The 1-based column of the quote that opens a quoted stretch never closed, or 0.
std::size_t unclosed_quote_column(std::string_view line);

/// Line `number` (1-based) of `file`, without its line ending; "" if there is no such line.
std::string line_of(const std::filesystem::path& file, int number);

}  // namespace carecast::models
