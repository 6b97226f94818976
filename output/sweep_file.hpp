#pragma once
// Reads a sweep file written by write_sweep_file (layout in output/sweep_schema.hpp): its
// provenance, the table of combinations, the figures over the grid, and each combination's
// result as a ResultFile on its group. Small metadata is read on opening; figures on request.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "models/run_result.hpp"
#include "output/hdf5_handles.hpp"
#include "output/result_file.hpp"

namespace carecast::output {

class SweepFile {
 public:
  /// True if `path` is an HDF5 file whose root says it is a sweep; false for anything else,
  /// including a file that does not exist (ResultFile then says what is wrong with it).
  static bool is_sweep_file(const std::filesystem::path& path);

  /// Opens and checks a sweep file; throws OutputError if it is not one, or is malformed.
  explicit SweepFile(std::filesystem::path path);

  const std::filesystem::path& path() const { return path_; }
  const std::string& schema_version() const { return schema_version_; }
  /// The root attributes and /run_info: the sweep file's path, resolved text and hash, the seed
  /// and the replicates of every combination, and the facts of the whole run.
  const models::Provenance& provenance() const { return provenance_; }
  const std::string& grid_step() const { return grid_step_; }
  bool grid() const { return grid_; }  // a grid of the keys' values, or a list of combinations

  const std::vector<std::string>& keys() const { return keys_; }
  std::size_t combinations() const { return groups_.size(); }
  /// Each key's value in `combination`, as written.
  std::vector<std::string> values(std::size_t combination) const;
  /// The value as a number, if it is one.
  std::optional<double> number(std::size_t combination, std::size_t key) const;
  /// The group holding each combination's result ("/combinations/03").
  const std::vector<std::string>& groups() const { return groups_; }

  /// The figures over the grid, in the order written (placed_at_end, new_placements, …).
  const std::vector<std::string>& figures() const { return figures_; }
  /// [statistic, combination] of a figure, or of its paired difference from combination 0.
  SummaryArray figure_summary(const std::string& figure) const;
  SummaryArray difference_summary(const std::string& figure) const;
  /// [replicate, combination] of a figure, or of its paired difference from combination 0.
  ResultArray<double> figure_replicates(const std::string& figure) const;
  ResultArray<double> difference_replicates(const std::string& figure) const;

  /// The result of one combination; throws OutputError if there is no such combination.
  ResultFile combination(std::size_t index) const;

 private:
  void read_root();
  void read_table();
  std::string figures_group(bool differences) const;
  SummaryArray read_summary(bool differences, const std::string& figure) const;
  ResultArray<double> read_replicates(bool differences, const std::string& figure) const;

  std::filesystem::path path_;
  hdf5::File file_;
  std::string schema_version_;
  models::Provenance provenance_;
  std::string grid_step_;
  bool grid_ = true;
  std::vector<std::string> keys_;
  std::vector<std::string> values_;   // [combination, key]
  std::vector<double> numbers_;       // [combination, key], NaN where not a number
  std::vector<std::string> groups_;
  std::vector<std::string> figures_;
};

}  // namespace carecast::output
