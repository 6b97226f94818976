#pragma once
// Prints the readable by-year tables of a result to standard output: children by state, flows,
// breakdowns, school and exams, the carer pool, the budget and caseworkers (as the result holds
// them), or the analytic summary of an analytic-only result.
#include <filesystem>

#include "output/result_file.hpp"

namespace carecast::cli {

void print_result_summary(const std::filesystem::path& result_file);
void print_result_summary(const output::ResultFile& file);

}  // namespace carecast::cli
