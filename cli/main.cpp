// carecast: forecasts of children's out-of-home care.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <exception>

#include "build_info.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "engine/mpi_communicator.hpp"
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
      "Exit codes: 0 success; 1 invalid input (scenario, table); 2 a result file cannot be written\n"
      "or read; "
      "3 wrong command line; 4 internal error.\n"
      "Run 'carecast COMMAND --help' for the options of a command. Documentation: docs/.");
}

}  // namespace

int main(int argc, char** argv) {
  engine::ProcessGroup processes(argc, argv);
  cli::CommandContext context{processes.communicator(), argc, argv};
  CLI::App app{"carecast"};
  describe_app(app);
  cli::add_run_command(app, context);
  cli::add_validate_command(app, context);
  cli::add_summary_command(app, context);
  cli::add_export_command(app, context);
  cli::add_compare_command(app, context);
  cli::add_calibrate_command(app, context);
  cli::add_backtest_command(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& done) {
    return app.exit(done);
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
  return cli::success;
}
