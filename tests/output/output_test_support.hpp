#pragma once
// Shared helpers for the output tests: a scratch folder per test, file contents, and a small
// synthetic RunResult.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "engine/occupancy_recorder.hpp"
#include "engine/tally.hpp"
#include "models/run_result.hpp"

namespace carecast::output::testing {

namespace fs = std::filesystem;

/// A fresh folder named after the running test, removed with its contents afterwards.
class ScratchFolder {
 public:
  ScratchFolder() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("carecast-output-" + std::string(test->test_suite_name()) +
                                         "-" + test->name() + "-" + std::to_string(::getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }
  /// File names in the folder, sorted.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_))
      names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path path_;
};

inline std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// Four states (support, two placements, one exit), a grid of `points` dates, the engine's
/// occupancy arrays plus a sum array "cost" [interval], every replicate filled with values that
/// depend on the replicate and the element, and provenance with every field set.
inline models::RunResult synthetic_result(std::size_t replicates = 3, std::size_t points = 4) {
  models::RunResult result;
  result.states = {{"support", "Family support", "support"},
                   {"foster", "Foster family", "placement"},
                   {"residential", "Døgninstitution", "placement"},
                   {"home", "Reunified", "exit"}};
  const char* dates[] = {"2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01",
                         "2025-05-01", "2025-06-01", "2025-07-01", "2025-08-01"};
  const double days[] = {0, 31, 59, 90, 120, 151, 181, 212};
  for (std::size_t p = 0; p < points; ++p) {
    result.grid_dates.push_back(dates[p]);
    result.grid_days.push_back(days[p]);
  }
  result.grid_step = "monthly";
  auto layout = std::make_shared<engine::TallyLayout>();
  engine::OccupancyRecorder::register_arrays(*layout, points, result.states.size());
  std::size_t cost = layout->add_sums("cost", {points - 1}, {"interval"});
  result.layout = layout;
  for (std::size_t r = 0; r < replicates; ++r) {
    engine::Tally tally(layout);
    auto& counts = tally.all_counts();
    for (std::size_t i = 0; i < counts.size(); ++i)
      counts[i] = static_cast<std::int64_t>((i * 7 + r * 13) % 23) - 3;
    auto sums = tally.sums(cost);
    for (std::size_t i = 0; i < sums.size(); ++i)
      sums[i] = 1000.5 * static_cast<double>(r) + 0.25 * static_cast<double>(i);
    result.replicates.push_back(std::move(tally));
  }
  for (std::size_t p = 0; p < points; ++p)
    for (std::size_t s = 0; s < result.states.size(); ++s)
      result.analytic_stock.push_back(static_cast<double>(p) + 0.1 * static_cast<double>(s));

  models::Provenance& provenance = result.provenance;
  provenance.scenario_path = "scenarios/example.yaml";
  provenance.scenario_text = "start: 2025-01-01\nstates: [støtte, plejefamilie]\n";
  provenance.scenario_sha256 = std::string(64, 'a');
  provenance.seed = 18446744073709551557ULL;  // needs all 64 bits
  provenance.replicates = replicates;
  provenance.engine_version = "0.1.0";
  provenance.git_commit = "0123456789abcdef0123456789abcdef01234567";
  provenance.threads = 8;
  provenance.ranks = 2;
  provenance.command_line = "carecast run scenarios/example.yaml --seed 42";
  provenance.host = "testhost";
  provenance.started_at = "2025-01-01T10:00:00Z";
  provenance.finished_at = "2025-01-01T10:00:05Z";
  provenance.wall_seconds = 5.25;
  return result;
}

}  // namespace carecast::output::testing
