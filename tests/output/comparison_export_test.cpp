// The CSV export of a comparison file, on a comparison written by hand (2 replicates, 2 years,
// the second of six months, two alternatives that add different interventions): the provenance;
// one row per alternative, year (its first day and its end, so the short year shows), yearly
// figure and statistic in comparison.csv, each value the file's own summary; the
// net present value and payback year per alternative; the other figures in tables of their own,
// the category of a comparison labelled from its own list (not /axes/category, which is right
// for one alternative only); the scenarios' figures alike; every replicate on request; and the
// export's contents, the set --force may replace. A file of schema 1.1, without /years/end, takes
// the end of its last year from its base scenario, or leaves it empty.
#include "output/comparison_export.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "output/comparison_writer.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"
#include "output/paired_comparison.hpp"
#include "tests/output/sweep_test_support.hpp"

namespace carecast::output {
namespace {

using testing::file_bytes;
using testing::parse_csv_rows;
using testing::ScratchFolder;
namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

constexpr char kinship[] = "kinship, first";  // a name with a comma: quoted in the CSV files
constexpr char support[] = "support";

Metric per_replicate(std::string name, std::vector<std::string> dimensions, std::vector<std::size_t> shape,
                     std::vector<double> values) {
  return Metric{std::move(name), std::move(dimensions), std::move(shape), std::move(values), 2};
}

/// Two replicates (r0 first), two years, two states; `by_category` [year, category] per replicate.
ScenarioMetrics scenario(std::vector<std::string> categories, std::vector<double> breakdowns,
                         std::vector<double> placements, std::vector<double> cost, std::vector<double> discounted,
                         std::vector<double> by_category) {
  std::size_t width = categories.size();
  return ScenarioMetrics{{per_replicate("placements", {"year", "state"}, {2, 2}, std::move(placements)),
                          per_replicate("breakdowns", {"year"}, {2}, std::move(breakdowns)),
                          per_replicate("cost", {"year"}, {2}, std::move(cost)),
                          per_replicate("cost_discounted", {"year"}, {2}, std::move(discounted)),
                          per_replicate("cost_by_category", {"year", "category"}, {2, width}, std::move(by_category))},
                         {"2025-01-01", "2026-01-01"},
                         {"foster", "residential"},
                         std::move(categories),
                         {"2026-01-01", "2026-07-01"}};
}

/// A base scenario's resolved text that gives the horizon, as carecast writes it.
constexpr char scenario_with_end[] = "name: s\nsimulation: {start: 2025-01-01, years: ~, end: 2026-07-01}\n";

ComparisonResult hand_made_comparison(const std::string& scenario_text = scenario_with_end) {
  ScenarioMetrics base = scenario({"care:foster", "care:residential"}, {5, 6, /**/ 4, 4},
                                  {20, 5, 21, 5, /**/ 22, 4, 23, 4}, {10, 10, /**/ 12, 12}, {10, 5, /**/ 12, 6},
                                  {8, 2, 8, 2, /**/ 10, 2, 10, 2});
  ScenarioMetrics kin = scenario({"care:foster", "care:residential", "intervention:kinship"}, {3, 2, /**/ 6, 2},
                                 {19, 5, 18, 4, /**/ 22, 4, 20, 3}, {12, 6, /**/ 13, 9}, {12, 2, /**/ 13, 4.5},
                                 {6, 2, 4, 2, 2, 2, /**/ 7, 2, 4, 5, 2, 2});
  ScenarioMetrics sup = scenario({"care:foster", "care:residential", "intervention:family_support"},
                                 {5, 5, /**/ 4, 3}, {20, 5, 20, 5, /**/ 22, 4, 22, 4}, {11, 8, /**/ 12, 14},
                                 {11, 3, /**/ 12, 7}, {8, 2, 1, 5, 2, 1, /**/ 9, 2, 1, 11, 2, 1});
  ComparisonResult result;
  models::Provenance own;
  own.scenario_path = "s.yaml";
  own.scenario_text = scenario_text;
  own.scenario_sha256 = std::string(64, 'a');
  own.seed = 7;
  own.replicates = 2;
  own.engine_version = "1.2.3";
  own.git_commit = "abc123";
  auto from = [&](const std::string& path, char digit) {
    models::Provenance p = own;
    p.scenario_path = path;
    p.scenario_sha256 = std::string(64, digit);
    return p;
  };
  result.scenarios = {{"base", from("s.yaml", 'a'), "none", base},
                      {kinship, from("k.yaml", 'b'), "none", kin},
                      {support, from("u.yaml", 'c'), "none", sup}};
  result.comparisons = {compare_paired(base, kin, "base", kinship), compare_paired(base, sup, "base", support)};
  result.run = own;
  return result;
}

class ComparisonExportTest : public ::testing::Test {
 protected:
  ScratchFolder folder;
  fs::path path = folder / "c.h5";
  fs::path out = folder / "out";
  void SetUp() override { write_comparison(hand_made_comparison(), path, false); }
  Rows rows_of(const fs::path& table) const { return parse_csv_rows(file_bytes(out / table)); }
};

/// The stored summary [statistic, …] of a figure of a group, read straight from the file.
hdf5::NdArray<double> stored_summary(const fs::path& path, const std::string& group, const std::string& figure) {
  hdf5::File file = hdf5::open_file_read_only(path);
  hdf5::Group summary = hdf5::open_group(file.get(), group + "/summary");
  return hdf5::read_number_dataset<double>(summary.get(), figure);
}

std::size_t statistic_index(const std::string& statistic) {
  const std::vector<std::string> names{"mean", "sd", "q05", "q25", "q50", "q75", "q95"};
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), statistic) - names.begin());
}

