#include "models/scenario/csv_line.hpp"

#include <fstream>

namespace carecast::models {

namespace {

constexpr char separator = ',';
constexpr char quote = '"';

/// Where the quoted stretch opened at `open` ends: just past its closing quote (a doubled quote
/// continues it), or npos when it is never closed.
std::size_t end_of_quoted(std::string_view line, std::size_t open) {
  std::size_t at = open;
  do {
    at = line.find(quote, at + 1);
    if (at == std::string_view::npos) return at;
    ++at;
  } while (at < line.size() && line[at] == quote);
  return at;
}

/// Calls `field_ends(position)` after each field but the last; returns the column of an
/// unclosed quote, or 0.
template <class FieldEnds>
std::size_t walk_fields(std::string_view line, FieldEnds field_ends) {
  std::size_t at = 0;
  while (at < line.size()) {
    if (line[at] == quote) {
      std::size_t end = end_of_quoted(line, at);
      if (end == std::string_view::npos) return at + 1;
      at = end;
      continue;
    }
    if (line[at] == separator) field_ends(at);
    ++at;
  }
  return 0;
}

}  // namespace

std::size_t count_fields(std::string_view line) {
  std::size_t fields = 1;
  walk_fields(line, [&](std::size_t) { ++fields; });
  return fields;
}

std::size_t unclosed_quote_column(std::string_view line) {
  return walk_fields(line, [](std::size_t) {});
}

std::string line_of(const std::filesystem::path& file, int number) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  for (int line = 1; std::getline(in, text); ++line)
    if (line == number) {
      if (!text.empty() && text.back() == '\r') text.pop_back();
      return text;
    }
  return "";
}

}  // namespace carecast::models
