#pragma once
// The MPI implementation of Communicator, built when MPI is available.
#include <memory>

#include "engine/communicator.hpp"

namespace carecast::engine {

/// Initializes MPI for the life of the object when the process was started by an MPI launcher;
/// otherwise (or when built without MPI) it is a single process.
class ProcessGroup {
 public:
  ProcessGroup(int& argc, char**& argv);
  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

  const Communicator& communicator() const { return *communicator_; }

 private:
  bool owns_mpi_ = false;
  std::unique_ptr<Communicator> communicator_;
};

/// True when this build can run across MPI ranks.
bool built_with_mpi();

}  // namespace carecast::engine
