// export_csv: one tidy table per array with labelled axes, the provenance and the analytic
// stock, numbers that read back exactly, RFC 4180 quoting, and a folder that is never half
// written, never filled over something that was there, and replaced only with --force.
#include "output/csv_export.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "output/csv_writer.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "output/result_schema.hpp"
#include "output/result_writer.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output {
namespace {

using testing::file_bytes;
using testing::ScratchFolder;
using testing::synthetic_result;
using testing::write_text;
using Rows = std::vector<std::vector<std::string>>;

const std::vector<std::string> quarterly_dates = {
    "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01",
    "2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01"};
const std::vector<std::string> state_names = {"support", "foster", "residential", "home"};
const std::vector<std::string> statistics = {"mean", "sd", "q05", "q25", "q50", "q75", "q95"};

/// Two years on a quarterly grid (9 dates, 8 intervals, 4 states), with arrays over every kind
/// of axis: stock [time, state], transitions [interval, from_state, to_state], breakdowns
/// [interval, state, cause] (cause labelled in /axes, one label with a comma and quotes),
/// cohort_placements [year, count] (count unlabelled) and the sum array cost [year]; and an
/// analytic stock. Its scenario path holds a comma and quotes.
models::RunResult quarterly_result(std::size_t replicates = 3) {
  models::RunResult result = synthetic_result(replicates, 4);  // states and provenance
  result.grid_dates = quarterly_dates;
  result.grid_days = {0, 90, 181, 273, 365, 455, 546, 638, 730};
  result.grid_step = "quarterly";
  auto layout = std::make_shared<engine::TallyLayout>();
  layout->add_counts("stock", {9, 4}, {"time", "state"});
  layout->add_counts("transitions", {8, 4, 4}, {"interval", "from_state", "to_state"});
  layout->add_counts("breakdowns", {8, 4, 2}, {"interval", "state", "cause"});
  layout->label_axis("cause", {"carer_initiated", "other, \"unplanned\""});
  layout->add_counts("cohort_placements", {2, 7}, {"year", "count"});
  std::size_t cost = layout->add_sums("cost", {2}, {"year"});
  result.layout = layout;
  result.replicates.clear();
  for (std::size_t r = 0; r < replicates; ++r) {
    engine::Tally tally(layout);
    auto& counts = tally.all_counts();
    for (std::size_t i = 0; i < counts.size(); ++i)
      counts[i] = static_cast<std::int64_t>((i * 7 + r * 13) % 23);
    auto sums = tally.sums(cost);
    for (std::size_t i = 0; i < sums.size(); ++i)
      sums[i] = 1000.5 * static_cast<double>(r) + 0.25 * static_cast<double>(i);
    result.replicates.push_back(std::move(tally));
  }
  result.analytic_stock.clear();
  for (std::size_t p = 0; p < 9; ++p)
    for (std::size_t s = 0; s < 4; ++s)
      result.analytic_stock.push_back(static_cast<double>(p) + 0.1 * static_cast<double>(s));
  result.provenance.scenario_path = "scenarios/north, \"east\".yaml";
  return result;
}

/// Parses CSV text (RFC 4180 quoting, lines ending with LF) into rows of fields.
Rows parse_csv(const std::string& text) {
  Rows rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted && c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      field += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (!quoted && c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  return rows;
}

/// Adds /axes/<axis> to a written result, as a file of another writer could have it.
void add_axis_labels(const std::filesystem::path& path, const std::string& axis,
                     const std::vector<std::string>& labels) {
  hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
  ASSERT_TRUE(file.valid());
  hdf5::Group axes = hdf5::exists(file.get(), schema::axes)
                         ? hdf5::open_group(file.get(), schema::axes)
                         : hdf5::create_group(file.get(), schema::axes);
  hdf5::write_string_dataset(axes.get(), axis, labels);
  axes.reset();
  hdf5::close_file(file);
}

Rows read_csv(const std::filesystem::path& path) { return parse_csv(file_bytes(path)); }

double number(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

std::vector<std::string> column(const Rows& rows, std::size_t c) {
  std::vector<std::string> values;
  for (std::size_t r = 1; r < rows.size(); ++r) values.push_back(rows[r][c]);
  return values;
}

bool holds(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string error_exporting(const ResultFile& file, const std::filesystem::path& folder,
                            CsvExportOptions options = {}) {
  try {
    export_csv(file, folder, options);
  } catch (const OutputError& error) {
    return error.what();
  }
  return "exported";
}

class CsvExportTest : public ::testing::Test {
 protected:
  ScratchFolder scratch;
  std::filesystem::path result_path = scratch / "result.h5";
  std::filesystem::path out = scratch / "out";
  void SetUp() override { write_result(quarterly_result(), result_path, false); }
};

TEST_F(CsvExportTest, WritesATablePerArrayTheAnalyticStockAndTheProvenance) {
  ResultFile file(result_path);
  std::vector<std::filesystem::path> written = export_csv(file, out, {});
  EXPECT_EQ(written.size(), 7u);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(out))
    names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"analytic_stock.csv", "breakdowns.csv",
                                             "cohort_placements.csv", "cost.csv",
                                             "provenance.csv", "stock.csv", "transitions.csv"}));
  EXPECT_EQ(scratch.listing(), (std::vector<std::string>{"out", "result.h5"}))
      << "no temporary folder may be left beside the export";
}

