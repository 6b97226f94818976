#pragma once
// The expected stock of an analytic-mode result, on the first grid date of each year and the
// last date, as a plain-text table.
#include <string>

#include "output/result_file.hpp"

namespace carecast::output {

/// Throws OutputError if the file holds no analytic stock.
std::string format_analytic_summary(const ResultFile& file);

}  // namespace carecast::output
