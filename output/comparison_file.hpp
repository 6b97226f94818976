#pragma once
// Reads a comparison file written by write_comparison (layout in output/comparison_writer.hpp
// and docs/output-schema.md, 'Comparison files'): its root attributes, the years and states,
// and the figures of each scenario and of each comparison (alternative − base) with the
// categories of that group. Small metadata is read on opening; figures on request.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "output/hdf5_handles.hpp"
#include "output/result_file.hpp"

namespace carecast::output {

/// The two kinds of group that hold figures: /scenarios/<name> and /comparisons/<alternative>.
enum class ComparisonPart { scenario, comparison };

class ComparisonFile {
 public:
  /// True if `path` is an HDF5 file whose root says it is a comparison; false for anything else.
  static bool is_comparison_file(const std::filesystem::path& path);

  /// Opens and checks a comparison file; throws OutputError if it is not one, or is malformed.
  explicit ComparisonFile(std::filesystem::path path);

  const std::filesystem::path& path() const { return path_; }
  const std::string& schema_version() const { return schema_version_; }
  std::uint64_t seed() const { return seed_; }
  std::uint64_t replicates() const { return replicates_; }
  const std::string& engine_version() const { return engine_version_; }
  const std::string& git_commit() const { return git_commit_; }

  /// The base scenario's name; the scenarios, the base first; the alternatives, in order.
  const std::string& base() const { return base_; }
  const std::vector<std::string>& scenarios() const { return scenarios_; }
  const std::vector<std::string>& alternatives() const { return alternatives_; }
  /// The groups of `part`: the scenarios or the alternatives.
  const std::vector<std::string>& names(ComparisonPart part) const;

  /// /years/start: the first date of each reporting year; /axes/state: the non-exit states.
  const std::vector<std::string>& year_starts() const { return year_starts_; }
  /// /years/end: the end of each reporting year, the next year's first date (the horizon for
  /// the last). A file of schema 1.1 or older does not store it: its ends are then the next
  /// years' starts and, for the last, the horizon of the base scenario's resolved text
  /// (horizon_of_scenario), or "" if that text does not give it.
  const std::vector<std::string>& year_ends() const { return year_ends_; }
  const std::vector<std::string>& states() const { return states_; }

  /// The figures of a group, in the order written.
  std::vector<std::string> figures(ComparisonPart part, const std::string& name) const;
  /// The group's own `categories`: the category axis of its cost_by_category.
  std::vector<std::string> categories(ComparisonPart part, const std::string& name) const;
  /// [statistic, ...] and [replicate, ...] of a figure of a group.
  /// Where a scenario came from: its file as given to compare, and its SHA-256 (of the resolved
  /// text and every data file it reads).
  struct Source {
    std::string path;
    std::string sha256;
    std::string text;  // the resolved scenario, as YAML
  };
  Source source(const std::string& scenario) const;

  /// The payback of an alternative as `compare` prints it: the reporting year (1 = the first)
  /// from which the mean cumulative discounted net cost stays at or below 0, if any, and the
  /// share of replicates that pay back within the horizon.
  struct Payback {
    std::optional<std::size_t> mean_path_year;
    double share_paying_back = 0.0;
  };
  Payback payback(const std::string& alternative) const;

  SummaryArray read_summary(ComparisonPart part, const std::string& name, const std::string& figure) const;
  ResultArray<double> read_replicates(ComparisonPart part, const std::string& name, const std::string& figure) const;

 private:
  void read_root();
  void read_axes();
  void read_year_ends(hid_t years);
  void read_group_names();
  hdf5::Group open_part(ComparisonPart part, const std::string& name) const;

  std::filesystem::path path_;
  hdf5::File file_;
  std::string schema_version_;
  std::uint64_t seed_ = 0;
  std::uint64_t replicates_ = 0;
  std::string engine_version_;
  std::string git_commit_;
  std::string base_;
  std::vector<std::string> scenarios_;
  std::vector<std::string> alternatives_;
  std::vector<std::string> year_starts_;
  std::vector<std::string> year_ends_;
  std::vector<std::string> states_;
};

}  // namespace carecast::output
