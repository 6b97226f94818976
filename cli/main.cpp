// carecast: forecasts of children's out-of-home care.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <fmt/ranges.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "build_info.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "engine/mpi_communicator.hpp"
#include "models/config/did_you_mean.hpp"
#include "models/config/input_error.hpp"
#include "output/output_error.hpp"

namespace {

using namespace carecast;

int report(const char* kind, const std::exception& error, int code) {
  fmt::print(stderr, "carecast: {}: {}\n", kind, error.what());
  return code;
}

void describe_app(CLI::App& app) {
  app.description(
      "carecast follows children one by one through entries into care, placements, moves,\n"
      "breakdowns, school changes and exits, thousands of times over, and turns that into\n"
      "forecasts of placements, flows, breakdowns, school outcomes and foster-carer capacity,\n"
      "each with an interval.");
  app.require_subcommand(1);
  app.set_version_flag("--version", fmt::format("carecast {} ({})", cli::engine_version, cli::git_commit));
  app.footer(
      "Exit codes: 0 success; 1 invalid input (scenario, table), or for 'diff' results that differ;\n"
      "2 a result file cannot be written or read; 3 wrong command line; 4 internal error.\n"
      "Run 'carecast COMMAND --help' for the options of a command. Documentation: docs/.\n"
      "A report with charts of a result or comparison file: /usr/bin/python3 tools/report.py FILE -o report.html\n"
      "(docs/report.md).");
}

/// The commands' names, for a misspelt one.
std::vector<std::string> command_names(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(command->get_name());
  return names;
}

/// CLI11 calls a misspelt command "A subcommand is required"; this names it, with the closest
/// command. Returns whether the first argument is an option or a known command.
bool command_name_is_known(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return true;
  std::vector<std::string> names = command_names(app);
  if (std::find(names.begin(), names.end(), argv[1]) != names.end()) return true;
  std::optional<std::string> closest = models::closest_name(argv[1], names);
  fmt::print(stderr, "carecast: unknown command '{}'{}; the commands are {}\nRun with --help for more information.\n",
             argv[1], closest ? fmt::format(" (did you mean '{}'?)", *closest) : "", fmt::join(names, ", "));
  return false;
}

/// An option that is required and missing is reported first by CLI11, even when the reason is
/// a misspelt option given instead ('--cvs' for '--csv'); this names the arguments not understood.
void report_unexpected(const CLI::App& app) {
  for (const CLI::App* command : app.get_subcommands())
    if (!command->remaining().empty())
      fmt::print(stderr, "carecast {}: not understood: {}\n", command->get_name(), fmt::join(command->remaining(), " "));
}

}  // namespace

int main(int argc, char** argv) {
  engine::ProcessGroup processes(argc, argv);
  int exit_status = cli::success;
  cli::CommandContext context{processes.communicator(), argc, argv, &exit_status};
  CLI::App app{"carecast"};
  describe_app(app);
  cli::add_run_command(app, context);
  cli::add_validate_command(app, context);
  cli::add_summary_command(app, context);
  cli::add_export_command(app, context);
  cli::add_compare_command(app, context);
  cli::add_calibrate_command(app, context);
  cli::add_backtest_command(app, context);
  cli::add_diff_command(app, context);
  if (!command_name_is_known(app, argc, argv)) return cli::usage_error;
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& done) {
    return app.exit(done);
  } catch (const CLI::RequiredError& error) {
    report_unexpected(app);
    app.exit(error);
    return cli::usage_error;
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return cli::usage_error;
  } catch (const models::InputError& error) {
    return report("invalid input", error, cli::input_error);
  } catch (const output::OutputError& error) {
    return report("result file", error, cli::output_error);
  } catch (const std::exception& error) {
    return report("internal error", error, cli::internal_error);
  }
  return exit_status;
}
