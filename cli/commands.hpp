#pragma once
// Each subcommand registers its options and its action on the application.
#include <CLI/CLI.hpp>

#include "cli/command_context.hpp"

namespace carecast::cli {

void add_run_command(CLI::App& app, const CommandContext& context);
void add_validate_command(CLI::App& app, const CommandContext& context);
void add_summary_command(CLI::App& app, const CommandContext& context);
void add_export_command(CLI::App& app, const CommandContext& context);
void add_compare_command(CLI::App& app, const CommandContext& context);
void add_calibrate_command(CLI::App& app, const CommandContext& context);
void add_backtest_command(CLI::App& app, const CommandContext& context);
void add_diff_command(CLI::App& app, const CommandContext& context);

}  // namespace carecast::cli