TEST_F(CsvExportTest, HeadersNameTheAxesThenStatisticThenValue) {
  ResultFile file(result_path);
  export_csv(file, out, {});
  using Header = std::vector<std::string>;
  EXPECT_EQ(read_csv(out / "stock.csv")[0], (Header{"date", "state", "statistic", "value"}));
  EXPECT_EQ(read_csv(out / "transitions.csv")[0],
            (Header{"from", "to", "from_state", "to_state", "statistic", "value"}));
  EXPECT_EQ(read_csv(out / "breakdowns.csv")[0],
            (Header{"from", "to", "state", "cause", "statistic", "value"}));
  EXPECT_EQ(read_csv(out / "cohort_placements.csv")[0],
            (Header{"year_start", "year_end", "count", "statistic", "value"}));
  EXPECT_EQ(read_csv(out / "cost.csv")[0], (Header{"year_start", "year_end", "statistic", "value"}));
  EXPECT_EQ(read_csv(out / "analytic_stock.csv")[0], (Header{"date", "state", "value"}));
  EXPECT_EQ(read_csv(out / "provenance.csv")[0], (Header{"key", "value"}));
}

TEST_F(CsvExportTest, HasOneRowPerCellAndStatistic) {
  ResultFile file(result_path);
  export_csv(file, out, {});
  for (const ArrayInfo& array : file.replicate_arrays()) {
    std::size_t cells = 1;
    for (std::size_t d = 1; d < array.shape.size(); ++d) cells *= array.shape[d];
    Rows rows = read_csv(out / (array.name + ".csv"));
    EXPECT_EQ(rows.size(), 1 + cells * 7) << array.name;
    for (const auto& row : rows) ASSERT_EQ(row.size(), rows[0].size()) << array.name;
  }
  EXPECT_EQ(read_csv(out / "analytic_stock.csv").size(), 1u + 9 * 4);
}

TEST_F(CsvExportTest, EveryLabelledValueIsTheSummaryValue) {
  ResultFile file(result_path);
  export_csv(file, out, {});
  SummaryArray summary = file.read_summary("stock");
  Rows rows = read_csv(out / "stock.csv");
  const std::size_t cells = 9 * 4;
  ASSERT_EQ(rows.size(), 1 + cells * 7);
  // Rows run through the cells in storage order, with the statistic varying fastest.
  for (std::size_t n = 0; n < cells * 7; ++n) {
    std::size_t cell = n / 7, statistic = n % 7;
    const std::vector<std::string>& row = rows[n + 1];
    EXPECT_EQ(row[0], quarterly_dates[cell / 4]) << n;
    EXPECT_EQ(row[1], state_names[cell % 4]) << n;
    EXPECT_EQ(row[2], statistics[statistic]) << n;
    EXPECT_EQ(number(row[3]), summary.values[statistic * cells + cell]) << n << ": " << row[3];
  }
}

