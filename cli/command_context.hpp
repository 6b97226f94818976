#pragma once
// What every subcommand needs from the process: who it is among the MPI ranks, and the
// original command line for provenance.
#include "engine/communicator.hpp"

namespace carecast::cli {

struct CommandContext {
  const engine::Communicator& communicator;
  int argc = 0;
  char** argv = nullptr;
};

}  // namespace carecast::cli
