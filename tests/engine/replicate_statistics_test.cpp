// Summaries over replicates. Reference values are numpy's defaults (np.quantile with
// method="linear", i.e. Hyndman–Fan type 7; np.std with ddof=1), computed by hand below.
#include "engine/replicate_statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace carecast::engine {
namespace {

// Sorted: -2.0, 0.0, 3.1, 4.4, 7.5, 10.25; position h = level × 5.
const std::vector<double> values = {3.1, -2.0, 7.5, 0.0, 10.25, 4.4};

std::vector<double> sorted_values() {
  auto v = values;
  std::sort(v.begin(), v.end());
  return v;
}

TEST(QuantileOfSorted, MatchesTypeSevenByHand) {
  auto sorted = sorted_values();
  EXPECT_DOUBLE_EQ(quantile_of_sorted(sorted, 0.0), -2.0);
  EXPECT_DOUBLE_EQ(quantile_of_sorted(sorted, 0.05), -1.5);   // h=0.25: -2 + 0.25·2
  EXPECT_DOUBLE_EQ(quantile_of_sorted(sorted, 0.10), -1.0);   // h=0.5
  EXPECT_DOUBLE_EQ(quantile_of_sorted(sorted, 0.25), 0.775);  // h=1.25: 0 + 0.25·3.1
  EXPECT_DOUBLE_EQ(quantile_of_sorted(sorted, 0.40), 3.1);    // h=2 exactly
  EXPECT_DOUBLE_EQ(quantile_of_sorted(sorted, 0.50), 3.75);   // h=2.5: 3.1 + 0.5·1.3
  EXPECT_DOUBLE_EQ(quantile_of_sorted(sorted, 0.75), 6.725);  // h=3.75: 4.4 + 0.75·3.1
  EXPECT_DOUBLE_EQ(quantile_of_sorted(sorted, 0.95), 9.5625); // h=4.75: 7.5 + 0.75·2.75
  EXPECT_DOUBLE_EQ(quantile_of_sorted(sorted, 1.0), 10.25);
}

TEST(QuantileOfSorted, SmallSamples) {
  std::vector<double> one{4.0};
  for (double level : {0.0, 0.05, 0.5, 0.95, 1.0}) EXPECT_EQ(quantile_of_sorted(one, level), 4.0);
  std::vector<double> two{2.0, 5.0};  // type 7: 2 + 3·level
  EXPECT_DOUBLE_EQ(quantile_of_sorted(two, 0.05), 2.15);
  EXPECT_DOUBLE_EQ(quantile_of_sorted(two, 0.25), 2.75);
  EXPECT_DOUBLE_EQ(quantile_of_sorted(two, 0.5), 3.5);
  EXPECT_DOUBLE_EQ(quantile_of_sorted(two, 0.95), 4.85);
  EXPECT_DOUBLE_EQ(quantile_of_sorted(two, 1.0), 5.0);
  std::vector<double> ties{1.0, 1.0, 1.0, 8.0};  // h = 3·level
  EXPECT_DOUBLE_EQ(quantile_of_sorted(ties, 0.5), 1.0);
  EXPECT_DOUBLE_EQ(quantile_of_sorted(ties, 0.9), 1.0 + 0.7 * 7.0);
  EXPECT_THROW(quantile_of_sorted(std::vector<double>{}, 0.5), std::invalid_argument);
}

TEST(QuantileOfSorted, IsMonotoneInTheLevel) {
  std::vector<double> v;
  for (int i = 0; i < 37; ++i) v.push_back(std::sin(i) * 10.0);
  std::sort(v.begin(), v.end());
  double previous = -1e300;
  for (int k = 0; k <= 1000; ++k) {
    double q = quantile_of_sorted(v, k / 1000.0);
    EXPECT_GE(q, previous);
    EXPECT_GE(q, v.front());
    EXPECT_LE(q, v.back());
    previous = q;
  }
}

TEST(Summarize, MeanSampleSdAndQuantilesInOrder) {
  auto s = summarize(values);
  ASSERT_EQ(s.size(), summary_statistic_names.size());
  EXPECT_EQ(summary_statistic_names[0], "mean");
  EXPECT_EQ(summary_statistic_names[1], "sd");
  EXPECT_DOUBLE_EQ(s[0], 3.875);
  // Sum of squared deviations 104.18875 over n - 1 = 5.
  EXPECT_DOUBLE_EQ(s[1], std::sqrt(20.83775));
  EXPECT_DOUBLE_EQ(s[2], -1.5);
  EXPECT_DOUBLE_EQ(s[3], 0.775);
  EXPECT_DOUBLE_EQ(s[4], 3.75);
  EXPECT_DOUBLE_EQ(s[5], 6.725);
  EXPECT_DOUBLE_EQ(s[6], 9.5625);
}

TEST(Summarize, OneValueHasZeroSdAndNoValuesGiveZeros) {
  auto one = summarize({7.5});
  EXPECT_EQ(one[0], 7.5);
  EXPECT_EQ(one[1], 0.0);
  for (std::size_t i = 2; i < one.size(); ++i) EXPECT_EQ(one[i], 7.5);
  auto none = summarize({});
  for (double x : none) EXPECT_EQ(x, 0.0);
  auto two = summarize({2.0, 5.0});
  EXPECT_DOUBLE_EQ(two[0], 3.5);
  EXPECT_DOUBLE_EQ(two[1], std::sqrt(4.5));
}

TEST(SummarizeColumns, SummarizesEachColumnIntoStatisticMajorOrder) {
  // Three columns: the reference values, their negatives and a constant.
  const std::size_t replicates = values.size(), columns = 3;
  std::vector<double> table;
  for (double v : values) {
    table.push_back(v);
    table.push_back(-v);
    table.push_back(1.25);
  }
  auto result = summarize_columns(table, replicates, columns);
  ASSERT_EQ(result.size(), 7u * columns);
  auto first = summarize(values);
  std::vector<double> negated;
  for (double v : values) negated.push_back(-v);
  auto second = summarize(negated);
  for (std::size_t s = 0; s < 7; ++s) {
    EXPECT_DOUBLE_EQ(result[s * columns + 0], first[s]) << s;
    EXPECT_DOUBLE_EQ(result[s * columns + 1], second[s]) << s;
    EXPECT_DOUBLE_EQ(result[s * columns + 2], s == 1 ? 0.0 : 1.25) << s;
  }
  // Symmetry: quantile q of -x is minus quantile 1-q of x.
  EXPECT_DOUBLE_EQ(result[2 * columns + 1], -first[6]);
  EXPECT_DOUBLE_EQ(result[4 * columns + 1], -first[4]);
}

}  // namespace
}  // namespace carecast::engine
