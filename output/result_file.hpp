#pragma once
// Reads a result written by write_result: provenance, grid, states, and the replicate, summary
// and analytic arrays. Small metadata is read on opening; arrays on request. A result is a whole
// file, or a group of a sweep file (one per combination, each with the layout of a file).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "models/run_result.hpp"
#include "output/hdf5_handles.hpp"
#include "output/reporting_years.hpp"

namespace carecast::output {

/// An array read from the file: values in row-major order, the extent of each axis, and the
/// name of each axis (the first is "replicate" or "statistic").
template <class T>
struct ResultArray {
  std::vector<T> values;
  std::vector<std::size_t> shape;
  std::vector<std::string> dimensions;
};

/// A summary array [statistic, ...]; `statistics` names the rows of the first axis.
struct SummaryArray : ResultArray<double> {
  std::vector<std::string> statistics;
};

enum class ArrayKind { counts, sums };

/// One dataset of /replicates: its kind, shape and axis names (replicate axis first).
struct ArrayInfo {
  std::string name;
  ArrayKind kind;
  std::vector<std::size_t> shape;
  std::vector<std::string> dimensions;
};

class ResultFile {
 public:
  /// Opens and checks the result in `group` of a file ("/": the file itself); throws OutputError
  /// if the file is missing or not HDF5, if the group does not exist, or if it does not hold a
  /// carecast result of a supported schema version. The root of a sweep or comparison file is
  /// refused with a message that says what it is.
  explicit ResultFile(std::filesystem::path path, std::string group = "/");

  const std::filesystem::path& path() const { return path_; }
  /// The group that holds the result: "/" for a result file.
  const std::string& group() const { return group_; }
  /// The file, and the group if it is not the root, for messages: "s.h5 (group /combinations/03)".
  std::string describe() const;
  const std::string& schema_version() const { return schema_version_; }
  /// Root and /run_info attributes; `replicates` is the number stored.
  const models::Provenance& provenance() const { return provenance_; }
  const std::string& grid_step() const { return grid_step_; }
  const std::vector<models::StateDescription>& states() const { return states_; }
  const std::vector<std::string>& grid_dates() const { return grid_dates_; }
  const std::vector<double>& grid_days() const { return grid_days_; }
  /// The first date of each reporting year: /grid/year_start, or, in files written before it
  /// was, the start date and its anniversaries.
  const std::vector<std::string>& year_starts() const { return year_starts_; }
  /// The reporting years on the grid (checked when the file was opened).
  const ReportingYears& reporting_years() const { return *reporting_years_; }

  /// The arrays of /replicates, in the order they were written.
  const std::vector<ArrayInfo>& replicate_arrays() const { return arrays_; }
  /// The array of that name, or nullptr.
  const ArrayInfo* find_array(const std::string& name) const;

  /// [replicate, ...] of a count array; throws if absent or if it holds sums.
  ResultArray<std::int64_t> read_counts(const std::string& name) const;
  /// [replicate, ...] of a sum array; throws if absent or if it holds counts.
  ResultArray<double> read_sums(const std::string& name) const;
  /// [statistic, ...] summary of any array.
  SummaryArray read_summary(const std::string& name) const;

  /// The labels of the entries of an axis, from /axes/<axis>; empty if the file has none (older
  /// files, and axes labelled elsewhere, such as `state` by /states/name).
  std::vector<std::string> axis_labels(const std::string& axis) const;

  bool has_analytic_stock() const { return has_analytic_stock_; }
  /// [time, state] expected stock from analytic mode; throws if the run did not compute it.
  ResultArray<double> read_analytic_stock() const;

 private:
  const ArrayInfo& require_array(const std::string& name) const;
  void require_kind(const std::string& name, ArrayKind kind) const;
  void read_schema_version();
  void read_provenance();
  void read_states_and_grid();
  void list_arrays();
  void check_consistency() const;
  void settle_reporting_years();

  void refuse_other_kinds() const;

  std::filesystem::path path_;
  std::string group_;
  hdf5::File file_;
  hdf5::Group root_;
  std::string schema_version_;
  models::Provenance provenance_;
  std::string grid_step_;
  std::vector<models::StateDescription> states_;
  std::vector<std::string> grid_dates_;
  std::vector<double> grid_days_;
  std::vector<std::string> year_starts_;
  std::optional<ReportingYears> reporting_years_;
  std::vector<ArrayInfo> arrays_;
  bool has_analytic_stock_ = false;
};

}  // namespace carecast::output