TEST_F(CsvExportTest, IntervalsAreBoundedByTheirGridDates) {
  ResultFile file(result_path);
  export_csv(file, out, {});
  SummaryArray summary = file.read_summary("transitions");
  Rows rows = read_csv(out / "transitions.csv");
  // Interval 5, from foster (1) to home (3), q95 (6).
  std::size_t cell = 5 * 16 + 1 * 4 + 3;
  const std::vector<std::string>& row = rows[1 + cell * 7 + 6];
  EXPECT_EQ(row, (std::vector<std::string>{"2026-04-01", "2026-07-01", "foster", "home", "q95",
                                           row[5]}));
  EXPECT_EQ(number(row[5]), summary.values[6 * 8 * 16 + cell]);
}

TEST_F(CsvExportTest, YearsRunFromTheirFirstDayToTheNextAndOtherAxesUseAxesLabelsOrIndices) {
  ResultFile file(result_path);
  export_csv(file, out, {});
  Rows cohort = read_csv(out / "cohort_placements.csv");
  EXPECT_EQ(cohort[1][0], "2025-01-01");
  EXPECT_EQ(cohort[1][1], "2026-01-01");
  EXPECT_EQ(cohort.back()[0], "2026-01-01");
  EXPECT_EQ(cohort.back()[1], file.grid_dates().back());  // the last year ends at the horizon
  EXPECT_EQ(cohort[1][2], "0");
  EXPECT_EQ(cohort.back()[2], "6");
  Rows breakdowns = read_csv(out / "breakdowns.csv");
  std::vector<std::string> causes = column(breakdowns, 3);
  EXPECT_TRUE(holds(causes, "carer_initiated"));
  EXPECT_TRUE(holds(causes, "other, \"unplanned\""));
  EXPECT_FALSE(holds(causes, "0"));
  EXPECT_NE(file_bytes(out / "breakdowns.csv").find(",\"other, \"\"unplanned\"\"\",mean,"),
            std::string::npos)
      << "a label with a comma and quotes is quoted, its quotes doubled";
}

TEST_F(CsvExportTest, NumbersAreTheShortestTextThatReadsBack) {
  ResultFile file(result_path);
  export_csv(file, out, {});
  // cost[year 0] is 0, 1000.5 and 2001 in the three replicates: mean 1000.5.
  Rows cost = read_csv(out / "cost.csv");
  EXPECT_EQ(cost[1], (std::vector<std::string>{"2025-01-01", "2026-01-01", "mean", "1000.5"}));
  EXPECT_EQ(cost[8][2], "mean");
  EXPECT_EQ(cost[8][3], "1000.75");
  for (const std::string& value : column(read_csv(out / "stock.csv"), 3))
    EXPECT_EQ(value.find_first_not_of("0123456789.-e+"), std::string::npos) << value;
}

