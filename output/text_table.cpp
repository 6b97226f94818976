#include "output/text_table.hpp"

#include <algorithm>
#include <stdexcept>

namespace carecast::output {

TextTable::TextTable(std::vector<TableColumn> columns) : columns_(std::move(columns)) {}

void TextTable::add_row(std::vector<std::string> cells) {
  if (cells.size() != columns_.size())
    throw std::invalid_argument("a table row needs one cell per column");
  rows_.push_back(std::move(cells));
}

std::vector<std::size_t> TextTable::column_widths() const {
  std::vector<std::size_t> widths;
  for (const TableColumn& column : columns_) widths.push_back(display_width(column.header));
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  return widths;
}

std::string TextTable::render_line(const std::vector<std::string>& cells,
                                   const std::vector<std::size_t>& widths) const {
  std::string line;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) line += "  ";
    line += pad(cells[c], widths[c], columns_[c].align);
  }
  line.erase(line.find_last_not_of(' ') + 1);
  return line + '\n';
}

std::string TextTable::render() const {
  std::vector<std::size_t> widths = column_widths();
  std::vector<std::string> headers, rules;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    headers.push_back(columns_[c].header);
    rules.emplace_back(widths[c], '-');
  }
  std::string text = render_line(headers, widths) + render_line(rules, widths);
  for (const auto& row : rows_) text += render_line(row, widths);
  return text;
}

std::size_t display_width(std::string_view utf8) {
  // Count every byte except UTF-8 continuation bytes (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string pad(std::string_view text, std::size_t width, Align align) {
  std::size_t used = display_width(text);
  std::string padding(width > used ? width - used : 0, ' ');
  return align == Align::left ? std::string(text) + padding : padding + std::string(text);
}

}  // namespace carecast::output
