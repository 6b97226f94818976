#include <memory>

#include "cli/commands.hpp"
#include "cli/result_summary_printer.hpp"

namespace carecast::cli {

namespace {

struct SummaryOptions {
  std::string result;
};

}  // namespace

void add_summary_command(CLI::App& app, const CommandContext&) {
  auto options = std::make_shared<SummaryOptions>();
  CLI::App* command = app.add_subcommand(
      "summary", "Print the main figures of a result file by calendar year: children in each kind "
                 "of care at the start of each year, entries, exits and moves in each year, with 90 % intervals.");
  command->add_option("RESULT", options->result, "A result file written by 'carecast run'.")
      ->required()
      ->check(CLI::ExistingFile);
  command->footer(
      "Each figure reads 'mean (low-high)': the mean over replicates and the 5 % to 95 % range of\n"
      "the replicates, which holds the outcome with 90 % probability under the model. Stocks are\n"
      "shown on the first grid date of each calendar year and on the last grid date. A result of\n"
      "'run --analytic' shows the expected stock only.");
  command->callback([options] { print_result_summary(options->result); });
}

}  // namespace carecast::cli
