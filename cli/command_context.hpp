#pragma once
// What every subcommand needs from the process: who it is among the MPI ranks, the original
// command line for provenance, and where to leave an exit status other than success when the
// command itself succeeded (carecast diff: the files differ).
#include "engine/communicator.hpp"

namespace carecast::cli {

struct CommandContext {
  const engine::Communicator& communicator;
  int argc = 0;
  char** argv = nullptr;
  int* exit_status = nullptr;  // success unless a command sets it
};

}  // namespace carecast::cli
