// The sweep file's layout: root attributes that say it is a sweep, the table of combinations
// (keys, values as text and as numbers, groups), the figures and their paired differences with
// their statistics, and one group per combination holding exactly what a result file of that
// combination holds. Written atomically: a failure leaves nothing, and an existing file is kept.
#include "output/sweep_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/replicate_statistics.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "output/result_file.hpp"
#include "output/result_writer.hpp"
#include "tests/output/sweep_test_support.hpp"

namespace carecast::output {
namespace {

using testing::ScratchFolder;

class SweepWriterTest : public ::testing::Test {
 protected:
  ScratchFolder folder;
  testing::SyntheticSweep sweep = testing::synthetic_sweep();
  std::filesystem::path path = folder / "sweep.h5";
};

TEST_F(SweepWriterTest, TheRootSaysWhatTheFileIsAndHowItWasRun) {
  testing::write_synthetic_sweep(sweep, path);
  EXPECT_EQ(folder.listing(), (std::vector<std::string>{"sweep.h5"}));
  hdf5::File file = hdf5::open_file_read_only(path);
  hid_t root = file.get();
  EXPECT_EQ(hdf5::read_string_attribute(root, "schema_version"), "1.2");
  EXPECT_EQ(hdf5::read_string_attribute(root, "kind"), "sweep");
  EXPECT_EQ(hdf5::read_string_attribute(root, "sweep_mode"), "list");
  EXPECT_EQ(hdf5::read_number_attribute<std::uint64_t>(root, "combinations"), 3u);
  EXPECT_EQ(hdf5::read_number_attribute<std::uint64_t>(root, "replicates"), 4u);
  EXPECT_EQ(hdf5::read_number_attribute<std::uint64_t>(root, "seed"), 42u);
  EXPECT_EQ(hdf5::read_string_attribute(root, "scenario_path"), "scenarios/sweep.yaml");
  EXPECT_EQ(hdf5::read_string_attribute(root, "scenario_text"), sweep.run.scenario_text);
  EXPECT_EQ(hdf5::read_string_attribute(root, "scenario_sha256"), std::string(64, 'b'));
  EXPECT_EQ(hdf5::read_string_attribute(root, "grid_step"), "monthly");
  hdf5::Group info = hdf5::open_group(root, "run_info");
  EXPECT_EQ(hdf5::read_number_attribute<double>(info.get(), "wall_seconds"), 12.5);
}

TEST_F(SweepWriterTest, TheTableListsEachCombinationsValuesAndGroup) {
  testing::write_synthetic_sweep(sweep, path);
  hdf5::File file = hdf5::open_file_read_only(path);
  hdf5::Group table = hdf5::open_group(file.get(), "sweep");
  EXPECT_EQ(hdf5::read_string_dataset(table.get(), "keys"),
            (std::vector<std::string>{"interventions.x.uptake", "interventions.x.ages"}));
  EXPECT_EQ(hdf5::read_string_dataset(table.get(), "groups"),
            (std::vector<std::string>{"/combinations/0", "/combinations/1", "/combinations/2"}));
  EXPECT_EQ(hdf5::describe_dataset(table.get(), "values").shape, (std::vector<std::size_t>{3, 2}));
  EXPECT_EQ(hdf5::read_string_dataset(table.get(), "values"),
            (std::vector<std::string>{"0.1", "[12, 18]", "0.2", "[12, 18]", "0.3", "[14, 18]"}));
  hdf5::NdArray<double> numbers = hdf5::read_number_dataset<double>(table.get(), "numbers");
  EXPECT_EQ(numbers.shape, (std::vector<std::size_t>{3, 2}));
  EXPECT_EQ(numbers.values[4], 0.3);
  EXPECT_TRUE(std::isnan(numbers.values[5]));
  hdf5::Dataset values = hdf5::open_dataset(table.get(), "values");
  EXPECT_EQ(hdf5::read_string_list_attribute(values.get(), "dimensions"),
            (std::vector<std::string>{"combination", "key"}));
}

TEST_F(SweepWriterTest, FiguresAndDifferencesAreStoredPerReplicateWithTheirStatistics) {
  testing::write_synthetic_sweep(sweep, path);
  hdf5::File file = hdf5::open_file_read_only(path);
  for (const SweepFigure& figure : sweep.summary.figures) {
    for (bool differences : {false, true}) {
      std::string base = differences ? "sweep/differences/" : "sweep/";
      const std::vector<double>& expected = differences ? figure.differences : figure.values;
      hdf5::Group replicates = hdf5::open_group(file.get(), base + "replicates");
      hdf5::NdArray<double> stored = hdf5::read_number_dataset<double>(replicates.get(), figure.name);
      EXPECT_EQ(stored.shape, (std::vector<std::size_t>{4, 3}));
      EXPECT_EQ(stored.values, expected) << figure.name;
      hdf5::Group summary = hdf5::open_group(file.get(), base + "summary");
      hdf5::NdArray<double> statistics = hdf5::read_number_dataset<double>(summary.get(), figure.name);
      EXPECT_EQ(statistics.shape, (std::vector<std::size_t>{7, 3}));
      EXPECT_EQ(statistics.values, engine::summarize_columns(expected, 4, 3)) << figure.name;
    }
  }
  hdf5::Group differences = hdf5::open_group(file.get(), "sweep/differences/replicates");
  hdf5::NdArray<double> cost = hdf5::read_number_dataset<double>(differences.get(), "cost");
  for (std::size_t r = 0; r < 4; ++r) EXPECT_EQ(cost.values[r * 3], 0.0);  // combination 0 from itself
}

TEST_F(SweepWriterTest, EachGroupHoldsWhatAResultFileOfThatCombinationHolds) {
  testing::write_synthetic_sweep(sweep, path);
  for (std::size_t c = 0; c < 3; ++c) {
    std::filesystem::path plain = folder / ("plain" + std::to_string(c) + ".h5");
    write_result(sweep.results[c], plain, false);
    ResultFile alone(plain);
    ResultFile grouped(path, SweepWriter::group_of(c, 3));
    EXPECT_EQ(grouped.provenance().scenario_text, alone.provenance().scenario_text);
    EXPECT_EQ(grouped.grid_dates(), alone.grid_dates());
    EXPECT_EQ(grouped.grid_days(), alone.grid_days());
    ASSERT_EQ(grouped.replicate_arrays().size(), alone.replicate_arrays().size());
    for (const ArrayInfo& array : alone.replicate_arrays()) {
      if (array.kind == ArrayKind::counts)
        EXPECT_EQ(grouped.read_counts(array.name).values, alone.read_counts(array.name).values) << array.name;
      else
        EXPECT_EQ(grouped.read_sums(array.name).values, alone.read_sums(array.name).values) << array.name;
      EXPECT_EQ(grouped.read_summary(array.name).values, alone.read_summary(array.name).values) << array.name;
    }
    EXPECT_EQ(grouped.read_analytic_stock().values, alone.read_analytic_stock().values);
  }
}

TEST(SweepWriterGroups, AreNumberedFromZeroPaddedToTheLastIndex) {
  EXPECT_EQ(SweepWriter::group_of(0, 1), "/combinations/0");
  EXPECT_EQ(SweepWriter::group_of(3, 10), "/combinations/3");
  EXPECT_EQ(SweepWriter::group_of(3, 25), "/combinations/03");
  EXPECT_EQ(SweepWriter::group_of(24, 25), "/combinations/24");
  EXPECT_EQ(SweepWriter::group_of(7, 101), "/combinations/007");
}

TEST_F(SweepWriterTest, AFailureDuringTheSweepLeavesNoFile) {
  EXPECT_THROW(write_sweep_file(path, false, 3,
                                [&](SweepWriter& writer) {
                                  writer.add_combination(0, sweep.results[0]);
                                  throw std::runtime_error("a run failed");
                                }),
               std::runtime_error);
  EXPECT_TRUE(folder.listing().empty());
  EXPECT_THROW(write_sweep_file(path, false, 3,
                                [&](SweepWriter& writer) { writer.add_combination(0, sweep.results[0]); }),
               OutputError);  // never finished
  EXPECT_TRUE(folder.listing().empty());
  EXPECT_THROW(write_sweep_file(path, false, 3,
                                [&](SweepWriter& writer) {
                                  writer.add_combination(0, sweep.results[0]);
                                  writer.finish(sweep.summary, sweep.run);  // combinations 1 and 2 missing
                                }),
               OutputError);
  EXPECT_TRUE(folder.listing().empty());
}

TEST_F(SweepWriterTest, AnExistingFileIsKeptWithoutOverwriteAndReplacedWithIt) {
  testing::write_text(path, "an earlier result");
  bool ran = false;
  EXPECT_THROW(write_sweep_file(path, false, 3, [&](SweepWriter&) { ran = true; }), OutputError);
  EXPECT_FALSE(ran);  // refused before anything runs
  EXPECT_EQ(testing::file_bytes(path), "an earlier result");
  write_sweep_file(path, true, 3, [&](SweepWriter& writer) {
    for (std::size_t c = 0; c < 3; ++c) writer.add_combination(c, sweep.results[c]);
    writer.finish(sweep.summary, sweep.run);
  });
  EXPECT_NE(testing::file_bytes(path), "an earlier result");
  EXPECT_EQ(folder.listing(), (std::vector<std::string>{"sweep.h5"}));
}

}  // namespace
}  // namespace carecast::output
