#pragma once
// A comparison read back from its file, as `compare` held it when it wrote the file: each
// scenario's figures per replicate and each alternative's paired differences, so that
// `carecast summary` can print a comparison file's tables again (format_comparison).
#include <string>

#include "output/comparison_file.hpp"
#include "output/comparison_result.hpp"

namespace carecast::output {

ComparisonResult read_comparison_result(const ComparisonFile& file);

/// The base scenario's currency, as compare names it ("" without a costs section).
std::string comparison_currency(const ComparisonFile& file);

}  // namespace carecast::output
