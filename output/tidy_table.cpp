#include "output/tidy_table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <numeric>

#include "output/csv_writer.hpp"
#include "output/output_error.hpp"

namespace carecast::output {

namespace {

[[noreturn]] void mismatch(const ResultFile& file, const std::string& axis, std::size_t extent,
                           const std::string& source, std::size_t labels) {
  throw OutputError(fmt::format("'{}': axis '{}' has {} entries, but {} has {}",
                                file.path().string(), axis, extent, source, labels));
}

LabelledAxis grid_dates(const ResultFile& file, std::size_t extent) {
  const std::vector<std::string>& dates = file.grid_dates();
  if (dates.size() != extent) mismatch(file, "time", extent, "/grid/date", dates.size());
  return named_entries("date", dates);
}

LabelledAxis interval_bounds(const ResultFile& file, std::size_t extent) {
  const std::vector<std::string>& dates = file.grid_dates();
  if (dates.size() != extent + 1)
    mismatch(file, "interval", extent, "/grid/date (one date more)", dates.size());
  LabelledAxis axis{{"from", "to"}, {}};
  for (std::size_t i = 0; i < extent; ++i) axis.fields.push_back({dates[i], dates[i + 1]});
  return axis;
}

LabelledAxis state_names(const ResultFile& file, const std::string& name, std::size_t extent) {
  std::vector<std::string> names;
  for (const models::StateDescription& state : file.states()) names.push_back(state.name);
  if (names.size() != extent) mismatch(file, name, extent, "/states/name", names.size());
  return named_entries(name, names);
}

/// A year's first day and the next year's (the horizon for the last): a short year shows as such.
LabelledAxis year_spans(const ResultFile& file, std::size_t extent) {
  const std::vector<std::string>& starts = file.year_starts();
  if (starts.size() != extent) mismatch(file, "year", extent, "/grid/year_start", starts.size());
  LabelledAxis axis{{"year_start", "year_end"}, {}};
  for (std::size_t k = 0; k < starts.size(); ++k)
    axis.fields.push_back({starts[k], k + 1 < starts.size() ? starts[k + 1] : file.grid_dates().back()});
  return axis;
}

LabelledAxis stored_labels_or_indices(const ResultFile& file, const std::string& name,
                                      std::size_t extent) {
  std::vector<std::string> labels = file.axis_labels(name);
  if (labels.empty())
    for (std::size_t i = 0; i < extent; ++i) labels.push_back(std::to_string(i));
  if (labels.size() != extent) mismatch(file, name, extent, "/axes/" + name, labels.size());
  return named_entries(name, labels);
}

std::vector<std::size_t> row_major_strides(const std::vector<std::size_t>& shape) {
  std::vector<std::size_t> strides(shape.size(), 1);
  for (std::size_t d = shape.size(); d-- > 1;) strides[d - 1] = strides[d] * shape[d];
  return strides;
}

bool is_permutation_of_axes(std::vector<std::size_t> order, std::size_t rank) {
  std::sort(order.begin(), order.end());
  for (std::size_t d = 0; d < order.size(); ++d)
    if (order[d] != d) return false;
  return order.size() == rank;
}

}  // namespace

LabelledAxis named_entries(std::string column, const std::vector<std::string>& labels) {
  LabelledAxis axis{{std::move(column)}, {}};
  for (const std::string& label : labels) axis.fields.push_back({label});
  return axis;
}

LabelledAxis label_axis(const ResultFile& file, const std::string& axis, std::size_t extent) {
  if (axis == "time") return grid_dates(file, extent);
  if (axis == "interval") return interval_bounds(file, extent);
  if (axis == "state" || axis == "from_state" || axis == "to_state")
    return state_names(file, axis, extent);
  if (axis == "year") return year_spans(file, extent);
  return stored_labels_or_indices(file, axis, extent);
}

TidyTable::TidyTable(std::vector<LabelledAxis> axes, std::vector<std::size_t> shape,
                     std::vector<std::size_t> column_order)
    : axes_(std::move(axes)),
      shape_(std::move(shape)),
      column_order_(std::move(column_order)),
      strides_(row_major_strides(shape_)) {
  if (axes_.size() != shape_.size() || !is_permutation_of_axes(column_order_, shape_.size()))
    throw OutputError(fmt::format("a table over {} axes got {} labelled axes and {} columns",
                                  shape_.size(), axes_.size(), column_order_.size()));
  for (std::size_t d = 0; d < axes_.size(); ++d)
    if (axes_[d].fields.size() != shape_[d])
      throw OutputError(fmt::format("axis {} ({}) has {} entries but {} labels", d,
                                    fmt::join(axes_[d].columns, ", "), shape_[d],
                                    axes_[d].fields.size()));
}

std::vector<std::string> TidyTable::header() const {
  std::vector<std::string> names;
  for (std::size_t axis : column_order_)
    names.insert(names.end(), axes_[axis].columns.begin(), axes_[axis].columns.end());
  names.push_back("value");
  return names;
}

std::size_t TidyTable::row_count() const {
  return std::accumulate(shape_.begin(), shape_.end(), std::size_t{1}, std::multiplies<>());
}

void TidyTable::for_each_row(
    const std::function<void(std::span<const std::string_view>, std::size_t)>& visit) const {
  if (row_count() == 0) return;
  std::vector<std::size_t> index(shape_.size(), 0);  // by stored axis
  std::vector<std::string_view> keys;
  do {
    keys.clear();
    std::size_t offset = 0;
    for (std::size_t axis : column_order_) {
      for (const std::string& field : axes_[axis].fields[index[axis]]) keys.push_back(field);
      offset += index[axis] * strides_[axis];
    }
    visit(keys, offset);
  } while (advance(index));
}

/// Steps to the next row like an odometer whose last wheel is the last key column; false after
/// the last row.
bool TidyTable::advance(std::vector<std::size_t>& index) const {
  for (std::size_t position = column_order_.size(); position-- > 0;) {
    std::size_t axis = column_order_[position];
    if (++index[axis] < shape_[axis]) return true;
    index[axis] = 0;
  }
  return false;
}

template <class T>
void write_tidy_rows(CsvFile& csv, const TidyTable& table, const std::vector<T>& values) {
  if (values.size() != table.row_count())
    throw OutputError(fmt::format("a table of {} rows got {} values", table.row_count(), values.size()));
  std::vector<std::string_view> row;
  std::string value;
  table.for_each_row([&](std::span<const std::string_view> keys, std::size_t offset) {
    value = fmt::format("{}", values[offset]);
    row.assign(keys.begin(), keys.end());
    row.push_back(value);
    csv.write_row(row);
  });
}

template void write_tidy_rows<std::int64_t>(CsvFile&, const TidyTable&, const std::vector<std::int64_t>&);
template void write_tidy_rows<double>(CsvFile&, const TidyTable&, const std::vector<double>&);

std::vector<std::size_t> order_with_last(const std::vector<std::string>& dimensions,
                                         const std::string& last) {
  auto found = std::find(dimensions.begin(), dimensions.end(), last);
  if (found == dimensions.end())
    throw OutputError(
        fmt::format("an array with axes {} has no '{}' axis", fmt::join(dimensions, ", "), last));
  std::vector<std::size_t> order;
  for (std::size_t d = 0; d < dimensions.size(); ++d)
    if (d != static_cast<std::size_t>(found - dimensions.begin())) order.push_back(d);
  order.push_back(static_cast<std::size_t>(found - dimensions.begin()));
  return order;
}

}  // namespace carecast::output
