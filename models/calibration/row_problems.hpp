#pragma once
// What a reader of episode rows reports through while it reads one row: the row's line and child
// are set once, and each check that fails names only its kind of problem and what it expected.
// Shared by the generic and the SSDA903 readers.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "models/calibration/episode_checks.hpp"

namespace carecast::models::calibration {

class RowProblems {
 public:
  explicit RowProblems(ProblemLog& log) : log_(log) {}

  /// The row now being read; `child` must outlive the row.
  void start_row(std::size_t line, std::string_view child) {
    line_ = line;
    child_ = child;
  }
  std::string_view child() const { return child_; }
  /// Whether an earlier row already dropped this row's child.
  bool child_dropped() const { return log_.dropped(child_); }

  /// Reports a problem with the row; for `return fail(...)` where an Episode is expected.
  std::nullopt_t fail(std::string_view kind, std::string detail) {
    log_.report(EpisodeProblem{kind, std::move(detail), line_}, child_);
    return std::nullopt;
  }
  /// The same, for `return failed(...)` in checks that answer whether the row is sound.
  bool failed(std::string_view kind, std::string detail) {
    fail(kind, std::move(detail));
    return false;
  }

 private:
  ProblemLog& log_;
  std::size_t line_ = 0;
  std::string_view child_;
};

}  // namespace carecast::models::calibration
