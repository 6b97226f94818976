#pragma once
// An array of a result file as a tidy ("long") table: one column per axis, with the entries of
// the axis written as labels (dates, state names, statistic names, /axes labels), then the
// value; one row per combination of indices.
//
//   axis                          columns      entry i
//   time                          date         /grid/date[i]
//   interval                      from, to     /grid/date[i], /grid/date[i + 1]
//   state, from_state, to_state   (the axis)   /states/name[i]
//   year                          year_start,  /grid/year_start[i] (its first day), and the next
//                                 year_end     year's (the horizon for the last)
//   any other axis X              X            /axes/X[i] if the file has it, else i
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "output/result_file.hpp"

namespace carecast::output {

/// How the entries of one axis appear in a table: the columns they fill, and for each entry
/// one field per column (`fields[i][c]`).
struct LabelledAxis {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> fields;
};

/// One column `column` whose entry i reads `labels[i]`.
LabelledAxis named_entries(std::string column, const std::vector<std::string>& labels);

/// The `extent` entries of the axis `axis` of an array of `file`, labelled as in the table
/// above. Throws OutputError if the file's labels do not match the extent.
LabelledAxis label_axis(const ResultFile& file, const std::string& axis, std::size_t extent);

/// The rows of a table over an array stored in row-major order. Its key columns are those of
/// each axis in `column_order`, followed by the value; the rows run through every combination
/// of indices, the axis of the last key column varying fastest.
class TidyTable {
 public:
  /// `axes[d]` labels axis d of the stored array, whose extent is `shape[d]`; `column_order`
  /// lists each axis once. Throws OutputError if they do not fit together.
  TidyTable(std::vector<LabelledAxis> axes, std::vector<std::size_t> shape,
            std::vector<std::size_t> column_order);

  /// The names of the key columns, then "value".
  std::vector<std::string> header() const;
  std::size_t row_count() const;
  /// Calls `visit(keys, offset)` for each row in order: the key fields of the row, and the
  /// position of its value in the stored array.
  void for_each_row(
      const std::function<void(std::span<const std::string_view> keys, std::size_t offset)>&
          visit) const;

 private:
  bool advance(std::vector<std::size_t>& index) const;

  std::vector<LabelledAxis> axes_;
  std::vector<std::size_t> shape_;
  std::vector<std::size_t> column_order_;
  std::vector<std::size_t> strides_;
};

class CsvFile;

/// Writes a row to `csv` for each row of `table` (no header): its key fields, then its value
/// `values[offset]` as the shortest text that reads back as the same number (T is std::int64_t
/// or double). Throws OutputError if `values` does not hold one value per row.
template <class T>
void write_tidy_rows(CsvFile& csv, const TidyTable& table, const std::vector<T>& values);

/// The axes 0, 1, … of an array named `dimensions`, with the axis named `last` moved to the
/// end (the statistic or replicate column comes after the axes it describes). Throws
/// OutputError if no axis has that name.
std::vector<std::size_t> order_with_last(const std::vector<std::string>& dimensions,
                                         const std::string& last);

}  // namespace carecast::output