TEST_F(CsvExportTest, ProvenanceListsTheRootAttributes) {
  ResultFile file(result_path);
  export_csv(file, out, {});
  Rows rows = read_csv(out / "provenance.csv");
  Rows expected = {{"key", "value"},
                   {"scenario_path", "scenarios/north, \"east\".yaml"},
                   {"scenario_sha256", std::string(64, 'a')},
                   {"seed", "18446744073709551557"},
                   {"parameter_uncertainty", "false"},
                   {"replicates", "3"},
                   {"engine_version", "0.1.0"},
                   {"git_commit", "0123456789abcdef0123456789abcdef01234567"},
                   {"grid_step", "quarterly"},
                   {"schema_version", "1.2"}};
  ASSERT_GE(rows.size(), expected.size() + 3);
  EXPECT_EQ(Rows(rows.begin(), rows.begin() + static_cast<long>(expected.size())), expected);
  // Then the span and the reporting years; money only for a scenario with a costs section.
  EXPECT_EQ(rows[expected.size()][0], "start");
  EXPECT_EQ(rows[expected.size() + 1][0], "horizon");
  EXPECT_EQ(rows[expected.size() + 2][0], "year_starts");
  EXPECT_EQ(rows.size(), expected.size() + 3);
  EXPECT_NE(file_bytes(out / "provenance.csv")
                .find("\nscenario_path,\"scenarios/north, \"\"east\"\".yaml\"\n"),
            std::string::npos);
}

TEST_F(CsvExportTest, ReplicatesAreWrittenOnlyOnRequest) {
  ResultFile file(result_path);
  export_csv(file, out, {});
  EXPECT_FALSE(std::filesystem::exists(out / "replicates"));

  std::filesystem::path with = scratch / "with_replicates";
  export_csv(file, with, {.replicates = true});
  Rows stock = read_csv(with / "replicates" / "stock.csv");
  EXPECT_EQ(stock[0], (std::vector<std::string>{"date", "state", "replicate", "value"}));
  ASSERT_EQ(stock.size(), 1u + 9 * 4 * 3);
  ResultArray<std::int64_t> counts = file.read_counts("stock");
  // Row of date 2, state 1, replicate 2; counts are stored [replicate, time, state].
  const std::vector<std::string>& row = stock[1 + (2 * 4 + 1) * 3 + 2];
  EXPECT_EQ(row, (std::vector<std::string>{"2025-07-01", "foster", "2",
                                           std::to_string(counts.values[2 * 36 + 2 * 4 + 1])}));
  Rows cost = read_csv(with / "replicates" / "cost.csv");
  EXPECT_EQ(cost[0], (std::vector<std::string>{"year_start", "year_end", "replicate", "value"}));
  EXPECT_EQ(cost[2], (std::vector<std::string>{"2025-01-01", "2026-01-01", "1", "1000.5"}));
  EXPECT_EQ(cost[6][0], "2026-01-01");
  EXPECT_EQ((std::vector<std::string>{cost[6][2], cost[6][3]}), (std::vector<std::string>{"2", "2001.25"}));
}

TEST_F(CsvExportTest, FillsAnEmptyFolderWithoutForce) {
  std::filesystem::create_directory(out);
  ResultFile file(result_path);
  export_csv(file, out, {});
  EXPECT_TRUE(std::filesystem::is_regular_file(out / "stock.csv"));
}

TEST_F(CsvExportTest, RefusesAFolderThatIsNotEmptyWithoutForceAndLeavesItUntouched) {
  std::filesystem::create_directory(out);
  write_text(out / "notes.txt", "mine\n");
  ResultFile file(result_path);
  std::string error = error_exporting(file, out);
  EXPECT_NE(error.find("not empty"), std::string::npos) << error;
  EXPECT_NE(error.find("--force"), std::string::npos) << error;
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(out))
    names.push_back(entry.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"notes.txt"});
  EXPECT_EQ(file_bytes(out / "notes.txt"), "mine\n");
  EXPECT_EQ(scratch.listing(), (std::vector<std::string>{"out", "result.h5"}));
}

TEST_F(CsvExportTest, ForceReplacesAnEarlierExportWithOrWithoutReplicates) {
  ResultFile file(result_path);
  export_csv(file, out, {});
  export_csv(file, out, {.replicates = true, .overwrite = true});
  EXPECT_TRUE(std::filesystem::is_regular_file(out / "stock.csv"));
  EXPECT_TRUE(std::filesystem::is_regular_file(out / "replicates" / "stock.csv"));
  export_csv(file, out, {.overwrite = true});
  EXPECT_TRUE(std::filesystem::is_regular_file(out / "stock.csv"));
  EXPECT_FALSE(std::filesystem::exists(out / "replicates")) << "the earlier replicates went with the earlier export";
  EXPECT_EQ(scratch.listing(), (std::vector<std::string>{"out", "result.h5"}))
      << "neither the old folder nor a temporary one may be left behind";
}

