#pragma once
// The summary of a sweep as plain text: a header, the swept keys, and two tables with one row
// per combination and its values: the main figures over the horizon, and their paired
// differences from combination 0. Each figure reads "mean (q05–q95)" over replicates; money, in
// millions, "mean (q05 to q95)".
#include <string>

#include "output/sweep_file.hpp"

namespace carecast::output {

std::string format_sweep_summary(const SweepFile& file);

}  // namespace carecast::output
