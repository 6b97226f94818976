// The CSV export of a sweep: the provenance, one row per combination in sweep.csv with its
// values and the mean and 90 % interval of each figure and difference, every replicate on
// request, and each combination's own export exactly as `export` writes it for a result file.
#include "output/sweep_export.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "output/output_error.hpp"
#include "tests/output/sweep_test_support.hpp"

namespace carecast::output {
namespace {

using testing::file_bytes;
using testing::parse_csv_rows;
using testing::ScratchFolder;
namespace fs = std::filesystem;

class SweepExportTest : public ::testing::Test {
 protected:
  ScratchFolder folder;
  testing::SyntheticSweep sweep = testing::synthetic_sweep();
  fs::path path = folder / "sweep.h5";
  fs::path out = folder / "out";
  void SetUp() override { testing::write_synthetic_sweep(sweep, path); }
};

std::size_t column_named(const std::vector<std::string>& header, const std::string& name) {
  return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
}

TEST_F(SweepExportTest, SweepCsvHasOneRowPerCombinationWithItsValuesAndFigures) {
  export_sweep_csv(SweepFile(path), out, {});
  auto rows = parse_csv_rows(file_bytes(out / "sweep.csv"));
  ASSERT_EQ(rows.size(), 4u);
  const std::vector<std::string>& header = rows[0];
  EXPECT_EQ(std::vector<std::string>(header.begin(), header.begin() + 7),
            (std::vector<std::string>{"combination", "folder", "interventions.x.uptake", "interventions.x.ages",
                                      "placed_at_end_mean", "placed_at_end_q05", "placed_at_end_q95"}));
  EXPECT_EQ(header.size(), 4u + 5 * 3 * 2);
  EXPECT_EQ(header.back(), "cost_discounted_difference_q95");
  EXPECT_EQ(rows[3][0], "2");
  EXPECT_EQ(rows[3][1], "combinations/2");
  EXPECT_EQ(rows[3][2], "0.3");
  EXPECT_EQ(rows[3][3], "[14, 18]");
  EXPECT_EQ(rows[3][column_named(header, "placed_at_end_mean")], "121.75");  // 120, 122, 124, 121
  EXPECT_EQ(rows[3][column_named(header, "placed_at_end_difference_mean")], "20");
  EXPECT_EQ(rows[1][column_named(header, "cost_difference_q05")], "0");  // combination 0 from itself
  EXPECT_EQ(rows[1][column_named(header, "cost_difference_q95")], "0");
}

TEST_F(SweepExportTest, EachCombinationGetsTheExportOfItsResult) {
  std::vector<fs::path> written = export_sweep_csv(SweepFile(path), out, {});
  EXPECT_EQ(written[0], "provenance.csv");
  EXPECT_EQ(written[1], "sweep.csv");
  for (std::size_t c = 0; c < 3; ++c) {
    fs::path own = out / "combinations" / std::to_string(c);
    fs::path plain = folder / ("plain" + std::to_string(c));
    export_csv(SweepFile(path).combination(c), plain, {});
    for (const auto& entry : fs::directory_iterator(plain)) {
      std::string name = entry.path().filename();
      EXPECT_EQ(file_bytes(own / name), file_bytes(entry.path())) << c << "/" << name;
      EXPECT_TRUE(std::find(written.begin(), written.end(), fs::path("combinations") / std::to_string(c) / name) !=
                  written.end())
          << name;
    }
  }
  EXPECT_FALSE(fs::exists(out / "sweep_replicates.csv"));
  auto provenance = parse_csv_rows(file_bytes(out / "provenance.csv"));
  EXPECT_EQ(provenance[1], (std::vector<std::string>{"scenario_path", "scenarios/sweep.yaml"}));
  EXPECT_EQ(provenance.back(), (std::vector<std::string>{"combinations", "3"}));
}

TEST_F(SweepExportTest, ReplicatesOnRequestOneRowPerCombinationAndReplicate) {
  export_sweep_csv(SweepFile(path), out, {.replicates = true});
  auto rows = parse_csv_rows(file_bytes(out / "sweep_replicates.csv"));
  ASSERT_EQ(rows.size(), 1u + 3 * 4);
  EXPECT_EQ(rows[0][3], "replicate");
  EXPECT_EQ(rows[0][4], "placed_at_end");
  EXPECT_EQ(rows[0].back(), "cost_discounted_difference");
  // Combination 2, replicate 3: x = 21, money 1e6 × 21.1 + 0.9; combination 0 there: 1e6 × 1.1 + 0.9.
  EXPECT_EQ(rows[12], (std::vector<std::string>{"2", "0.3", "[14, 18]", "3", "121", "121", "121", "21100000.9",
                                                "21100000.9", "20", "20", "20", "20000000", "20000000"}));
  EXPECT_TRUE(fs::exists(out / "combinations" / "1" / "replicates" / "stock.csv"));
}

TEST_F(SweepExportTest, AFolderThatIsNotEmptyIsRefusedWithoutForce) {
  fs::create_directories(out);
  testing::write_text(out / "mine.txt", "keep me");
  EXPECT_THROW(export_sweep_csv(SweepFile(path), out, {}), OutputError);
  EXPECT_EQ(file_bytes(out / "mine.txt"), "keep me");
  EXPECT_THROW(export_sweep_csv(SweepFile(path), out, {.overwrite = true}), OutputError);  // not an export
  EXPECT_EQ(file_bytes(out / "mine.txt"), "keep me");
}

TEST_F(SweepExportTest, ForceReplacesAnEarlierSweepExportOnlyIfItHoldsNothingElse) {
  export_sweep_csv(SweepFile(path), out, {.replicates = true});
  testing::write_text(out / "combinations" / "1" / "chart.png", "mine");
  try {
    export_sweep_csv(SweepFile(path), out, {.overwrite = true});
    ADD_FAILURE() << "a foreign file inside a combination's folder was removed";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("'combinations/1/chart.png'"), std::string::npos) << error.what();
  }
  EXPECT_EQ(file_bytes(out / "combinations" / "1" / "chart.png"), "mine");
  EXPECT_TRUE(fs::exists(out / "sweep_replicates.csv"));

  fs::remove(out / "combinations" / "1" / "chart.png");
  export_sweep_csv(SweepFile(path), out, {.overwrite = true});
  EXPECT_TRUE(fs::exists(out / "sweep.csv"));
  EXPECT_FALSE(fs::exists(out / "sweep_replicates.csv")) << "the earlier export with replicates was replaced";
  EXPECT_FALSE(fs::exists(out / "combinations" / "1" / "replicates"));
}

}  // namespace
}  // namespace carecast::output
