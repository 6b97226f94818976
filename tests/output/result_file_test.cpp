#include "output/result_file.hpp"

#include <gtest/gtest.h>

#include <optional>

#include <cmath>

#include "engine/replicate_statistics.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "output/result_schema.hpp"
#include "output/result_writer.hpp"
#include "tests/output/output_test_support.hpp"
#include "tests/output/sweep_test_support.hpp"

namespace carecast::output {
namespace {

using testing::ScratchFolder;
using testing::synthetic_result;

std::string error_opening(const std::filesystem::path& path) {
  try {
    ResultFile file(path);
  } catch (const OutputError& error) {
    return error.what();
  }
  return "opened";
}

template <class T>
std::vector<T> all_replicates(const models::RunResult& result, std::size_t handle) {
  std::vector<T> values;
  for (const engine::Tally& tally : result.replicates) {
    if constexpr (std::is_same_v<T, std::int64_t>) {
      auto part = tally.counts(handle);
      values.insert(values.end(), part.begin(), part.end());
    } else {
      auto part = tally.sums(handle);
      values.insert(values.end(), part.begin(), part.end());
    }
  }
  return values;
}

class ResultRoundTripTest : public ::testing::Test {
 protected:
  ScratchFolder folder;
  models::RunResult result = synthetic_result(3, 4);
  std::filesystem::path path = folder / "result.h5";
  void SetUp() override { write_result(result, path, false); }
};

TEST_F(ResultRoundTripTest, ProvenanceAndRunInfoComeBack) {
  ResultFile file(path);
  const models::Provenance& expected = result.provenance;
  const models::Provenance& actual = file.provenance();
  EXPECT_EQ(file.schema_version(), "1.2");
  EXPECT_EQ(actual.scenario_path, expected.scenario_path);
  EXPECT_EQ(actual.scenario_text, expected.scenario_text);
  EXPECT_EQ(actual.scenario_sha256, expected.scenario_sha256);
  EXPECT_EQ(actual.seed, expected.seed);
  EXPECT_EQ(actual.replicates, 3u);
  EXPECT_EQ(actual.engine_version, expected.engine_version);
  EXPECT_EQ(actual.git_commit, expected.git_commit);
  EXPECT_EQ(actual.threads, expected.threads);
  EXPECT_EQ(actual.ranks, expected.ranks);
  EXPECT_EQ(actual.command_line, expected.command_line);
  EXPECT_EQ(actual.host, expected.host);
  EXPECT_EQ(actual.started_at, expected.started_at);
  EXPECT_EQ(actual.finished_at, expected.finished_at);
  EXPECT_EQ(actual.wall_seconds, expected.wall_seconds);
  EXPECT_EQ(file.grid_step(), "monthly");
}

TEST_F(ResultRoundTripTest, GridAndStatesComeBack) {
  ResultFile file(path);
  EXPECT_EQ(file.grid_dates(), result.grid_dates);
  EXPECT_EQ(file.grid_days(), result.grid_days);
  ASSERT_EQ(file.states().size(), result.states.size());
  for (std::size_t s = 0; s < result.states.size(); ++s) {
    EXPECT_EQ(file.states()[s].name, result.states[s].name);
    EXPECT_EQ(file.states()[s].label, result.states[s].label);
    EXPECT_EQ(file.states()[s].kind, result.states[s].kind);
  }
}

TEST_F(ResultRoundTripTest, ListsReplicateArraysInLayoutOrder) {
  ResultFile file(path);
  const auto& arrays = file.replicate_arrays();
  ASSERT_EQ(arrays.size(), 4u);
  EXPECT_EQ(arrays[0].name, "stock");
  EXPECT_EQ(arrays[0].kind, ArrayKind::counts);
  EXPECT_EQ(arrays[0].shape, (std::vector<std::size_t>{3, 4, 4}));
  EXPECT_EQ(arrays[0].dimensions, (std::vector<std::string>{"replicate", "time", "state"}));
  EXPECT_EQ(arrays[1].name, "entries");
  EXPECT_EQ(arrays[2].name, "transitions");
  EXPECT_EQ(arrays[2].shape, (std::vector<std::size_t>{3, 3, 4, 4}));
  EXPECT_EQ(arrays[2].dimensions,
            (std::vector<std::string>{"replicate", "interval", "from_state", "to_state"}));
  EXPECT_EQ(arrays[3].name, "cost");
  EXPECT_EQ(arrays[3].kind, ArrayKind::sums);
  EXPECT_EQ(arrays[3].dimensions, (std::vector<std::string>{"replicate", "interval"}));
  EXPECT_EQ(file.find_array("absent"), nullptr);
}

TEST_F(ResultRoundTripTest, EveryReplicateValueComesBack) {
  ResultFile file(path);
  const engine::TallyLayout& layout = *result.layout;
  for (std::size_t h = 0; h < layout.counts().size(); ++h) {
    ResultArray<std::int64_t> array = file.read_counts(layout.counts()[h].name);
    EXPECT_EQ(array.values, all_replicates<std::int64_t>(result, h)) << layout.counts()[h].name;
    EXPECT_EQ(array.shape[0], 3u);
  }
  ResultArray<double> cost = file.read_sums("cost");
  EXPECT_EQ(cost.values, all_replicates<double>(result, 0));
  EXPECT_EQ(cost.shape, (std::vector<std::size_t>{3, 3}));
  EXPECT_EQ(cost.dimensions, (std::vector<std::string>{"replicate", "interval"}));
}

TEST_F(ResultRoundTripTest, SummariesAreTheColumnStatisticsOverReplicates) {
  ResultFile file(path);
  for (const std::string name : {"stock", "entries", "transitions", "cost"}) {
    SummaryArray summary = file.read_summary(name);
    EXPECT_EQ(summary.statistics,
              (std::vector<std::string>{"mean", "sd", "q05", "q25", "q50", "q75", "q95"}));
    EXPECT_EQ(summary.dimensions.front(), "statistic");
    EXPECT_EQ(summary.shape.front(), 7u);
    std::vector<double> table;
    if (name == "cost") {
      table = file.read_sums(name).values;
    } else {
      for (std::int64_t v : file.read_counts(name).values) table.push_back(static_cast<double>(v));
    }
    std::size_t columns = table.size() / 3;
    EXPECT_EQ(summary.values, engine::summarize_columns(table, 3, columns)) << name;
  }
}

TEST_F(ResultRoundTripTest, AnalyticStockComesBack) {
  ResultFile file(path);
  ASSERT_TRUE(file.has_analytic_stock());
  ResultArray<double> stock = file.read_analytic_stock();
  EXPECT_EQ(stock.values, result.analytic_stock);
  EXPECT_EQ(stock.shape, (std::vector<std::size_t>{4, 4}));
  EXPECT_EQ(stock.dimensions, (std::vector<std::string>{"time", "state"}));
}

TEST(ResultFileSummaryTest, KnownReplicateValuesGiveKnownStatistics) {
  ScratchFolder folder;
  models::RunResult result = synthetic_result(5, 2);
  // stock [time 0, state 0] and [time 1, state 2] (element 1 × 4 + 2 = 6), whose values lie
  // outside the synthetic fill's −3…19, so reading any other element or replicate shows.
  const std::int64_t at_0[] = {3, 1, 10, 2, 4};
  const std::int64_t at_6[] = {30, -20, 50, 0, 40};
  for (std::size_t r = 0; r < 5; ++r) {
    result.replicates[r].counts(0)[0] = at_0[r];
    result.replicates[r].counts(0)[6] = at_6[r];
  }
  write_result(result, folder / "r.h5", false);
  SummaryArray summary = ResultFile(folder / "r.h5").read_summary("stock");
  std::size_t stride = 2 * 4;  // elements of one statistic: points × states
  // Sorted 1, 2, 3, 4, 10: mean 4; sd √((9+4+1+0+36)/4); quantiles interpolate between order
  // statistics at (n−1)p: q05 at 0.2, 1 + 0.2 × 1; q95 at 3.8, 4 + 0.8 × 6.
  std::vector<double> expected{4.0, std::sqrt(12.5), 1.2, 2.0, 3.0, 4.0, 8.8};
  for (std::size_t s = 0; s < 7; ++s)
    EXPECT_NEAR(summary.values[s * stride], expected[s], 1e-12) << summary.statistics[s];
  // Sorted −20, 0, 30, 40, 50: mean 20; sd √((1600+400+100+400+900)/4) = √850;
  // q05 −20 + 0.2 × 20 = −16, q25 0, q50 30, q75 40, q95 40 + 0.8 × 10 = 48.
  std::vector<double> expected_at_6{20.0, std::sqrt(850.0), -16.0, 0.0, 30.0, 40.0, 48.0};
  for (std::size_t s = 0; s < 7; ++s)
    EXPECT_NEAR(summary.values[s * stride + 6], expected_at_6[s], 1e-12) << summary.statistics[s];
}

TEST(ResultFileTest, AResultWithoutAnalyticStockSaysSo) {
  ScratchFolder folder;
  models::RunResult result = synthetic_result();
  result.analytic_stock.clear();
  write_result(result, folder / "r.h5", false);
  ResultFile file(folder / "r.h5");
  EXPECT_FALSE(file.has_analytic_stock());
  EXPECT_THROW(file.read_analytic_stock(), OutputError);
}

TEST(ResultFileTest, RefusesAMissingFile) {
  ScratchFolder folder;
  EXPECT_NE(error_opening(folder / "absent.h5").find("absent.h5' does not exist"),
            std::string::npos);
}

TEST(ResultFileTest, RefusesAFileThatIsNotHdf5) {
  ScratchFolder folder;
  testing::write_text(folder / "r.h5", "just text");
  EXPECT_NE(error_opening(folder / "r.h5").find("is not an HDF5 file"), std::string::npos);
}

TEST(ResultFileTest, RefusesAnHdf5FileThatIsNotACarecastResult) {
  ScratchFolder folder;
  hdf5::File file = hdf5::create_file(folder / "other.h5");
  hdf5::close_file(file);
  EXPECT_NE(error_opening(folder / "other.h5").find("is not a carecast result file"),
            std::string::npos);
}

/// Writes a result and then changes it with `edit`, as a hand or another tool could.
template <class Edit>
std::filesystem::path damaged_result(const ScratchFolder& folder, Edit edit) {
  std::filesystem::path path = folder / "damaged.h5";
  write_result(synthetic_result(3, 4), path, true);
  hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
  edit(file.get());
  hdf5::close_file(file);
  return path;
}

/// Replaces /grid/date with `dates`.
void rewrite_grid_dates(hid_t file, const std::vector<std::string>& dates) {
  hdf5::Group grid = hdf5::open_group(file, schema::grid);
  H5Ldelete(grid.get(), schema::grid_date, H5P_DEFAULT);
  hdf5::write_string_dataset(grid.get(), schema::grid_date, dates);
}

TEST(ResultFileTest, RefusesGridDatesThatAreNotDatesInIncreasingOrder) {
  ScratchFolder folder;
  std::vector<std::string> dates = ResultFile([&] {
                                     write_result(synthetic_result(3, 4), folder / "good.h5", false);
                                     return folder / "good.h5";
                                   }()).grid_dates();
  ASSERT_GE(dates.size(), 3u);
  std::vector<std::string> not_a_date = dates, reversed = dates;
  not_a_date[1] = "notadate";
  std::swap(reversed[1], reversed[2]);
  auto path = damaged_result(folder, [&](hid_t file) { rewrite_grid_dates(file, not_a_date); });
  EXPECT_NE(error_opening(path).find("/grid/date holds 'notadate', not a date written YYYY-MM-DD"), std::string::npos)
      << error_opening(path);
  path = damaged_result(folder, [&](hid_t file) { rewrite_grid_dates(file, reversed); });
  EXPECT_NE(error_opening(path).find("/grid/date is not in increasing order"), std::string::npos) << error_opening(path);
}

/// Replaces (or, with nothing, removes) /grid/year_start.
void rewrite_year_starts(hid_t file, const std::optional<std::vector<std::string>>& starts) {
  hdf5::Group grid = hdf5::open_group(file, schema::grid);
  H5Ldelete(grid.get(), schema::grid_year_start, H5P_DEFAULT);
  if (starts) hdf5::write_string_dataset(grid.get(), schema::grid_year_start, *starts);
}

TEST(ResultFileTest, ReadsTheReportingYearsAndChecksThatEachBeginsOnAGridDate) {
  ScratchFolder folder;
  std::vector<std::string> dates = synthetic_result(3, 4).grid_dates;
  auto path = damaged_result(folder, [&](hid_t file) { rewrite_year_starts(file, {{dates[0], dates[2]}}); });
  ResultFile two_years(path);
  EXPECT_EQ(two_years.year_starts(), (std::vector<std::string>{dates[0], dates[2]}));
  EXPECT_EQ(two_years.reporting_years().first_point(1), 2u);
  EXPECT_EQ(two_years.reporting_years().year_of_interval(1), 0u);
  EXPECT_EQ(two_years.reporting_years().year_of_interval(2), 1u);
  path = damaged_result(folder, [&](hid_t file) { rewrite_year_starts(file, {{dates[0], "2099-01-01"}}); });
  EXPECT_NE(error_opening(path).find("/grid/year_start: the reporting year starting 2099-01-01 does not begin on a grid date"),
            std::string::npos)
      << error_opening(path);
}

TEST(ResultFileTest, RefusesYearlyArraysOfAnotherNumberOfYears) {
  ScratchFolder folder;
  models::RunResult result = synthetic_result(3, 4);
  auto layout = std::make_shared<engine::TallyLayout>(*result.layout);
  layout->add_sums("care_days", {2, 4}, {"year", "state"});  // two years, but the grid has one
  result.layout = layout;
  for (auto& tally : result.replicates) tally = engine::Tally(layout);
  write_result(result, folder / "years.h5", false);
  EXPECT_NE(error_opening(folder / "years.h5").find("/replicates/care_days holds 2 years but /grid/year_start 1"),
            std::string::npos)
      << error_opening(folder / "years.h5");
}

TEST(ResultFileTest, AFileWrittenBeforeReportingYearsWereStoredHasTheAnniversaries) {
  ScratchFolder folder;
  std::vector<std::string> dates = synthetic_result(3, 4).grid_dates;
  auto path = damaged_result(folder, [&](hid_t file) { rewrite_year_starts(file, std::nullopt); });
  EXPECT_EQ(ResultFile(path).year_starts(), std::vector<std::string>{dates[0]});  // 3 months: one year
}

TEST(ResultFileTest, RefusesAReplicateCountThatTheArraysDoNotHold) {
  ScratchFolder folder;
  for (std::uint64_t claimed : {std::uint64_t{0}, std::uint64_t{4}, UINT64_MAX}) {
    auto path = damaged_result(folder, [&](hid_t file) {
      H5Adelete(file, schema::replicates);
      hdf5::write_number_attribute<std::uint64_t>(file, schema::replicates, claimed);
    });
    EXPECT_NE(error_opening(path).find("the file says it holds " + std::to_string(claimed) + " replicates, but"),
              std::string::npos)
        << error_opening(path);
  }
}

TEST(ResultFileTest, RefusesANewerSchemaVersion) {
  ScratchFolder folder;
  hdf5::File file = hdf5::create_file(folder / "future.h5");
  hdf5::write_string_attribute(file.get(), "schema_version", "2.0");
  hdf5::close_file(file);
  EXPECT_NE(error_opening(folder / "future.h5").find("schema version 2.0; this carecast reads 1.x"),
            std::string::npos);
}

TEST(ResultFileTest, ReadingAMissingOrMistypedArrayThrowsClearly) {
  ScratchFolder folder;
  write_result(synthetic_result(), folder / "r.h5", false);
  ResultFile file(folder / "r.h5");
  try {
    file.read_counts("breakdowns");
    FAIL() << "no exception";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what())
                  .find("has no array 'breakdowns' (it has: stock, entries, transitions, cost)"),
              std::string::npos)
        << error.what();
  }
  EXPECT_THROW(file.read_summary("breakdowns"), OutputError);
  try {
    file.read_counts("cost");
    FAIL() << "no exception";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("holds sums, not counts"), std::string::npos);
  }
  EXPECT_THROW(file.read_sums("stock"), OutputError);
}

TEST(ResultFileTest, ReadsAResultInAGroupOfASweepFile) {
  ScratchFolder folder;
  testing::SyntheticSweep sweep = testing::synthetic_sweep();
  testing::write_synthetic_sweep(sweep, folder / "sweep.h5");
  ResultFile file(folder / "sweep.h5", "/combinations/2");
  EXPECT_EQ(file.group(), "/combinations/2");
  EXPECT_EQ(file.describe(), (folder / "sweep.h5").string() + " (group /combinations/2)");
  EXPECT_EQ(file.provenance().scenario_text, "combination: 2\n");
  EXPECT_EQ(file.read_counts("stock").values, all_replicates<std::int64_t>(sweep.results[2], 0));
  EXPECT_NE(error_opening(folder / "sweep.h5").find("is a sweep file"), std::string::npos);
  try {
    ResultFile missing(folder / "sweep.h5", "/combinations/3");
    ADD_FAILURE() << "opened a group that does not exist";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("has no group '/combinations/3'"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace carecast::output
