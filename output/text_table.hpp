#pragma once
// A plain-text table with aligned columns, for reports read in a terminal or a text file.
// Widths count UTF-8 characters, so labels such as "Døgninstitution" align.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace carecast::output {

enum class Align { left, right };

struct TableColumn {
  std::string header;
  Align align = Align::right;
};

class TextTable {
 public:
  explicit TextTable(std::vector<TableColumn> columns);
  /// Adds a row; throws std::invalid_argument unless it has one cell per column.
  void add_row(std::vector<std::string> cells);
  /// The header, a rule of dashes, and the rows; columns separated by two spaces, each line
  /// ending in a newline without trailing spaces.
  std::string render() const;

 private:
  std::vector<std::size_t> column_widths() const;
  std::string render_line(const std::vector<std::string>& cells,
                          const std::vector<std::size_t>& widths) const;

  std::vector<TableColumn> columns_;
  std::vector<std::vector<std::string>> rows_;
};

/// The number of characters (code points) in a UTF-8 string.
std::size_t display_width(std::string_view utf8);
/// `text` padded with spaces to `width` characters on the side given by `align`.
std::string pad(std::string_view text, std::size_t width, Align align);

}  // namespace carecast::output
