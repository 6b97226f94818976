#include "output/result_file.hpp"

#include <fmt/format.h>

#include <chrono>
#include <optional>

#include "engine/calendar.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/output_error.hpp"
#include "output/provenance_reader.hpp"
#include "output/result_schema.hpp"
#include "output/stored_array.hpp"
#include "output/sweep_schema.hpp"

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

hdf5::File open_existing(const fs::path& path) {
  if (!fs::exists(path))
    throw OutputError(fmt::format("result file '{}' does not exist", path.string()));
  if (!hdf5::is_hdf5_file(path))
    throw OutputError(fmt::format("'{}' is not an HDF5 file", path.string()));
  return hdf5::open_file_read_only(path);
}

std::string kind_name(ArrayKind kind) { return kind == ArrayKind::counts ? "counts" : "sums"; }

std::string names_of(const std::vector<ArrayInfo>& arrays) {
  std::string names;
  for (const ArrayInfo& array : arrays) names += (names.empty() ? "" : ", ") + array.name;
  return names.empty() ? "none" : names;
}

ArrayInfo describe_array(hid_t group, const std::string& name) {
  hdf5::DatasetDescription description = hdf5::describe_dataset(group, name);
  hdf5::Dataset dataset = hdf5::open_dataset(group, name);
  ArrayKind kind = description.type_class == H5T_INTEGER ? ArrayKind::counts : ArrayKind::sums;
  return {name, kind, std::move(description.shape),
          hdf5::read_string_list_attribute(dataset.get(), schema::dimensions)};
}

hdf5::Group open_result_group(hid_t file, const fs::path& path, const std::string& group) {
  if (group != "/" && !hdf5::exists(file, group))
    throw OutputError(fmt::format("'{}' has no group '{}'", path.string(), group));
  return hdf5::open_group(file, group);
}

}  // namespace

ResultFile::ResultFile(fs::path path, std::string group)
    : path_(std::move(path)), group_(std::move(group)), file_(open_existing(path_)),
      root_(open_result_group(file_.get(), path_, group_)) {
  refuse_other_kinds();
  read_schema_version();
  read_provenance();
  read_states_and_grid();
  list_arrays();
  check_consistency();
  settle_reporting_years();
}

std::string ResultFile::describe() const {
  return group_ == "/" ? path_.string() : fmt::format("{} (group {})", path_.string(), group_);
}

void ResultFile::refuse_other_kinds() const {
  if (!hdf5::has_attribute(root_.get(), schema::file_kind)) return;
  std::string kind = hdf5::read_string_attribute(root_.get(), schema::file_kind);
  if (kind == schema::sweep_file_kind)
    throw OutputError(fmt::format("'{}' is a sweep file: it holds one result per combination, in the groups "
                                  "listed in /sweep/groups ('carecast summary' prints the grid, and "
                                  "'--combination N' one combination)",
                                  describe()));
  throw OutputError(fmt::format("'{}' is a {} file, not a result file", describe(), kind));
}

void ResultFile::read_schema_version() {
  if (!hdf5::has_attribute(root_.get(), schema::schema_version))
    throw OutputError(fmt::format("'{}' is not a carecast result file (it has no {} attribute)",
                                  describe(), schema::schema_version));
  schema_version_ = hdf5::read_string_attribute(root_.get(), schema::schema_version);
  if (schema_version_.substr(0, schema_version_.find('.')) != schema::major_version)
    throw OutputError(fmt::format("'{}' has result schema version {}; this carecast reads {}.x",
                                  describe(), schema_version_, schema::major_version));
}

void ResultFile::read_provenance() {
  provenance_ = output::read_provenance(root_.get());
  grid_step_ = hdf5::read_string_attribute(root_.get(), schema::grid_step);
}

void ResultFile::read_states_and_grid() {
  hdf5::Group states = hdf5::open_group(root_.get(), schema::states);
  std::vector<std::string> names = hdf5::read_string_dataset(states.get(), schema::state_name);
  std::vector<std::string> labels = hdf5::read_string_dataset(states.get(), schema::state_label);
  std::vector<std::string> kinds = hdf5::read_string_dataset(states.get(), schema::state_kind);
  if (labels.size() != names.size() || kinds.size() != names.size())
    throw OutputError(
        fmt::format("'{}': /states/name, label and kind differ in length", describe()));
  for (std::size_t s = 0; s < names.size(); ++s) states_.push_back({names[s], labels[s], kinds[s]});

  hdf5::Group grid = hdf5::open_group(root_.get(), schema::grid);
  grid_dates_ = hdf5::read_string_dataset(grid.get(), schema::grid_date);
  grid_days_ = hdf5::read_number_dataset<double>(grid.get(), schema::grid_day).values;
  if (hdf5::exists(grid.get(), schema::grid_year_start))
    year_starts_ = hdf5::read_string_dataset(grid.get(), schema::grid_year_start);
  else
    year_starts_ = anniversary_year_starts(grid_dates_, grid_step_);
}

