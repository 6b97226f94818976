#pragma once
// Two result files compared array by array, as a researcher checks whether a change of code or
// of scenario altered a result: which facts of the runs differ (scenario, seed, replicates,
// version), whether the grid, reporting years and states are the same, and for each array of
// /replicates how many cells differ and where the largest difference is, with the labels of its
// axes. Counts must be equal; sums (days, money, expected passes) may differ within a tolerance,
// for results whose real-valued sums were added in another order. Summaries follow from the
// replicates and are not compared; the expected stock of `run --analytic` is (as sums).
#include <cstddef>
#include <string>
#include <vector>

#include "output/result_file.hpp"

namespace carecast::output {

/// Sums a and b are taken as equal if |a − b| ≤ absolute + relative × max(|a|, |b|).
struct DiffTolerance {
  double relative = 0.0;
  double absolute = 0.0;
};

/// How one array of /replicates compares.
struct ArrayDifference {
  enum class Status { same, within_tolerance, differs, other_shape, only_in_first, only_in_second };
  std::string name;
  Status status = Status::same;
  std::size_t cells = 0;       // in each file's array (when the shapes agree)
  std::size_t differing = 0;   // cells beyond the tolerance
  double largest = 0.0;        // the largest |a − b| over all cells
  double first_value = 0.0;    // at that cell, in each file
  double second_value = 0.0;
  std::string where;           // that cell, labelled: "replicate 3, date 2027-01-01, state foster"
  std::string shapes;          // for other_shape: "[20, 121, 7] and [20, 61, 7]", "counts and sums", …
};

struct ResultDiff {
  std::vector<std::string> facts;        // facts of the runs that differ ("seed: 1 and 7")
  std::vector<std::string> structure;    // grid, reporting years or states that differ
  std::vector<ArrayDifference> arrays;   // in the first file's order, then arrays only in the second
  /// Whether the results are the same: the same grid, years and states, and no array that
  /// differs beyond the tolerance (the facts of the runs may differ).
  bool same() const;
};

ResultDiff diff_results(const ResultFile& first, const ResultFile& second, const DiffTolerance& tolerance);

/// The comparison as text for a terminal: both files' facts, what differs, a table of the arrays
/// that differ, and the verdict.
std::string format_result_diff(const ResultDiff& diff, const ResultFile& first, const ResultFile& second,
                               const DiffTolerance& tolerance);

}  // namespace carecast::output
