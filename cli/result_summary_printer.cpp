#include "cli/result_summary_printer.hpp"

#include <fmt/format.h>

#include "output/analytic_summary.hpp"
#include "output/care_outcomes_summary.hpp"
#include "output/planning_summary.hpp"
#include "output/result_file.hpp"
#include "output/yearly_summary.hpp"

namespace carecast::cli {

void print_result_summary(const std::filesystem::path& result_file) {
  print_result_summary(output::ResultFile(result_file));
}

void print_result_summary(const output::ResultFile& file) {
  if (file.find_array("stock") == nullptr && file.has_analytic_stock()) {
    fmt::print("{}", output::format_analytic_summary(file));
    return;
  }
  fmt::print("{}\n", output::format_yearly_summary(output::compute_yearly_summary(file)));
  fmt::print("{}", output::format_care_outcomes(file));
  fmt::print("{}", output::format_planning(file));
}

}  // namespace carecast::cli
