#pragma once
// Prints the readable by-year table of a result file to standard output.
#include <filesystem>

namespace carecast::cli {

void print_result_summary(const std::filesystem::path& result_file);

}  // namespace carecast::cli
