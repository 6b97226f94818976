// Two results compared array by array: identical files are the same; a changed count differs
// at its cell, named by its axes; a sum within the tolerance does not make results differ;
// arrays in one file only, and another grid, do.
#include "output/result_diff.hpp"

#include <gtest/gtest.h>

#include "output/result_writer.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output {
namespace {

using testing::ScratchFolder;
using testing::synthetic_result;
using Status = ArrayDifference::Status;

const ArrayDifference& array_named(const ResultDiff& diff, const std::string& name) {
  for (const ArrayDifference& d : diff.arrays)
    if (d.name == name) return d;
  throw std::out_of_range("no array " + name);
}

class ResultDiffTest : public ::testing::Test {
 protected:
  ResultFile written(const models::RunResult& result, const std::string& name) {
    write_result(result, folder / name, true);
    return ResultFile(folder / name);
  }
  ScratchFolder folder;
  models::RunResult base = synthetic_result(3, 4);
};

TEST_F(ResultDiffTest, AResultIsTheSameAsItself) {
  ResultFile a = written(base, "a.h5"), b = written(base, "b.h5");
  ResultDiff diff = diff_results(a, b, {});
  EXPECT_TRUE(diff.same());
  EXPECT_TRUE(diff.facts.empty());
  EXPECT_TRUE(diff.structure.empty());
  for (const ArrayDifference& d : diff.arrays) EXPECT_EQ(d.status, Status::same) << d.name;
  EXPECT_NE(format_result_diff(diff, a, b, {}).find("Result: the same."), std::string::npos);
}

TEST_F(ResultDiffTest, AChangedCountDiffersAtItsCellNamedByItsAxes) {
  models::RunResult changed = synthetic_result(3, 4);
  auto stock = changed.replicates[2].counts(0);  // the occupancy recorder's stock [time, state] comes first
  std::size_t point = 1, state = 2;
  stock[point * 4 + state] += 5;
  changed.provenance.seed += 1;
  ResultFile a = written(base, "a.h5"), b = written(changed, "b.h5");
  ResultDiff diff = diff_results(a, b, {1e-6, 0.0});
  EXPECT_FALSE(diff.same());
  ASSERT_EQ(diff.facts.size(), 1u);
  EXPECT_NE(diff.facts[0].find("seed"), std::string::npos);
  const ArrayDifference& d = array_named(diff, "stock");
  EXPECT_EQ(d.status, Status::differs);
  EXPECT_EQ(d.differing, 1u);
  EXPECT_EQ(d.cells, 3u * 4u * 4u);
  EXPECT_EQ(d.largest, 5.0);
  EXPECT_EQ(d.second_value - d.first_value, 5.0);
  EXPECT_EQ(d.where, "replicate 2, date 2025-02-01, state residential");
  std::string text = format_result_diff(diff, a, b, {1e-6, 0.0});
  EXPECT_NE(text.find("Result: they differ (1 of"), std::string::npos) << text;
  EXPECT_NE(text.find("replicate 2, date 2025-02-01, state residential"), std::string::npos) << text;
}

TEST_F(ResultDiffTest, SumsWithinTheToleranceDoNotMakeResultsDiffer) {
  models::RunResult changed = synthetic_result(3, 4);
  auto cost = changed.replicates[1].sums(0);
  double before = cost[2];
  cost[2] = before * (1.0 + 1e-13);
  ResultFile a = written(base, "a.h5"), b = written(changed, "b.h5");
  ResultDiff loose = diff_results(a, b, {1e-12, 0.0});
  EXPECT_TRUE(loose.same());
  EXPECT_EQ(array_named(loose, "cost").status, Status::within_tolerance);
  EXPECT_EQ(array_named(loose, "cost").where, "replicate 1, from 2025-03-01, to 2025-04-01");
  ResultDiff exact = diff_results(a, b, {});
  EXPECT_FALSE(exact.same());
  EXPECT_EQ(array_named(exact, "cost").status, Status::differs);
  ResultDiff absolute = diff_results(a, b, {0.0, 1e-9 * before});
  EXPECT_TRUE(absolute.same());
}

TEST_F(ResultDiffTest, TheAnalyticStockIsCompared) {
  models::RunResult changed = synthetic_result(3, 4);
  changed.analytic_stock[5] += 0.5;  // point 1, state 1
  ResultFile a = written(base, "a.h5"), b = written(changed, "b.h5");
  ResultDiff diff = diff_results(a, b, {});
  EXPECT_FALSE(diff.same());
  const ArrayDifference& d = array_named(diff, "analytic/stock");
  EXPECT_EQ(d.status, Status::differs);
  EXPECT_EQ(d.where, "date 2025-02-01, state foster");
  models::RunResult without = synthetic_result(3, 4);
  without.analytic_stock.clear();
  EXPECT_EQ(array_named(diff_results(a, written(without, "c.h5"), {}), "analytic/stock").status,
            Status::only_in_first);
}

TEST_F(ResultDiffTest, AnArrayOfCountsAgainstOneOfSumsIsLaidOutOtherwise) {
  models::RunResult changed = synthetic_result(3, 4);
  auto layout = std::make_shared<engine::TallyLayout>();
  engine::OccupancyRecorder::register_arrays(*layout, 4, changed.states.size());
  layout->add_counts("cost", {3}, {"interval"});  // counts where the base has sums
  changed.layout = layout;
  for (auto& tally : changed.replicates) tally = engine::Tally(layout);
  ResultDiff diff = diff_results(written(base, "a.h5"), written(changed, "b.h5"), {});
  EXPECT_EQ(array_named(diff, "cost").status, Status::other_shape);
  EXPECT_EQ(array_named(diff, "cost").shapes, "sums and counts");
}

TEST_F(ResultDiffTest, AnotherGridOrAnArrayInOneFileOnlyDiffers) {
  models::RunResult longer = synthetic_result(3, 5);
  ResultFile a = written(base, "a.h5"), b = written(longer, "b.h5");
  ResultDiff diff = diff_results(a, b, {});
  EXPECT_FALSE(diff.same());
  ASSERT_FALSE(diff.structure.empty());
  EXPECT_NE(diff.structure[0].find("the grid: 4 dates from 2025-01-01 and 5 dates"), std::string::npos)
      << diff.structure[0];
  EXPECT_EQ(array_named(diff, "stock").status, Status::other_shape);
  EXPECT_EQ(array_named(diff, "stock").shapes, "[3, 4, 4] and [3, 5, 4]");

  models::RunResult fewer = synthetic_result(3, 4);
  auto layout = std::make_shared<engine::TallyLayout>();
  engine::OccupancyRecorder::register_arrays(*layout, 4, fewer.states.size());
  fewer.layout = layout;
  for (auto& tally : fewer.replicates) tally = engine::Tally(layout);
  ResultFile c = written(fewer, "c.h5");
  ResultDiff one_sided = diff_results(c, a, {});
  EXPECT_FALSE(one_sided.same());
  EXPECT_EQ(array_named(one_sided, "cost").status, Status::only_in_second);
  EXPECT_EQ(array_named(diff_results(a, c, {}), "cost").status, Status::only_in_first);
}

}  // namespace
}  // namespace carecast::output