/// Every file below `folder` with its bytes, and every folder (with bytes "<folder>").
std::map<std::string, std::string> snapshot(const std::filesystem::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    files[std::filesystem::relative(entry.path(), folder).string()] =
        entry.is_directory() ? std::string("<folder>") : file_bytes(entry.path());
  return files;
}

TEST_F(CsvExportTest, ForceRefusesAnEarlierExportThatHoldsAnythingElseAndTouchesNothing) {
  struct Foreign {
    const char* file;   // written into the earlier export
    const char* named;  // what the error names
    const char* moved;  // what it says to move
  };
  for (const Foreign& foreign : {Foreign{"budget-analysis.xlsx", "'budget-analysis.xlsx'", "budget-analysis.xlsx"},
                                 Foreign{"charts/c.png", "the folder 'charts'", "charts"},
                                 Foreign{"replicates/notes.txt", "'replicates/notes.txt'", "replicates/notes.txt"},
                                 Foreign{"stale.csv", "'stale.csv'", "stale.csv"}}) {
    ResultFile file(result_path);
    std::filesystem::remove_all(out);
    export_csv(file, out, {.replicates = true});
    std::filesystem::create_directories((out / foreign.file).parent_path());
    write_text(out / foreign.file, "mine\n");
    std::map<std::string, std::string> before = snapshot(out);
    std::string error = error_exporting(file, out, {.overwrite = true});
    EXPECT_NE(error.find(foreign.named), std::string::npos) << error;
    EXPECT_NE(error.find("nothing was changed"), std::string::npos) << error;
    EXPECT_NE(error.find("move '" + (out / foreign.moved).string() + "'"), std::string::npos) << error;
    EXPECT_NE(error.find("choose another folder"), std::string::npos) << error;
    EXPECT_EQ(snapshot(out), before) << foreign.file;
    EXPECT_EQ(scratch.listing(), (std::vector<std::string>{"out", "result.h5"})) << foreign.file;
  }
}

TEST_F(CsvExportTest, AFolderMovedAsideIsPutBackWhenItsCheckRefusesIt) {
  std::filesystem::create_directory(out);
  write_text(out / "added-during-the-export.txt", "mine\n");
  bool wrote = false;
  std::filesystem::path checked;
  EXPECT_THROW(write_folder_atomically(
                   out, true, [&](const std::filesystem::path& temporary) {
                     write_text(temporary / "stock.csv", "new\n");
                     wrote = true;
                   },
                   [&](const std::filesystem::path& moved_aside) {
                     checked = moved_aside;
                     EXPECT_TRUE(std::filesystem::is_regular_file(moved_aside / "added-during-the-export.txt"));
                     throw OutputError("refused");
                   }),
               OutputError);
  EXPECT_TRUE(wrote);
  EXPECT_NE(checked, out) << "checked where it was moved aside";
  EXPECT_EQ(snapshot(out), (std::map<std::string, std::string>{{"added-during-the-export.txt", "mine\n"}}));
  EXPECT_EQ(scratch.listing(), (std::vector<std::string>{"out", "result.h5"}));
}

// A killed export's temporary folder goes; a folder moved aside is kept, since it may be one
// that could not be moved back and may hold the user's own files.
TEST_F(CsvExportTest, RemovesTheTemporaryFolderOfAKilledExportButNoFolderMovedAside) {
  // 999999999 is above Linux's largest process id, so no such process runs.
  for (const char* name : {".out.partial-999999999", ".out.replaced-999999999"}) {
    std::filesystem::create_directory(scratch / name);
    write_text(scratch / name / "stock.csv", "left behind\n");
  }
  ResultFile file(result_path);
  export_csv(file, out, {});
  EXPECT_EQ(scratch.listing(), (std::vector<std::string>{".out.replaced-999999999", "out", "result.h5"}));
}