/// The value of the row `keys` (every field but the value) in `rows`; "(none)" if there is none.
std::string value_at(const Rows& rows, const std::vector<std::string>& keys) {
  for (const std::vector<std::string>& row : rows)
    if (row.size() == keys.size() + 1 && std::equal(keys.begin(), keys.end(), row.begin())) return row.back();
  return "(none)";
}

TEST_F(ComparisonExportTest, WritesTheTablesOfBothPartsAndTheirReplicatesOnRequest) {
  std::vector<fs::path> written = export_comparison_csv(ComparisonFile(path), out, {.replicates = true});
  std::vector<fs::path> tables{"comparison.csv",        "comparison_totals.csv", "comparison_placements.csv",
                               "comparison_cost_by_category.csv", "scenarios.csv", "scenario_placements.csv",
                               "scenario_cost_by_category.csv"};
  std::vector<fs::path> expected{"provenance.csv"};
  expected.insert(expected.end(), tables.begin(), tables.end());
  expected.push_back("comparison_payback.csv");
  for (const fs::path& table : tables) expected.push_back(fs::path("replicates") / table);
  EXPECT_EQ(written, expected);
  ExportContents contents = comparison_export_contents(ComparisonFile(path));
  for (const fs::path& file : expected) EXPECT_TRUE(contents.has_file(file)) << file;
  EXPECT_FALSE(contents.has_file("stock.csv"));
  EXPECT_EQ(contents.first_foreign(out), std::nullopt);
}

TEST_F(ComparisonExportTest, ProvenanceHoldsTheRootAttributesTheBaseAndTheAlternativesInOrder) {
  export_comparison_csv(ComparisonFile(path), out, {});
  EXPECT_EQ(rows_of("provenance.csv"), (Rows{{"key", "value"},
                                             {"kind", "comparison"},
                                             {"schema_version", "1.2"},
                                             {"seed", "7"},
                                             {"replicates", "2"},
                                             {"engine_version", "1.2.3"},
                                             {"git_commit", "abc123"},
                                             {"base", "base"},
                                             {"base_path", "s.yaml"},
                                             {"base_sha256", std::string(64, 'a')},
                                             {"alternative_1", kinship},
                                             {"alternative_1_path", "k.yaml"},
                                             {"alternative_1_sha256", std::string(64, 'b')},
                                             {"alternative_2", support},
                                             {"alternative_2_path", "u.yaml"},
                                             {"alternative_2_sha256", std::string(64, 'c')},
                                             {"year_starts", "2025-01-01 2026-01-01"},
                                             {"horizon", "2026-07-01"}}));
}

