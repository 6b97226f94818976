#include "engine/communicator.hpp"

#include <stdexcept>

namespace carecast::engine {

ReplicateRange replicates_for_rank(std::size_t replicates, int rank, int ranks) {
  auto r = static_cast<std::size_t>(rank), n = static_cast<std::size_t>(ranks);
  std::size_t base = replicates / n, extra = replicates % n;
  std::size_t first = r * base + std::min(r, extra);
  return {first, first + base + (r < extra ? 1 : 0)};
}

std::vector<Tally> gather_tallies(const Communicator& communicator, std::vector<Tally> local,
                                  const std::shared_ptr<const TallyLayout>& layout) {
  if (communicator.size() == 1) return local;
  std::vector<std::int64_t> counts;
  std::vector<double> sums;
  for (const Tally& tally : local) {
    counts.insert(counts.end(), tally.all_counts().begin(), tally.all_counts().end());
    sums.insert(sums.end(), tally.all_sums().begin(), tally.all_sums().end());
  }
  auto all_counts = communicator.gather(counts);
  auto all_sums = communicator.gather(sums);
  std::vector<Tally> tallies;
  if (!communicator.is_root()) return tallies;
  std::size_t count_size = layout->count_size(), sum_size = layout->sum_size();
  if (count_size + sum_size == 0) throw std::invalid_argument("cannot gather tallies with an empty layout");
  std::size_t replicates = count_size ? all_counts.size() / count_size : all_sums.size() / sum_size;
  for (std::size_t r = 0; r < replicates; ++r) {
    Tally tally(layout);
    std::copy_n(all_counts.begin() + static_cast<long>(r * count_size), count_size,
                tally.all_counts().begin());
    std::copy_n(all_sums.begin() + static_cast<long>(r * sum_size), sum_size,
                tally.all_sums().begin());
    tallies.push_back(std::move(tally));
  }
  return tallies;
}

}  // namespace carecast::engine
