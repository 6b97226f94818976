#include "output/replicate_summary.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace carecast::output {
namespace {

std::vector<engine::Tally> tallies_with(const std::vector<std::int64_t>& first_counts,
                                        std::size_t width) {
  auto layout = std::make_shared<engine::TallyLayout>();
  layout->add_counts("x", {width});
  layout->add_sums("y", {width});
  std::vector<engine::Tally> tallies;
  for (std::int64_t value : first_counts) {
    engine::Tally tally(layout);
    for (std::size_t i = 0; i < width; ++i) {
      tally.counts(0)[i] = value + static_cast<std::int64_t>(i);
      tally.sums(0)[i] = 0.5 * static_cast<double>(value);
    }
    tallies.push_back(std::move(tally));
  }
  return tallies;
}

TEST(ReplicateSummaryTest, GivesMeanSdAndQuantilesOfEachElement) {
  // Replicate values 1, 2, 3, 4, 10: mean 4, sample variance 50/4, and type-7 quantiles.
  auto tallies = tallies_with({3, 1, 10, 2, 4}, 2);
  std::vector<double> summary = summarize_counts(tallies, 0);
  ASSERT_EQ(summary.size(), 7u * 2u);
  std::vector<double> expected{4.0, std::sqrt(12.5), 1.2, 2.0, 3.0, 4.0, 8.8};
  for (std::size_t s = 0; s < 7; ++s) {
    EXPECT_NEAR(summary[s * 2 + 0], expected[s], 1e-12) << "statistic " << s;
    double shift = s == 1 ? 0.0 : 1.0;  // element 1 is element 0 plus one; its sd is the same
    EXPECT_NEAR(summary[s * 2 + 1], expected[s] + shift, 1e-12) << "statistic " << s;
  }
}

TEST(ReplicateSummaryTest, SummarizesSums) {
  auto tallies = tallies_with({3, 1, 10, 2, 4}, 1);
  std::vector<double> summary = summarize_sums(tallies, 0);
  EXPECT_NEAR(summary[0], 2.0, 1e-12);
  EXPECT_NEAR(summary[6], 4.4, 1e-12);
}

TEST(ReplicateSummaryTest, ArraysWiderThanABlockAreSummarizedWhole) {
  auto tallies = tallies_with({0, 10}, 10000);
  std::vector<double> summary = summarize_counts(tallies, 0);
  ASSERT_EQ(summary.size(), 7u * 10000u);
  for (std::size_t i : {0u, 4095u, 4096u, 9999u}) {
    EXPECT_DOUBLE_EQ(summary[0 * 10000 + i], 5.0 + static_cast<double>(i));
    EXPECT_DOUBLE_EQ(summary[2 * 10000 + i], 0.5 + static_cast<double>(i));
    EXPECT_DOUBLE_EQ(summary[6 * 10000 + i], 9.5 + static_cast<double>(i));
  }
}

TEST(ReplicateSummaryTest, OneReplicateHasZeroSpread) {
  auto tallies = tallies_with({7}, 1);
  std::vector<double> summary = summarize_counts(tallies, 0);
  EXPECT_EQ(summary, (std::vector<double>{7, 0, 7, 7, 7, 7, 7}));
}

}  // namespace
}  // namespace carecast::output