TEST_F(ComparisonExportTest, ComparisonCsvHasEveryYearlyFigureOfEveryAlternativeAsStored) {
  export_comparison_csv(ComparisonFile(path), out, {});
  Rows rows = rows_of("comparison.csv");
  ASSERT_EQ(rows.size(), 1u + 2 * 2 * 5 * 7);  // alternatives × years × yearly figures × statistics
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"alternative", "year_start", "year_end", "measure", "statistic", "value"}));
  // Breakdowns of kinship minus base: r0 3−5, 2−6; r1 6−4, 2−4. Means 0 and −3.
  EXPECT_EQ(rows[1], (std::vector<std::string>{kinship, "2025-01-01", "2026-01-01", "breakdowns", "mean", "0"}));
  EXPECT_EQ(value_at(rows, {kinship, "2026-01-01", "2026-07-01", "breakdowns", "mean"}), "-3");
  // Cumulative discounted net cost of support: r0 1, 1−2; r1 0, 0+1.
  EXPECT_EQ(value_at(rows, {support, "2025-01-01", "2026-01-01", "cumulative_net_cost_discounted", "mean"}), "0.5");
  std::map<std::string, std::size_t> measures;
  const std::vector<std::string> years{"2025-01-01", "2026-01-01"}, ends{"2026-01-01", "2026-07-01"};
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::vector<std::string>& row = rows[i];
    ++measures[row[3]];
    auto year = static_cast<std::size_t>(std::find(years.begin(), years.end(), row[1]) - years.begin());
    ASSERT_LT(year, 2u) << row[1];
    EXPECT_EQ(row[2], ends[year]) << i;
    hdf5::NdArray<double> stored = stored_summary(path, "/comparisons/" + row[0], row[3]);
    EXPECT_EQ(row[5], fmt::format("{}", stored.values.at(statistic_index(row[4]) * 2 + year))) << i;
  }
  EXPECT_EQ(measures, (std::map<std::string, std::size_t>{{"breakdowns", 28},
                                                          {"cost", 28},
                                                          {"cost_discounted", 28},
                                                          {"cumulative_net_cost", 28},
                                                          {"cumulative_net_cost_discounted", 28}}));
}

TEST_F(ComparisonExportTest, TotalsHoldTheNetPresentValueAndThePaybackYearOfTheReplicatesThatPayBack) {
  export_comparison_csv(ComparisonFile(path), out, {});
  Rows rows = rows_of("comparison_totals.csv");
  ASSERT_EQ(rows.size(), 1u + 2 * 2 * 7);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"alternative", "measure", "statistic", "value"}));
  // Kinship: discounted net cost r0 2, −3 and r1 1, −1.5: NPV 1 and 0.5, both pay back in year 2.
  EXPECT_EQ(value_at(rows, {kinship, "net_present_value", "mean"}), "0.75");
  EXPECT_EQ(value_at(rows, {kinship, "payback_year", "mean"}), "2");
  // Support: r0 1, −2 (NPV 1, year 2); r1 0, 1 (NPV −1, no payback: stored as 0 per replicate,
  // and left out of the statistics, which are those of r0 alone).
  EXPECT_EQ(value_at(rows, {support, "net_present_value", "mean"}), "0");
  EXPECT_EQ(value_at(rows, {support, "payback_year", "mean"}), "2");
  EXPECT_EQ(value_at(rows, {support, "payback_year", "q05"}), "2");
  EXPECT_EQ(value_at(rows, {support, "payback_year", "sd"}), "0");
}

