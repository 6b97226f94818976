#pragma once
// Reads back a back-test file (backtest_writer.hpp): its facts and its verdict, so that
// `carecast summary` prints the report again without fitting and simulating anew.
#include <cstdint>
#include <filesystem>
#include <string>

#include "output/backtest_report.hpp"

namespace carecast::output {

struct BacktestFileContents {
  std::string episodes, cut, observed_until;
  std::uint64_t seed = 0;
  std::uint64_t replicates = 0;
  BacktestReport report;
};

/// True for a carecast back-test file (root attribute kind = "backtest").
bool is_backtest_file(const std::filesystem::path& path);

/// Throws OutputError for a file that is missing, not HDF5, not a back-test, or of another
/// schema major version.
BacktestFileContents read_backtest_file(const std::filesystem::path& path);

}  // namespace carecast::output
