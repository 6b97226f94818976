#include <fmt/format.h>

#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/result_summary_printer.hpp"
#include "models/scenario/sweep_definition.hpp"
#include "output/backtest_file.hpp"
#include "output/comparison_from_file.hpp"
#include "output/comparison_report.hpp"
#include "output/sweep_file.hpp"
#include "output/sweep_report.hpp"

namespace carecast::cli {

namespace {

struct SummaryOptions {
  std::string result;
  std::size_t combination = 0;
  CLI::Option* combination_option = nullptr;
};

void print_combination(const output::SweepFile& sweep, std::size_t index) {
  output::ResultFile result = sweep.combination(index);
  fmt::print("Combination {} of {} ({})\n\n", index, sweep.path().string(),
             models::describe_values(sweep.keys(), sweep.values(index)));
  print_result_summary(result);
}

/// A comparison file's tables, as compare printed them when it wrote the file.
void print_comparison(const std::string& path) {
  output::ComparisonFile file(path);
  fmt::print("Comparison file {}: {} scenarios, seed {}, {} replicates\n\n", path, file.scenarios().size(), file.seed(),
             file.replicates());
  fmt::print("{}", output::format_comparison(output::read_comparison_result(file), output::comparison_currency(file)));
}

/// A back-test file's report, as backtest printed it when it wrote the file.
void print_backtest(const std::string& path) {
  output::BacktestFileContents file = output::read_backtest_file(path);
  fmt::print("Back-test file {}: episodes {}, fitted before {} and observed until {}; seed {}, {} replicates\n\n{}",
             path, file.episodes, file.cut, file.observed_until, file.seed, file.replicates,
             output::format_backtest_report(file.report));
}

void summarize(const SummaryOptions& options) {
  bool one_combination = options.combination_option->count() > 0;
  if (output::is_backtest_file(options.result)) {
    if (one_combination)
      throw CLI::ValidationError("--combination", "'" + options.result + "' is a back-test file, not a sweep file");
    return print_backtest(options.result);
  }
  if (output::ComparisonFile::is_comparison_file(options.result)) {
    if (one_combination)
      throw CLI::ValidationError("--combination", "'" + options.result + "' is a comparison file, not a sweep file");
    return print_comparison(options.result);
  }
  if (!output::SweepFile::is_sweep_file(options.result)) {
    if (one_combination)
      throw CLI::ValidationError("--combination", "'" + options.result + "' is not a sweep file");
    print_result_summary(options.result);
    return;
  }
  output::SweepFile sweep(options.result);
  if (one_combination)
    print_combination(sweep, options.combination);
  else
    fmt::print("{}", output::format_sweep_summary(sweep));
}

}  // namespace

void add_summary_command(CLI::App& app, const CommandContext&) {
  auto options = std::make_shared<SummaryOptions>();
  CLI::App* command = app.add_subcommand(
      "summary", "Print the main figures of a result file by year: children in each kind of care, entries, "
                 "exits and moves, breakdowns and school, the carer pool, the budget and caseworkers, with 90 % intervals.");
  command->add_option("RESULT", options->result,
                      "A result or sweep file written by 'carecast run', a comparison file written by 'carecast "
                      "compare', or a back-test file written by 'carecast backtest'.")
      ->required()
      ->check(CLI::ExistingFile);
  options->combination_option = command->add_option(
      "-c,--combination", options->combination,
      "For a sweep file: print this combination's figures by year, as for a result file (0 is the first).");
  command->footer(
      "Each figure reads 'mean (low-high)': the mean over replicates and the 5 % to 95 % range of\n"
      "the replicates, which holds the outcome with 90 % probability under the model. Years are the\n"
      "scenario's reporting years: calendar years, unless simulation.year_begins says otherwise\n"
      "(04-01: financial years). Stocks are shown on the first day of each year and on the last\n"
      "grid date. A result of 'run --analytic' shows the expected stock only. For a sweep file it\n"
      "prints the table over the grid: each combination's values, its figures over the horizon,\n"
      "and their paired differences from combination 0; --combination N prints one combination by\n"
      "year. For a comparison file it prints the tables 'compare' printed when it wrote the file.");
  command->callback([options] { summarize(*options); });
}

}  // namespace carecast::cli