// The mean path: kinship's mean discounted net cost 1.5, −2.25 (cumulative 1.5, −0.75) and
// support's 0.5, −0.5 (cumulative 0.5, 0) both pay back in year 2. Kinship pays back in both
// replicates; support in r0 only (r1's cumulative 0, 1 rises again).
TEST_F(ComparisonExportTest, PaybackHoldsTheMeanPathsYearAndTheSharePayingBack) {
  export_comparison_csv(ComparisonFile(path), out, {});
  Rows rows = rows_of("comparison_payback.csv");
  EXPECT_EQ(rows, (Rows{{"alternative", "mean_path_payback_year", "mean_path_payback_year_start", "share_paying_back"},
                        {kinship, "2", "2026-01-01", "1"},
                        {support, "2", "2026-01-01", "0.5"}}));
}

TEST_F(ComparisonExportTest, EachComparisonsCategoriesAreItsOwn) {
  export_comparison_csv(ComparisonFile(path), out, {});
  Rows rows = rows_of("comparison_cost_by_category.csv");
  ASSERT_EQ(rows.size(), 1u + 2 * 2 * 3 * 7);
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"alternative", "year_start", "year_end", "category", "statistic", "value"}));
  std::map<std::string, std::set<std::string>> categories;
  for (std::size_t i = 1; i < rows.size(); ++i) categories[rows[i][0]].insert(rows[i][3]);
  EXPECT_EQ(categories[kinship], (std::set<std::string>{"care:foster", "care:residential", "intervention:kinship"}));
  EXPECT_EQ(categories[support],
            (std::set<std::string>{"care:foster", "care:residential", "intervention:family_support"}));
  // Family support in 2026: r0 1 − 0, r1 1 − 0; foster care: r0 5 − 8, r1 11 − 10.
  EXPECT_EQ(value_at(rows, {support, "2026-01-01", "2026-07-01", "intervention:family_support", "mean"}), "1");
  EXPECT_EQ(value_at(rows, {support, "2026-01-01", "2026-07-01", "care:foster", "mean"}), "-1");

  Rows placements = rows_of("comparison_placements.csv");
  ASSERT_EQ(placements.size(), 1u + 2 * 2 * 2 * 7);
  EXPECT_EQ(placements[0],
            (std::vector<std::string>{"alternative", "year_start", "year_end", "state", "statistic", "value"}));
  // Kinship in residential care, 2026: r0 4 − 5, r1 3 − 4.
  EXPECT_EQ(value_at(placements, {kinship, "2026-01-01", "2026-07-01", "residential", "mean"}), "-1");
}

TEST_F(ComparisonExportTest, ScenarioTablesHoldEachScenariosOwnFigures) {
  export_comparison_csv(ComparisonFile(path), out, {});
  Rows rows = rows_of("scenarios.csv");
  ASSERT_EQ(rows.size(), 1u + 3 * 2 * 3 * 7);  // scenarios × years × yearly figures × statistics
  EXPECT_EQ(rows[0], (std::vector<std::string>{"scenario", "year_start", "year_end", "measure", "statistic", "value"}));
  EXPECT_EQ(value_at(rows, {"base", "2026-01-01", "2026-07-01", "cost_discounted", "mean"}), "5.5");
  EXPECT_EQ(value_at(rows, {kinship, "2026-01-01", "2026-07-01", "cost", "q50"}), "7.5");  // 6 and 9
  Rows categories = rows_of("scenario_cost_by_category.csv");
  ASSERT_EQ(categories.size(), 1u + (2 * 2 + 2 * 3 + 2 * 3) * 7);  // the base has 2 categories
  EXPECT_EQ(value_at(categories, {"base", "2025-01-01", "2026-01-01", "care:foster", "mean"}), "9");
  EXPECT_EQ(value_at(categories, {kinship, "2025-01-01", "2026-01-01", "intervention:kinship", "mean"}), "4");
  EXPECT_EQ(rows_of("scenario_placements.csv").size(), 1u + 3 * 2 * 2 * 7);
}

