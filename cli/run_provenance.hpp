#pragma once
// Facts about this process recorded in a result's provenance: host, times, command line.
#include <string>

#include "cli/command_context.hpp"
#include "models/run_result.hpp"

namespace carecast::cli {

/// Fills the engine version, commit and the volatile facts of this run (threads, ranks, command
/// line, host, start and finish times, wall seconds).
void fill_run_provenance(models::Provenance& provenance, const CommandContext& context, int threads,
                         const std::string& started, double seconds);

std::string current_utc_time();
std::string host_name();
std::string joined_command_line(int argc, char** argv);

}  // namespace carecast::cli
