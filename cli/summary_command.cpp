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
                 "of care on 1 January, entries, exits and moves in each year, with 90 % intervals.");
  command->add_option("RESULT", options->result, "A result file written by 'carecast run'.")
      ->required()
      ->check(CLI::ExistingFile);
  command->footer(
      "Means are over replicates; [a, b] is the 5 % to 95 % range of the replicates, which holds\n"
      "the outcome with 90 % probability under the model. A result of 'run --analytic' shows the\n"
      "expected stock only.");
  command->callback([options] { print_result_summary(options->result); });
}

}  // namespace carecast::cli
