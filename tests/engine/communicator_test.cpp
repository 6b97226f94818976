// Spreading replicates over ranks, and gathering their tallies on rank 0.
#include "engine/communicator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace carecast::engine {
namespace {

TEST(ReplicatesForRank, ContiguousBlocksCoverEveryReplicateExactlyOnce) {
  for (std::size_t n : {0u, 1u, 2u, 3u, 5u, 7u, 10u, 64u, 100u, 101u, 1000u}) {
    for (int ranks : {1, 2, 3, 4, 7, 8, 16, 33}) {
      std::vector<int> covered(n, 0);
      std::size_t expected_first = 0;
      std::size_t smallest = n + 1, largest = 0;
      for (int rank = 0; rank < ranks; ++rank) {
        ReplicateRange range = replicates_for_rank(n, rank, ranks);
        ASSERT_EQ(range.first, expected_first) << n << " over " << ranks << ", rank " << rank;
        ASSERT_LE(range.first, range.last);
        for (std::size_t r = range.first; r < range.last; ++r) covered[r] += 1;
        expected_first = range.last;
        smallest = std::min(smallest, range.size());
        largest = std::max(largest, range.size());
      }
      EXPECT_EQ(expected_first, n) << n << " over " << ranks;
      EXPECT_LE(largest - smallest, 1u) << n << " over " << ranks;
      for (std::size_t r = 0; r < n; ++r) EXPECT_EQ(covered[r], 1) << r;
    }
  }
  EXPECT_EQ(replicates_for_rank(10, 0, 1).first, 0u);
  EXPECT_EQ(replicates_for_rank(10, 0, 1).last, 10u);
  EXPECT_EQ(replicates_for_rank(10, 2, 4).first, 6u);
  EXPECT_EQ(replicates_for_rank(10, 2, 4).last, 8u);
}

std::shared_ptr<TallyLayout> layout_with(std::size_t counts, std::size_t sums) {
  auto layout = std::make_shared<TallyLayout>();
  if (counts) layout->add_counts("c", {counts});
  if (sums) layout->add_sums("s", {sums});
  return layout;
}

Tally filled(const std::shared_ptr<const TallyLayout>& layout, int replicate) {
  Tally tally(layout);
  for (std::size_t i = 0; i < tally.all_counts().size(); ++i)
    tally.all_counts()[i] = 1000 * replicate + static_cast<std::int64_t>(i);
  for (std::size_t i = 0; i < tally.all_sums().size(); ++i)
    tally.all_sums()[i] = replicate + 0.125 * static_cast<double>(i);
  return tally;
}

TEST(SingleProcess, IsRankZeroOfOne) {
  SingleProcess single;
  EXPECT_EQ(single.rank(), 0);
  EXPECT_EQ(single.size(), 1);
  EXPECT_TRUE(single.is_root());
  EXPECT_TRUE(single.all(true));
  EXPECT_FALSE(single.all(false));
  std::vector<std::int64_t> ints{1, -2, 3};
  std::vector<double> reals{0.5, 1.5};
  EXPECT_EQ(single.gather(ints), ints);
  EXPECT_EQ(single.gather(reals), reals);
}

TEST(GatherTallies, SingleProcessIsTheIdentity) {
  std::shared_ptr<const TallyLayout> layout = layout_with(5, 3);
  std::vector<Tally> local;
  for (int r = 0; r < 4; ++r) local.push_back(filled(layout, r));
  auto gathered = gather_tallies(SingleProcess{}, local, layout);
  ASSERT_EQ(gathered.size(), local.size());
  for (std::size_t r = 0; r < local.size(); ++r) {
    EXPECT_EQ(gathered[r].all_counts(), local[r].all_counts());
    EXPECT_EQ(gathered[r].all_sums(), local[r].all_sums());
  }
  EXPECT_TRUE(gather_tallies(SingleProcess{}, {}, layout).empty());
}

/// Plays one rank of a two-rank run whose other rank holds `other`'s flattened tallies.
class TwoRanks final : public Communicator {
 public:
  TwoRanks(int rank, std::vector<std::int64_t> other_counts, std::vector<double> other_sums)
      : rank_(rank), other_counts_(std::move(other_counts)), other_sums_(std::move(other_sums)) {}
  int rank() const override { return rank_; }
  int size() const override { return 2; }
  std::vector<std::int64_t> gather(const std::vector<std::int64_t>& local) const override {
    return join(local, other_counts_);
  }
  std::vector<double> gather(const std::vector<double>& local) const override {
    return join(local, other_sums_);
  }
  bool all(bool ok) const override { return ok; }

 private:
  template <class T>
  std::vector<T> join(const std::vector<T>& local, const std::vector<T>& other) const {
    if (rank_ != 0) return {};
    std::vector<T> all = local;  // rank 0 first, then rank 1
    all.insert(all.end(), other.begin(), other.end());
    return all;
  }
  int rank_;
  std::vector<std::int64_t> other_counts_;
  std::vector<double> other_sums_;
};

void flatten(const std::vector<Tally>& tallies, std::vector<std::int64_t>& counts,
             std::vector<double>& sums) {
  for (const Tally& t : tallies) {
    counts.insert(counts.end(), t.all_counts().begin(), t.all_counts().end());
    sums.insert(sums.end(), t.all_sums().begin(), t.all_sums().end());
  }
}

void expect_two_rank_gather(std::size_t count_size, std::size_t sum_size) {
  std::shared_ptr<const TallyLayout> layout = layout_with(count_size, sum_size);
  // 5 replicates: 3 on rank 0, 2 on rank 1.
  std::vector<Tally> rank0, rank1;
  for (int r = 0; r < 3; ++r) rank0.push_back(filled(layout, r));
  for (int r = 3; r < 5; ++r) rank1.push_back(filled(layout, r));
  std::vector<std::int64_t> counts1;
  std::vector<double> sums1;
  flatten(rank1, counts1, sums1);

  auto gathered = gather_tallies(TwoRanks(0, counts1, sums1), rank0, layout);
  ASSERT_EQ(gathered.size(), 5u);
  for (int r = 0; r < 5; ++r) {
    Tally expected = filled(layout, r);
    EXPECT_EQ(gathered[r].all_counts(), expected.all_counts()) << r;
    EXPECT_EQ(gathered[r].all_sums(), expected.all_sums()) << r;
    EXPECT_EQ(&gathered[r].layout(), layout.get());
  }
  // Other ranks get nothing.
  EXPECT_TRUE(gather_tallies(TwoRanks(1, {}, {}), rank1, layout).empty());
}

TEST(GatherTallies, RootReassemblesEveryRanksTalliesInReplicateOrder) {
  expect_two_rank_gather(6, 4);
}

TEST(GatherTallies, LayoutsWithOnlyCountsOrOnlySums) {
  expect_two_rank_gather(6, 0);
  expect_two_rank_gather(0, 4);
}

}  // namespace
}  // namespace carecast::engine
