#include "models/scenario/snapshot_table.hpp"

#include <fmt/format.h>

#include "models/scenario/csv_table.hpp"

namespace carecast::models {

namespace {

void check_row(const SnapshotRow& row, const std::filesystem::path& file) {
  SourceLocation here{file.string(), row.line, 0};
  if (row.age < 0 || row.age > 30) throw InputError(here, "", fmt::format("age {} is outside 0-30", row.age));
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
  for (int counter : {row.placements, row.breakdowns, row.school_changes})
    if (counter < 0 || counter > 65535)
      throw InputError(here, "", "history counters must be whole numbers from 0 to 65535");
}

}  // namespace

SnapshotTable SnapshotTable::read_csv(const std::filesystem::path& file) {
  SnapshotTable table;
  table.file = file;
  try {
    CsvReader<8> in(file.string());
    in.read_header(io::ignore_extra_column | io::ignore_missing_column, "age", "state",
                   "days_in_state", "days_in_care", "count", "placements", "breakdowns", "school_changes");
    for (const char* needed : {"age", "state", "days_in_state"})
      if (!in.has_column(needed))
        throw InputError(SourceLocation{file.string(), static_cast<int>(in.get_file_line()), 0}, "",
                         std::string("the snapshot needs a column '") + needed + "'");
    SnapshotRow row;
    while (in.read_row(row.age, row.state, row.days_in_state, row.days_in_care, row.count,
                       row.placements, row.breakdowns, row.school_changes)) {
      row.line = static_cast<int>(in.get_file_line());
      if (row.days_in_care < 0) row.days_in_care = row.days_in_state;
      check_row(row, file);
      table.rows.push_back(row);
      row = SnapshotRow{};
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
