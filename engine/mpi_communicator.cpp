#include "engine/mpi_communicator.hpp"

#include <cstdlib>

#ifdef CARECAST_WITH_MPI
#include <mpi.h>
#endif

namespace carecast::engine {

#ifdef CARECAST_WITH_MPI
namespace {

bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

template <typename T>
std::vector<T> gather_vector(const std::vector<T>& local, MPI_Datatype type) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int count = static_cast<int>(local.size());
  std::vector<int> counts(static_cast<std::size_t>(size)), displacements(counts.size());
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<T> all;
  if (rank == 0) {
    int total = 0;
    for (std::size_t r = 0; r < counts.size(); ++r) {
      displacements[r] = total;
      total += counts[r];
    }
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(local.data(), count, type, all.data(), counts.data(), displacements.data(), type, 0,
              MPI_COMM_WORLD);
  return all;
}

class MpiCommunicator final : public Communicator {
 public:
  int rank() const override {
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    return rank;
  }
  int size() const override {
    int size = 1;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    return size;
  }
  std::vector<std::int64_t> gather(const std::vector<std::int64_t>& local) const override {
    return gather_vector(local, MPI_INT64_T);
  }
  std::vector<double> gather(const std::vector<double>& local) const override {
    return gather_vector(local, MPI_DOUBLE);
  }
  bool all(bool ok) const override {
    int mine = ok ? 1 : 0, every = 0;
    MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    return every == 1;
  }
};

}  // namespace

ProcessGroup::ProcessGroup(int& argc, char**& argv) {
  if (launched_by_mpi()) {
    MPI_Init(&argc, &argv);
    owns_mpi_ = true;
    communicator_ = std::make_unique<MpiCommunicator>();
  } else {
    communicator_ = std::make_unique<SingleProcess>();
  }
}

ProcessGroup::~ProcessGroup() {
  if (owns_mpi_) MPI_Finalize();
}

bool built_with_mpi() { return true; }

#else

ProcessGroup::ProcessGroup(int&, char**&) : communicator_(std::make_unique<SingleProcess>()) {}
ProcessGroup::~ProcessGroup() = default;
bool built_with_mpi() { return false; }

#endif

}  // namespace carecast::engine
