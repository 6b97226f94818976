// SweepFile reads back what write_sweep_file wrote: provenance, the table of combinations, the
// figures and differences, and each combination's result; it tells sweep files from others.
#include "output/sweep_file.hpp"

#include <gtest/gtest.h>

#include "engine/replicate_statistics.hpp"
#include "output/output_error.hpp"
#include "output/result_writer.hpp"
#include "tests/output/sweep_test_support.hpp"

namespace carecast::output {
namespace {

using testing::ScratchFolder;

class SweepFileTest : public ::testing::Test {
 protected:
  ScratchFolder folder;
  testing::SyntheticSweep sweep = testing::synthetic_sweep();
  std::filesystem::path path = folder / "sweep.h5";
  void SetUp() override { testing::write_synthetic_sweep(sweep, path); }
};

TEST_F(SweepFileTest, ProvenanceAndTheTableComeBack) {
  SweepFile file(path);
  EXPECT_EQ(file.schema_version(), "1.2");
  EXPECT_EQ(file.provenance().scenario_path, "scenarios/sweep.yaml");
  EXPECT_EQ(file.provenance().scenario_sha256, std::string(64, 'b'));
  EXPECT_EQ(file.provenance().seed, 42u);
  EXPECT_EQ(file.provenance().replicates, 4u);
  EXPECT_EQ(file.provenance().wall_seconds, 12.5);
  EXPECT_EQ(file.grid_step(), "monthly");
  EXPECT_FALSE(file.grid());
  EXPECT_EQ(file.keys(), sweep.summary.table.keys);
  ASSERT_EQ(file.combinations(), 3u);
  for (std::size_t c = 0; c < 3; ++c) {
    EXPECT_EQ(file.values(c), sweep.summary.table.values[c]);
    EXPECT_EQ(file.number(c, 0), sweep.summary.table.numbers[c][0]);
    EXPECT_FALSE(file.number(c, 1).has_value());
  }
  EXPECT_EQ(file.groups(), (std::vector<std::string>{"/combinations/0", "/combinations/1", "/combinations/2"}));
  EXPECT_THROW(file.values(3), OutputError);
}

TEST_F(SweepFileTest, FiguresComeBackInTheOrderWritten) {
  SweepFile file(path);
  EXPECT_EQ(file.figures(), (std::vector<std::string>{"placed_at_end", "new_placements", "breakdowns", "cost",
                                                      "cost_discounted"}));
  const SweepFigure& cost = sweep.summary.figures[3];
  EXPECT_EQ(file.figure_replicates("cost").values, cost.values);
  EXPECT_EQ(file.figure_replicates("cost").dimensions, (std::vector<std::string>{"replicate", "combination"}));
  EXPECT_EQ(file.difference_replicates("cost").values, cost.differences);
  SummaryArray summary = file.difference_summary("cost");
  EXPECT_EQ(summary.statistics.front(), "mean");
  EXPECT_EQ(summary.shape, (std::vector<std::size_t>{7, 3}));
  EXPECT_EQ(summary.values, engine::summarize_columns(cost.differences, 4, 3));
  EXPECT_EQ(file.figure_summary("cost").values, engine::summarize_columns(cost.values, 4, 3));
}

TEST_F(SweepFileTest, EachCombinationOpensAsAResult) {
  SweepFile file(path);
  ResultFile second = file.combination(1);
  EXPECT_EQ(second.group(), "/combinations/1");
  EXPECT_EQ(second.provenance().scenario_text, "combination: 1\n");
  EXPECT_EQ(second.read_counts("stock").values.size(), sweep.results[1].replicates.size() * 4 * 4);
  EXPECT_THROW(file.combination(3), OutputError);
}

TEST_F(SweepFileTest, TellsSweepFilesFromOthers) {
  std::filesystem::path result = folder / "result.h5";
  write_result(testing::synthetic_result(), result, false);
  testing::write_text(folder / "text.h5", "not hdf5");
  EXPECT_TRUE(SweepFile::is_sweep_file(path));
  EXPECT_FALSE(SweepFile::is_sweep_file(result));
  EXPECT_FALSE(SweepFile::is_sweep_file(folder / "text.h5"));
  EXPECT_FALSE(SweepFile::is_sweep_file(folder / "missing.h5"));
  EXPECT_THROW(SweepFile file(result), OutputError);
  EXPECT_THROW(SweepFile file(folder / "missing.h5"), OutputError);
}

}  // namespace
}  // namespace carecast::output
