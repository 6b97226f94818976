#pragma once
// A one-line progress bar on standard error, shown only when it is a terminal.
#include <chrono>
#include <cstddef>
#include <string>

namespace carecast::cli {

class ProgressDisplay {
 public:
  explicit ProgressDisplay(std::string what);
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  /// Redraws the line; called as work completes (one caller at a time).
  void update(std::size_t done, std::size_t total);

 private:
  std::string what_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace carecast::cli