void ResultFile::list_arrays() {
  hdf5::Group group = hdf5::open_group(root_.get(), schema::replicates);
  for (const std::string& name : hdf5::member_names(group.get()))
    arrays_.push_back(describe_array(group.get(), name));
  has_analytic_stock_ =
      hdf5::exists(root_.get(), std::string(schema::analytic) + "/" + schema::analytic_stock);
}

/// A file edited or damaged by hand must not pass for a result: the grid dates must be dates in
/// increasing order, one per grid day, and every replicate array must hold the number of
/// replicates the file says it has.
void ResultFile::check_consistency() const {
  if (grid_dates_.size() != grid_days_.size())
    throw OutputError(fmt::format("'{}': /grid/date holds {} dates but /grid/day {} days", describe(),
                                  grid_dates_.size(), grid_days_.size()));
  std::optional<engine::Date> previous;
  for (const std::string& text : grid_dates_) {
    std::optional<engine::Date> date = engine::parse_iso_date(text);
    if (!date)
      throw OutputError(fmt::format("'{}': /grid/date holds '{}', not a date written YYYY-MM-DD", describe(), text));
    if (previous && !(std::chrono::sys_days(*previous) < std::chrono::sys_days(*date)))
      throw OutputError(fmt::format("'{}': /grid/date is not in increasing order at '{}'", describe(), text));
    previous = date;
  }
  for (const ArrayInfo& array : arrays_)
    if (array.shape.empty() || array.shape[0] != provenance_.replicates)
      throw OutputError(fmt::format("'{}': the file says it holds {} replicates, but /replicates/{} holds {}",
                                    describe(), provenance_.replicates, array.name,
                                    array.shape.empty() ? 0 : array.shape[0]));
}

/// The reporting years must begin on grid dates, and every yearly array must hold one entry
/// for each of them.
void ResultFile::settle_reporting_years() {
  try {
    reporting_years_ = reporting_years_on(grid_dates_, year_starts_);
  } catch (const std::invalid_argument& e) {
    throw OutputError(fmt::format("'{}': /grid/year_start: {}", describe(), e.what()));
  }
  for (const ArrayInfo& array : arrays_)
    for (std::size_t d = 0; d < array.dimensions.size() && d < array.shape.size(); ++d)
      if (array.dimensions[d] == "year" && array.shape[d] != year_starts_.size())
        throw OutputError(fmt::format("'{}': /replicates/{} holds {} years but /grid/year_start {}", describe(),
                                      array.name, array.shape[d], year_starts_.size()));
}

const ArrayInfo* ResultFile::find_array(const std::string& name) const {
  for (const ArrayInfo& array : arrays_)
    if (array.name == name) return &array;
  return nullptr;
}

const ArrayInfo& ResultFile::require_array(const std::string& name) const {
  const ArrayInfo* array = find_array(name);
  if (array == nullptr)
    throw OutputError(fmt::format("result file '{}' has no array '{}' (it has: {})", describe(),
                                  name, names_of(arrays_)));
  return *array;
}

void ResultFile::require_kind(const std::string& name, ArrayKind kind) const {
  ArrayKind stored = require_array(name).kind;
  if (stored != kind)
    throw OutputError(fmt::format("array '{}' in result file '{}' holds {}, not {}", name,
                                  describe(), kind_name(stored), kind_name(kind)));
}

ResultArray<std::int64_t> ResultFile::read_counts(const std::string& name) const {
  require_kind(name, ArrayKind::counts);
  hdf5::Group group = hdf5::open_group(root_.get(), schema::replicates);
  return read_stored_array<std::int64_t>(group.get(), name);
}

ResultArray<double> ResultFile::read_sums(const std::string& name) const {
  require_kind(name, ArrayKind::sums);
  hdf5::Group group = hdf5::open_group(root_.get(), schema::replicates);
  return read_stored_array<double>(group.get(), name);
}

SummaryArray ResultFile::read_summary(const std::string& name) const {
  require_array(name);
  hdf5::Group group = hdf5::open_group(root_.get(), schema::summary);
  return read_stored_summary(group.get(), name);
}

std::vector<std::string> ResultFile::axis_labels(const std::string& axis) const {
  if (!hdf5::exists(root_.get(), std::string(schema::axes) + "/" + axis)) return {};
  hdf5::Group group = hdf5::open_group(root_.get(), schema::axes);
  return hdf5::read_string_dataset(group.get(), axis);
}

ResultArray<double> ResultFile::read_analytic_stock() const {
  if (!has_analytic_stock_)
    throw OutputError(
        fmt::format("result file '{}' has no analytic stock (the run did not "
                    "compute it)",
                    describe()));
  hdf5::Group group = hdf5::open_group(root_.get(), schema::analytic);
  return read_stored_array<double>(group.get(), schema::analytic_stock);
}

}  // namespace carecast::output
