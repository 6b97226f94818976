#pragma once
// Writes a sweep file (layout in output/sweep_schema.hpp) as the sweep runs: each combination's
// result goes into its group as soon as it is computed (output/sweep_write_queue.hpp overlaps
// that with the next combination's run), so that memory does not grow with the number of
// combinations; the table of combinations and the figures over the grid follow at the end. The file is written under a temporary name and renamed onto the
// target only when complete, as a result file is (output/result_target.hpp).
#include <hdf5.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "models/run_result.hpp"
#include "output/hdf5_handles.hpp"
#include "output/sweep_summary.hpp"

namespace carecast::output {

class SweepWriter {
 public:
  /// Creates `file` for a sweep of `combinations` combinations.
  SweepWriter(const std::filesystem::path& file, std::size_t combinations);

  /// Writes combination `index`'s result into its group, with the layout of a result file, and
  /// returns the group's path ("/combinations/03"). May be called from another thread than the
  /// one that created the writer (output/sweep_write_queue.hpp), but not from two at once.
  std::string add_combination(std::size_t index, const models::RunResult& result);
  /// Writes the root attributes (from `run`: the sweep file's path, resolved text and hash, the
  /// seed, replicates and the facts of the whole run), /run_info and /sweep, and closes the
  /// file. Throws OutputError unless every combination was added.
  void finish(const SweepSummary& summary, const models::Provenance& run);
  bool finished() const { return !file_.valid(); }

  /// The group of combination `index` of `combinations`: its index zero-padded to the width of
  /// the last one, so that groups list in order by name ("/combinations/07" of 25).
  static std::string group_of(std::size_t index, std::size_t combinations);

 private:
  hdf5::File file_;
  std::size_t count_;
  std::vector<bool> added_;
  std::string grid_step_;
};

/// Checks `target` (as check_result_target does), then calls `fill` with a writer on a
/// temporary file beside it, and renames that onto `target` once `fill` has returned with the
/// writer finished. On any failure the temporary file is removed and `target` left as it was.
/// Without `overwrite` an existing target is never replaced.
void write_sweep_file(const std::filesystem::path& target, bool overwrite, std::size_t combinations,
                      const std::function<void(SweepWriter&)>& fill);

}  // namespace carecast::output
