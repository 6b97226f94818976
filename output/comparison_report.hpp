#pragma once
// The comparison as plain text: for each alternative, its paired difference from the base by
// year (mean and 90 % interval over replicates), then the money: net present value, payback.
#include <string>

#include "output/comparison_result.hpp"

namespace carecast::output {

std::string format_comparison(const ComparisonResult& result, const std::string& currency);

}  // namespace carecast::output
