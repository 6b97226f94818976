// carecast diff FIRST SECOND: two result files compared array by array (output/result_diff.hpp).
#include <fmt/format.h>

#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "output/result_diff.hpp"

namespace carecast::cli {

namespace {

struct DiffOptions {
  std::string first, second;
  output::DiffTolerance tolerance;
};

void compare_results(const DiffOptions& options, const CommandContext& context) {
  output::ResultFile first(options.first), second(options.second);
  output::ResultDiff diff = output::diff_results(first, second, options.tolerance);
  fmt::print("{}", output::format_result_diff(diff, first, second, options.tolerance));
  if (!diff.same() && context.exit_status != nullptr) *context.exit_status = results_differ;
}

}  // namespace

void add_diff_command(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff", "Compare two result files array by array, as when checking whether a change of code or scenario "
              "altered a result: the facts of the two runs, the grid, years and states, and for each array how many "
              "cells differ and where the largest difference is. Exit status 0 if the results are the same, 1 if they "
              "differ.");
  command->add_option("FIRST", options->first, "A result file written by 'carecast run'.")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("SECOND", options->second, "Another result file.")->required()->check(CLI::ExistingFile);
  command->add_option("--tolerance", options->tolerance.relative,
                      "Relative difference allowed in sums (days, money, expected passes), e.g. 1e-12 for sums added in "
                      "another order. Counts must always be equal.")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--absolute", options->tolerance.absolute,
                      "Absolute difference allowed in sums, added to the relative one.")
      ->check(CLI::NonNegativeNumber);
  command->footer(
      "Sums a and b count as equal when |a - b| <= absolute + tolerance x max(|a|, |b|); by default\n"
      "they must be identical. Summaries follow from the replicates and are not compared, and\n"
      "neither are /run_info (threads, host, times). The facts of the runs (scenario, seed,\n"
      "replicates, version) are shown but do not make the results differ. A sweep or comparison\n"
      "file is refused: compare one combination's result instead.");
  command->callback([options, &context] { compare_results(*options, context); });
}

}  // namespace carecast::cli
