#pragma once
// The process exit codes of the carecast command.
namespace carecast::cli {

enum ExitCode : int {
  success = 0,
  input_error = 1,    // a scenario, table or episode file is wrong; nothing was written
  output_error = 2,   // the result could not be written (or exists and --force was not given)
  usage_error = 3,    // the command line is wrong
  internal_error = 4, // a bug: please report it
  results_differ = 1, // carecast diff only: the two results differ (as for diff and h5diff)
};

}  // namespace carecast::cli
