#pragma once
// How the processes of one run talk to each other. The single-process implementation is the
// default; with MPI, replicates are spread in contiguous blocks over the ranks and gathered
// on rank 0, which alone writes the result.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/replicate_runner.hpp"

namespace carecast::engine {

class Communicator {
 public:
  virtual ~Communicator() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  bool is_root() const { return rank() == 0; }
  /// Concatenates every rank's values on rank 0, in rank order; other ranks get nothing.
  virtual std::vector<std::int64_t> gather(const std::vector<std::int64_t>& local) const = 0;
  virtual std::vector<double> gather(const std::vector<double>& local) const = 0;
  /// True on every rank only if `ok` is true on every rank.
  virtual bool all(bool ok) const = 0;
};

class SingleProcess final : public Communicator {
 public:
  int rank() const override { return 0; }
  int size() const override { return 1; }
  std::vector<std::int64_t> gather(const std::vector<std::int64_t>& local) const override { return local; }
  std::vector<double> gather(const std::vector<double>& local) const override { return local; }
  bool all(bool ok) const override { return ok; }
};

/// The replicates that `rank` of `ranks` runs: a contiguous block, sizes differing by at most one.
ReplicateRange replicates_for_rank(std::size_t replicates, int rank, int ranks);

/// Gathers every rank's tallies on rank 0, in replicate order.
std::vector<Tally> gather_tallies(const Communicator& communicator, std::vector<Tally> local,
                                  const std::shared_ptr<const TallyLayout>& layout);

}  // namespace carecast::engine
