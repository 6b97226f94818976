// summarize_sweep lays each combination's horizon figures side by side, [replicate][combination],
// and takes the paired difference from combination 0 in the same replicate: exactly zero for
// combination 0 itself.
#include "output/sweep_summary.hpp"

#include <gtest/gtest.h>

#include "output/output_error.hpp"
#include "tests/output/sweep_test_support.hpp"

namespace carecast::output {
namespace {

using testing::synthetic_figures;

SweepTable table_of(std::size_t combinations) {
  SweepTable table{{"a"}, {}, {}, true};
  for (std::size_t c = 0; c < combinations; ++c) {
    table.values.push_back({std::to_string(c)});
    table.numbers.push_back({static_cast<double>(c)});
  }
  return table;
}

TEST(SummarizeSweep, LaysTheFiguresOutByReplicateAndCombination) {
  std::vector<std::vector<HorizonFigure>> per_combination{synthetic_figures(0, 5, true), synthetic_figures(1, 5, true),
                                                          synthetic_figures(2, 5, true)};
  SweepSummary summary = summarize_sweep(table_of(3), per_combination);
  EXPECT_EQ(summary.replicates, 5u);
  ASSERT_EQ(summary.figures.size(), 5u);
  for (std::size_t f = 0; f < 5; ++f) {
    const SweepFigure& figure = summary.figures[f];
    EXPECT_EQ(figure.name, per_combination[0][f].name);
    ASSERT_EQ(figure.values.size(), 15u);
    for (std::size_t r = 0; r < 5; ++r)
      for (std::size_t c = 0; c < 3; ++c) {
        double value = per_combination[c][f].values[r];
        EXPECT_EQ(figure.values[r * 3 + c], value);
        EXPECT_EQ(figure.differences[r * 3 + c], value - per_combination[0][f].values[r]);
      }
  }
}

TEST(SummarizeSweep, TheFirstCombinationsDifferenceFromItselfIsExactlyZero) {
  std::vector<HorizonFigure> awkward{{"cost", {0.1 + 0.2, 1e17 + 3.0, -2.5e-300, 7.0 / 3.0}}};
  std::vector<HorizonFigure> other{{"cost", {1.0, 2.0, 3.0, 4.0}}};
  SweepSummary summary = summarize_sweep(table_of(2), {awkward, other});
  for (std::size_t r = 0; r < 4; ++r) {
    EXPECT_EQ(summary.figures[0].differences[r * 2], 0.0) << r;
    EXPECT_NE(summary.figures[0].differences[r * 2 + 1], 0.0) << r;
  }
}

TEST(SummarizeSweep, RefusesCombinationsThatDoNotMatch) {
  std::vector<HorizonFigure> four{{"cost", {1, 2, 3, 4}}};
  std::vector<HorizonFigure> three{{"cost", {1, 2, 3}}};
  std::vector<HorizonFigure> renamed{{"costs", {1, 2, 3, 4}}};
  EXPECT_THROW(summarize_sweep(table_of(2), {four, three}), OutputError);
  EXPECT_THROW(summarize_sweep(table_of(2), {four, renamed}), OutputError);
  EXPECT_THROW(summarize_sweep(table_of(3), {four, four}), OutputError);
  EXPECT_THROW(summarize_sweep(table_of(0), {}), OutputError);
}

}  // namespace
}  // namespace carecast::output