TEST_F(CsvExportTest, ForceDoesNotReplaceAFolderThatHoldsNoExport) {
  std::filesystem::create_directory(out);
  write_text(out / "notes.txt", "mine\n");
  ResultFile file(result_path);
  std::string error = error_exporting(file, out, {.overwrite = true});
  EXPECT_NE(error.find("'notes.txt'"), std::string::npos) << error;
  EXPECT_EQ(file_bytes(out / "notes.txt"), "mine\n");
  EXPECT_FALSE(std::filesystem::exists(out / "stock.csv"));

  // Only names an export writes, but no provenance.csv: not an export either.
  std::filesystem::remove(out / "notes.txt");
  write_text(out / "stock.csv", "mine\n");
  error = error_exporting(file, out, {.overwrite = true});
  EXPECT_NE(error.find("no earlier export"), std::string::npos) << error;
  EXPECT_EQ(file_bytes(out / "stock.csv"), "mine\n");
}

TEST_F(CsvExportTest, ForceNeverRemovesTheResultFileBeingExported) {
  ResultFile first(result_path);
  export_csv(first, out, {});
  write_result(quarterly_result(), out / "inside.h5", false);
  ResultFile inside(out / "inside.h5");
  std::string error = error_exporting(inside, out, {.overwrite = true});
  EXPECT_NE(error.find("inside.h5"), std::string::npos) << error;
  EXPECT_TRUE(std::filesystem::is_regular_file(out / "inside.h5"));
}

TEST_F(CsvExportTest, AFailureHalfWayLeavesNoFolderBehind) {
  std::filesystem::path bad_path = scratch / "bad.h5";
  write_result(quarterly_result(), bad_path, false);
  // Three labels for the seven counts: the tables before cohort_placements are written, then
  // that one cannot be.
  add_axis_labels(bad_path, "count", {"none", "one", "more"});
  ResultFile bad(bad_path);
  std::string error = error_exporting(bad, out);
  EXPECT_NE(error.find("'count'"), std::string::npos) << error;
  EXPECT_NE(error.find("/axes/count"), std::string::npos) << error;
  EXPECT_EQ(scratch.listing(), (std::vector<std::string>{"bad.h5", "result.h5"}));
}

TEST_F(CsvExportTest, RefusesTargetsThatAreNotNewFolders) {
  ResultFile file(result_path);
  write_text(scratch / "a_file", "x");
  EXPECT_NE(error_exporting(file, scratch / "a_file").find("not a folder"), std::string::npos);
  EXPECT_NE(error_exporting(file, scratch / "missing" / "out").find("does not exist"),
            std::string::npos);
  for (const char* unnamed : {".", "..", "/", "a/.."})
    EXPECT_NE(error_exporting(file, unnamed, {.overwrite = true}).find("folder of its own"),
              std::string::npos)
        << unnamed;
  EXPECT_EQ(file_bytes(scratch / "a_file"), "x");
}

TEST_F(CsvExportTest, ATrailingSeparatorNamesTheSameFolder) {
  ResultFile file(result_path);
  export_csv(file, out.string() + "/", {});
  EXPECT_TRUE(std::filesystem::is_regular_file(out / "stock.csv"));
  EXPECT_EQ(scratch.listing(), (std::vector<std::string>{"out", "result.h5"}));
}

TEST(CsvField, QuotesOnlyFieldsWithCommasQuotesOrLineBreaks) {
  EXPECT_EQ(csv_field("foster"), "foster");
  EXPECT_EQ(csv_field("Døgninstitution"), "Døgninstitution");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
}

}  // namespace
}  // namespace carecast::output
