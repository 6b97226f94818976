#include "models/scenario/snapshot_table.hpp"

#include <fmt/format.h>

#include "models/scenario/csv_cell.hpp"
#include "models/scenario/csv_table.hpp"

namespace carecast::models {

namespace {

namespace fs = std::filesystem;

/// One row as text, pointing into the reader's buffer until the next row is read; the optional
/// columns stay null when the header lacks them.
struct RowText {
  char* age = nullptr;
  char* state = nullptr;
  char* days_in_state = nullptr;
  char* days_in_care = nullptr;
  char* count = nullptr;
  char* placements = nullptr;
  char* breakdowns = nullptr;
  char* school_changes = nullptr;
};

int history_counter(const CsvCell& cell) {
  long value = whole_number(cell);
  if (value < 0 || value > 65535)
    throw InputError(cell.where(), "", "history counters must be whole numbers from 0 to 65535");
  return static_cast<int>(value);
}

SnapshotRow parse_row(const RowText& text, const fs::path& file, int line) {
  auto cell = [&](const char* column, const char* value) { return CsvCell{file, line, column, value}; };
  SnapshotRow row;
  row.line = line;
  row.age = static_cast<int>(whole_number_in(cell("age", text.age), 0, 30));
  row.state = text.state;
  row.days_in_state = number(cell("days_in_state", text.days_in_state));
  row.days_in_care = text.days_in_care ? number(cell("days_in_care", text.days_in_care)) : row.days_in_state;
  if (text.count) row.count = whole_number(cell("count", text.count));
  if (text.placements) row.placements = history_counter(cell("placements", text.placements));
  if (text.breakdowns) row.breakdowns = history_counter(cell("breakdowns", text.breakdowns));
  if (text.school_changes) row.school_changes = history_counter(cell("school_changes", text.school_changes));
  return row;
}

void check_row(const SnapshotRow& row, const fs::path& file) {
  SourceLocation here{file.string(), row.line, 0};
  if (row.days_in_state < 0) throw InputError(here, "", "days_in_state must be zero or more");
  if (row.days_in_state >= (row.age + 1) * 365.25)
    throw InputError(here, "", fmt::format("days_in_state {} is longer than a child aged {} has lived",
                                           row.days_in_state, row.age));
  if (row.days_in_care < row.days_in_state)
    throw InputError(here, "", "days_in_care must be at least days_in_state");
  if (row.days_in_care >= (row.age + 1) * 365.25)
    throw InputError(here, "", fmt::format("days_in_care {} is longer than a child aged {} has lived",
                                           row.days_in_care, row.age));
  if (row.count < 1) throw InputError(here, "", "count must be at least 1");
}

/// Adds the row's children to `children`, the snapshot's total so far, within its limit.
void count_children(const SnapshotRow& row, const fs::path& file, long& children) {
  if (row.count > max_snapshot_children - children)
    throw InputError(SourceLocation{file.string(), row.line, 0}, "",
                     fmt::format("count {} takes the snapshot above {} children ({} before this row); "
                                 "expected at most {} children in all",
                                 row.count, max_snapshot_children, children, max_snapshot_children));
  children += row.count;
}

}  // namespace

SnapshotTable SnapshotTable::read_csv(const std::filesystem::path& file) {
  SnapshotTable table;
  table.file = file;
  try {
    CsvReader<8> in(file);
    in.read_header(io::ignore_extra_column | io::ignore_missing_column, "age", "state",
                   "days_in_state", "days_in_care", "count", "placements", "breakdowns", "school_changes");
    for (const char* needed : {"age", "state", "days_in_state"})
      if (!in.has_column(needed))
        refuse_header(file, static_cast<int>(in.get_file_line()),
                      std::string("the snapshot needs a column '") + needed + "'");
    RowText text;
    long children = 0;
    while (in.read_row(text.age, text.state, text.days_in_state, text.days_in_care, text.count,
                       text.placements, text.breakdowns, text.school_changes)) {
      SnapshotRow row = parse_row(text, file, static_cast<int>(in.get_file_line()));
      check_row(row, file);
      count_children(row, file, children);
      table.rows.push_back(std::move(row));
    }
  } catch (const io::error::base& error) {
    rethrow_csv_error(error, file);
  }
  return table;
}

long SnapshotTable::children() const {
  long total = 0;
  for (const auto& row : rows) total += row.count;
  return total;
}

}  // namespace carecast::models