TEST_F(ComparisonExportTest, ReplicateTablesHaveAReplicateColumnInsteadOfTheStatistic) {
  export_comparison_csv(ComparisonFile(path), out, {.replicates = true});
  Rows rows = rows_of("replicates/comparison.csv");
  ASSERT_EQ(rows.size(), 1u + 2 * 2 * 5 * 2);  // alternatives × years × yearly figures × replicates
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"alternative", "year_start", "year_end", "measure", "replicate", "value"}));
  EXPECT_EQ(value_at(rows, {kinship, "2026-01-01", "2026-07-01", "breakdowns", "1"}), "-2");
  Rows totals = rows_of("replicates/comparison_totals.csv");
  EXPECT_EQ(totals, (Rows{{"alternative", "measure", "replicate", "value"},
                          {kinship, "net_present_value", "0", "1"},
                          {kinship, "net_present_value", "1", "0.5"},
                          {kinship, "payback_year", "0", "2"},
                          {kinship, "payback_year", "1", "2"},
                          {support, "net_present_value", "0", "1"},
                          {support, "net_present_value", "1", "-1"},
                          {support, "payback_year", "0", "2"},
                          {support, "payback_year", "1", "0"}}));
  Rows placements = rows_of("replicates/scenario_placements.csv");
  EXPECT_EQ(placements[0],
            (std::vector<std::string>{"scenario", "year_start", "year_end", "state", "replicate", "value"}));
  EXPECT_EQ(value_at(placements, {"base", "2026-01-01", "2026-07-01", "foster", "1"}), "23");
}

/// Removes /years/end, as a comparison file of schema 1.1 lacks it.
void remove_year_ends(const fs::path& path) {
  hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
  hdf5::Group years = hdf5::open_group(file.get(), "years");
  ASSERT_GE(H5Ldelete(years.get(), "end", H5P_DEFAULT), 0);
  years.reset();
  hdf5::close_file(file);
}

TEST_F(ComparisonExportTest, TheFileStoresWhereEachYearEnds) {
  EXPECT_EQ(ComparisonFile(path).year_ends(), (std::vector<std::string>{"2026-01-01", "2026-07-01"}));
  hdf5::File file = hdf5::open_file_read_only(path);
  hdf5::Group years = hdf5::open_group(file.get(), "years");
  EXPECT_EQ(hdf5::read_string_dataset(years.get(), "end"), (std::vector<std::string>{"2026-01-01", "2026-07-01"}));
}

TEST_F(ComparisonExportTest, AnOlderFileTakesTheEndOfItsLastYearFromItsBaseScenario) {
  remove_year_ends(path);
  EXPECT_EQ(ComparisonFile(path).year_ends(), (std::vector<std::string>{"2026-01-01", "2026-07-01"}));
  export_comparison_csv(ComparisonFile(path), out, {});
  EXPECT_EQ(value_at(rows_of("comparison.csv"), {kinship, "2026-01-01", "2026-07-01", "breakdowns", "mean"}), "-3");
}

TEST_F(ComparisonExportTest, AnOlderFileWhoseScenarioDoesNotGiveTheHorizonLeavesTheLastEndEmpty) {
  fs::path older = folder / "older.h5";
  write_comparison(hand_made_comparison("name: s\n"), older, false);
  remove_year_ends(older);
  EXPECT_EQ(ComparisonFile(older).year_ends(), (std::vector<std::string>{"2026-01-01", ""}));
  export_comparison_csv(ComparisonFile(older), out, {});
  EXPECT_EQ(value_at(rows_of("comparison.csv"), {kinship, "2026-01-01", "", "breakdowns", "mean"}), "-3");
  EXPECT_EQ(value_at(rows_of("provenance.csv"), {"horizon"}), "(none)");
}

TEST_F(ComparisonExportTest, WithoutReplicatesThereIsNoReplicatesFolder) {
  std::vector<fs::path> written = export_comparison_csv(ComparisonFile(path), out, {});
  EXPECT_EQ(written.size(), 9u);
  EXPECT_FALSE(fs::exists(out / "replicates"));
}

}  // namespace
}  // namespace carecast::output
