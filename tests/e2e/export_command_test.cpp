// `carecast export` end to end: it writes a folder of tidy CSV files from a result, refuses a
// folder that is not empty (exit status 2, the folder untouched) unless --force, and with
// --force one that holds anything an export does not write; adds the
// replicates on request, and reports a missing or foreign result file with exit status 2
// without creating any folder. A comparison file gives its paired tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>
#include <map>
#include <string>
#include <vector>

#include "e2e_test_support.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"

namespace carecast::e2e {
namespace {

std::string markov(const char* option = "--replicates 4") {
  return "run " + quoted((e2e_data_dir() / "markov.yaml").string()) + " " + option + " -q -o out.h5";
}

std::vector<std::string> lines_of(const fs::path& file) {
  std::vector<std::string> lines;
  std::istringstream text(read_text(file));
  for (std::string line; std::getline(text, line);) lines.push_back(line);
  return lines;
}

std::set<std::string> names_in(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
  return names;
}

bool starts_with(const std::string& text, const std::string& start) { return text.rfind(start, 0) == 0; }

/// Type-7 quantile (numpy's default) of `values`.
double quantile(std::vector<double> values, double level) {
  std::sort(values.begin(), values.end());
  double position = level * static_cast<double>(values.size() - 1);
  auto below = static_cast<std::size_t>(position);
  double above = below + 1 < values.size() ? values[below + 1] : values[below];
  return values[below] + (position - static_cast<double>(below)) * (above - values[below]);
}

/// The fields of one CSV line without quotes (the tables here have none).
std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  return fields;
}

// budget.csv and budget_horizon.csv add up the cost categories replicate by replicate, then
// summarize: their totals are checked here against the replicates' own category costs, and their
// parts against their prefixes, for each year (budget.csv) and over the whole horizon
// (budget_horizon.csv).
TEST(ExportCommand, TheBudgetAddsUpEachReplicatesCategoriesBeforeSummarizing) {
  TestFolder folder;
  std::string run = "run " + quoted((scenarios_dir() / "family-support-12-17.yaml").string()) + " -r 7 -q -o out.h5";
  ASSERT_EQ(folder.carecast(run).status, 0);
  ASSERT_EQ(folder.carecast("export out.h5 --csv tables --replicates").status, 0);
  // [year_start,year_end][measure prefix][replicate] from replicates/costs.csv; the whole horizon
  // is "2025-01-01,2035-01-01".
  std::map<std::string, std::map<std::string, std::vector<double>>> totals;
  std::vector<std::string> costs = lines_of(folder.work() / "tables" / "replicates" / "costs.csv");
  ASSERT_EQ(costs[0], "year_start,year_end,category,replicate,value");
  for (std::size_t i = 1; i < costs.size(); ++i) {
    std::vector<std::string> f = fields_of(costs[i]);
    auto replicate = static_cast<std::size_t>(std::stoul(f[3]));
    for (const std::string& span : {f[0] + "," + f[1], std::string("2025-01-01,2035-01-01")})
      for (const std::string& prefix : {std::string("total:"), f[2].substr(0, f[2].find(':') + 1)}) {
        std::vector<double>& sum = totals[span][prefix];
        sum.resize(7, 0.0);
        sum[replicate] += std::stod(f[4]);
      }
  }
  const std::map<std::string, std::string> prefix_of{
      {"total", "total:"}, {"care_days", "care:"}, {"one_off", "one_off:"}, {"interventions", "intervention:"}};
  std::vector<std::string> budget = lines_of(folder.work() / "tables" / "budget.csv");
  ASSERT_EQ(budget[0], "year_start,year_end,measure,statistic,value");
  ASSERT_EQ(budget.size(), 1u + 10 * 5 * 7);  // 10 years, 5 measures, 7 statistics
  EXPECT_TRUE(budget.back().rfind("2034-01-01,2035-01-01,interventions,q95,", 0) == 0) << budget.back();
  std::vector<std::string> horizon = lines_of(folder.work() / "tables" / "budget_horizon.csv");
  ASSERT_EQ(horizon[0], "start,end,measure,statistic,value");
  ASSERT_EQ(horizon.size(), 1u + 5 * 7);
  for (std::size_t i = 1; i < horizon.size(); ++i) {
    EXPECT_TRUE(starts_with(horizon[i], "2025-01-01,2035-01-01,")) << horizon[i];
    budget.push_back(horizon[i]);
  }
  int checked = 0;
  for (std::size_t i = 1; i < budget.size(); ++i) {
    std::vector<std::string> f = fields_of(budget[i]);
    if (!prefix_of.count(f[2])) continue;  // total_discounted: from costs_discounted
    const std::vector<double>& per_replicate = totals[f[0] + "," + f[1]][prefix_of.at(f[2])];
    double value = std::stod(f[4]), expected = std::nan("");
    if (f[3] == "mean") expected = std::accumulate(per_replicate.begin(), per_replicate.end(), 0.0) / 7.0;
    if (f[3] == "q05") expected = quantile(per_replicate, 0.05);
    if (f[3] == "q95") expected = quantile(per_replicate, 0.95);
    if (std::isnan(expected)) continue;
    EXPECT_NEAR(value, expected, 1e-6 * std::max(1.0, std::abs(expected))) << budget[i];
    ++checked;
  }
  EXPECT_EQ(checked, 11 * 4 * 3);
  EXPECT_GT(totals["2030-01-01,2031-01-01"]["intervention:"][0], 0.0) << "the intervention's cost must be in the check";
}

/// The value of the row of `lines` whose fields before the value are `keys`; "(none)" if none.
std::string value_of_row(const std::vector<std::string>& lines, const std::vector<std::string>& keys) {
  for (const std::string& line : lines) {
    std::vector<std::string> f = fields_of(line);
    if (f.size() == keys.size() + 1 && std::equal(keys.begin(), keys.end(), f.begin())) return f.back();
  }
  return "(none)";
}

// The audit's case: the whole-horizon rows shared year_start with the first year, so a pivot or
// SUMIF of budget.csv by year_start counted the first year with the whole horizon's budget. Now
// each (year_start, measure, statistic) is one row of one year, and the sum of the years' mean
// totals by year_start is the horizon's mean total in budget_horizon.csv.
TEST(ExportCommand, APivotOfTheBudgetByYearStartCountsEachYearOnce) {
  TestFolder folder;
  std::ofstream(folder.work() / "mid-year.yaml") << "extends: " << quoted((scenarios_dir() / "baseline.yaml").string())
                                                 << "\nsimulation: {start: 2026-07-01, years: 3}\n";
  ASSERT_EQ(folder.carecast("run mid-year.yaml -r 5 -q -o out.h5").status, 0);
  ASSERT_EQ(folder.carecast("export out.h5 --csv tables").status, 0);
  std::map<std::string, int> rows_by_key;
  std::map<std::string, double> pivot;  // year_start -> mean total, as a SUMIF adds it
  std::map<std::string, std::string> end_of;
  std::vector<std::string> budget = lines_of(folder.work() / "tables" / "budget.csv");
  for (std::size_t i = 1; i < budget.size(); ++i) {
    std::vector<std::string> f = fields_of(budget[i]);
    ++rows_by_key[f[0] + "," + f[2] + "," + f[3]];
    end_of[f[0]] = f[1];
    if (f[2] == "total" && f[3] == "mean") pivot[f[0]] += std::stod(f[4]);
  }
  for (const auto& [key, rows] : rows_by_key) EXPECT_EQ(rows, 1) << key;
  EXPECT_EQ(end_of, (std::map<std::string, std::string>{{"2026-07-01", "2027-01-01"},
                                                        {"2027-01-01", "2028-01-01"},
                                                        {"2028-01-01", "2029-01-01"},
                                                        {"2029-01-01", "2029-07-01"}}));
  double years = 0.0;
  for (const auto& [start, total] : pivot) years += total;
  EXPECT_LT(pivot["2026-07-01"], 0.6 * pivot["2027-01-01"]) << "the first year is July to December only";
  std::string horizon = value_of_row(lines_of(folder.work() / "tables" / "budget_horizon.csv"),
                                     {"2026-07-01", "2029-07-01", "total", "mean"});
  ASSERT_NE(horizon, "(none)");
  EXPECT_NEAR(years, std::stod(horizon), 1e-9 * std::stod(horizon));
}

// With costs.caseworker_per_year the caseworkers the norm needs are a part of the budget: a
// column of summary's budget table and a measure of budget.csv, and the total's mean is the sum
// of its parts' means in every year (means are linear; the parts cover every category).
TEST(ExportCommand, CostedCaseworkersAreAPartOfTheBudget) {
  TestFolder folder;
  std::ofstream(folder.work() / "staff.yaml") << "extends: " << quoted((scenarios_dir() / "baseline.yaml").string())
                                              << "\nsimulation: {years: 2}\ncosts: {caseworker_per_year: 600000}\n";
  ASSERT_EQ(folder.carecast("run staff.yaml -r 3 -q -o out.h5").status, 0);
  CommandResult summary = folder.carecast("summary out.h5");
  EXPECT_NE(summary.out.find("interventions       caseworkers"), std::string::npos) << summary;
  ASSERT_EQ(folder.carecast("export out.h5 --csv tables").status, 0);
  std::map<std::string, std::map<std::string, double>> means;  // year_start -> measure -> mean
  std::vector<std::string> budget = lines_of(folder.work() / "tables" / "budget.csv");
  for (std::size_t i = 1; i < budget.size(); ++i) {
    std::vector<std::string> f = fields_of(budget[i]);
    if (f[3] == "mean") means[f[0]][f[2]] = std::stod(f[4]);
  }
  ASSERT_EQ(means.size(), 2u);
  for (auto& [year, by_measure] : means) {
    EXPECT_GT(by_measure["caseworkers"], 0.0) << year;
    double parts = by_measure["care_days"] + by_measure["one_off"] + by_measure["interventions"] +
                   by_measure["caseworkers"];
    EXPECT_NEAR(by_measure["total"], parts, 1e-9 * by_measure["total"]) << year;
  }
}

// A comparison file exports as paired tables: the net present value in comparison_totals.csv is
// the one `compare` stored (its mean, read back exactly), and the mean of the replicates'
// values in replicates/comparison_totals.csv; --force keeps a folder with a file the export of
// a comparison does not write, even one the export of a result would write.
TEST(ExportCommand, AComparisonGivesPairedTablesWithTheStoredNetPresentValue) {
  TestFolder folder;
  std::string compare = "compare " + quoted((scenarios_dir() / "baseline.yaml").string()) + " " +
                        quoted((scenarios_dir() / "family-support-12-17.yaml").string()) + " -r 3 -q -o c.h5";
  ASSERT_EQ(folder.carecast(compare).status, 0);
  CommandResult result = folder.carecast("export c.h5 --csv tables --replicates");
  ASSERT_EQ(result.status, 0) << result;
  EXPECT_NE(result.out.find("c.h5: a comparison of 1 alternative; 16 CSV files written to 'tables'."),
            std::string::npos)
      << result;
  fs::path tables = folder.work() / "tables";
  std::string provenance = read_text(tables / "provenance.csv");
  for (const char* row : {"\ncurrency,DKK\n", "\ndiscount_rate,0.035\n", "\nyear_starts,2025-01-01 2026-01-01 ",
                          "\nhorizon,2035-01-01\n"})
    EXPECT_NE(provenance.find(row), std::string::npos) << row << provenance;
  EXPECT_EQ(names_in(tables), (std::set<std::string>{"provenance.csv", "comparison.csv", "comparison_totals.csv",
                                                     "comparison_payback.csv", "comparison_placements.csv", "comparison_cost_by_category.csv",
                                                     "scenarios.csv", "scenario_placements.csv",
                                                     "scenario_cost_by_category.csv", "replicates"}));

  output::hdf5::File file = output::hdf5::open_file_read_only(folder.work() / "c.h5");
  const std::string alternative = "Family support for 12-17-year-olds";
  const std::string group = "/comparisons/" + alternative;
  double stored_mean = output::hdf5::read_number_dataset<double>(file.get(), group + "/summary/net_present_value").values.at(0);
  std::vector<double> stored = output::hdf5::read_number_dataset<double>(file.get(), group + "/replicates/net_present_value").values;
  ASSERT_EQ(stored.size(), 3u);

  std::vector<std::string> totals = lines_of(tables / "comparison_totals.csv");
  ASSERT_EQ(totals.size(), 1u + 2 * 7);
  EXPECT_EQ(totals[0], "alternative,measure,statistic,value");
  std::string npv = value_of_row(totals, {alternative, "net_present_value", "mean"});
  ASSERT_NE(npv, "(none)") << read_text(tables / "comparison_totals.csv");
  EXPECT_EQ(std::stod(npv), stored_mean) << npv;
  EXPECT_NE(stored_mean, 0.0) << "family support must cost or save something";

  std::vector<std::string> replicates = lines_of(tables / "replicates" / "comparison_totals.csv");
  EXPECT_EQ(replicates[0], "alternative,measure,replicate,value");
  double sum = 0.0;
  for (std::size_t r = 0; r < 3; ++r) {
    std::string value = value_of_row(replicates, {alternative, "net_present_value", std::to_string(r)});
    ASSERT_NE(value, "(none)") << r;
    EXPECT_EQ(std::stod(value), stored[r]) << r;
    sum += std::stod(value);
  }
  EXPECT_NEAR(sum / 3.0, std::stod(npv), 1e-9 * std::abs(stored_mean));

  std::vector<std::string> yearly = lines_of(tables / "comparison.csv");
  EXPECT_EQ(yearly[0], "alternative,year_start,year_end,measure,statistic,value");
  EXPECT_EQ(value_of_row(yearly, {alternative, "2025-01-01", "2026-01-01", "cost", "mean"}), "0")
      << "the team starts in 2026";
  EXPECT_NE(value_of_row(yearly, {alternative, "2034-01-01", "2035-01-01", "cost", "mean"}), "(none)");

  std::ofstream(tables / "stock.csv") << "mine\n";
  CommandResult forced = folder.carecast("export c.h5 --csv tables --force");
  EXPECT_EQ(forced.status, 2) << forced;
  EXPECT_NE(forced.err.find("export folder 'tables' holds 'stock.csv'"), std::string::npos) << forced;
  EXPECT_EQ(read_text(tables / "stock.csv"), "mine\n");
  EXPECT_TRUE(fs::is_regular_file(tables / "replicates" / "comparison.csv")) << "the earlier export was changed";
  fs::remove(tables / "stock.csv");
  CommandResult replaced = folder.carecast("export c.h5 --csv tables --force");
  EXPECT_EQ(replaced.status, 0) << replaced;
  EXPECT_FALSE(fs::exists(tables / "replicates")) << "an earlier export is replaced whole";
}

TEST(ExportCommand, WritesTidyCsvFilesWithLabelledAxes) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(markov()).status, 0);
  CommandResult result = folder.carecast("export out.h5 --csv tables");
  ASSERT_EQ(result.status, 0) << result;
  EXPECT_NE(result.out.find("tables"), std::string::npos) << result;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"out.h5", "tables"})) << joined(folder.files());
  fs::path tables = folder.work() / "tables";
  std::set<std::string> names = names_in(tables);
  for (const char* name : {"provenance.csv", "stock.csv", "entries.csv", "transitions.csv", "breakdowns.csv",
                           "left_within_year.csv"})
    EXPECT_EQ(names.count(name), 1u) << name << " missing: " << joined(names);
  EXPECT_EQ(names.count("replicates"), 0u);

  // markov.yaml: 3 years monthly from 2025-01-01 (37 dates), states foster, residential, home,
  // aged_out; one row per date, state and statistic.
  std::vector<std::string> stock = lines_of(tables / "stock.csv");
  ASSERT_EQ(stock.size(), 1u + 37 * 4 * 7);
  EXPECT_EQ(stock[0], "date,state,statistic,value");
  EXPECT_TRUE(starts_with(stock[1], "2025-01-01,foster,mean,")) << stock[1];
  EXPECT_TRUE(starts_with(stock.back(), "2028-01-01,aged_out,q95,")) << stock.back();

  std::vector<std::string> transitions = lines_of(tables / "transitions.csv");
  EXPECT_EQ(transitions[0], "from,to,from_state,to_state,statistic,value");
  EXPECT_EQ(transitions.size(), 1u + 36 * 4 * 4 * 7);
  EXPECT_TRUE(starts_with(transitions[1], "2025-01-01,2025-02-01,foster,foster,mean,")) << transitions[1];

  std::vector<std::string> breakdowns = lines_of(tables / "breakdowns.csv");
  EXPECT_EQ(breakdowns[0], "from,to,state,cause,statistic,value");
  EXPECT_TRUE(starts_with(breakdowns[1], "2025-01-01,2025-02-01,foster,carer_initiated,mean,")) << breakdowns[1];
  EXPECT_TRUE(starts_with(breakdowns[8], "2025-01-01,2025-02-01,foster,other,mean,")) << breakdowns[8];

  std::vector<std::string> left = lines_of(tables / "left_within_year.csv");
  EXPECT_EQ(left[0], "year_start,year_end,statistic,value");
  EXPECT_TRUE(starts_with(left[1 + 7], "2026-01-01,2027-01-01,mean,")) << left[8];

  std::string provenance = read_text(tables / "provenance.csv");
  EXPECT_TRUE(starts_with(provenance, "key,value\nscenario_path,")) << provenance;
  for (const char* row : {"\nseed,5\n", "\nreplicates,4\n", "\ngrid_step,monthly\n", "\nschema_version,1.2\n",
                          "\nparameter_uncertainty,false\n",
                          "\nstart,2025-01-01\n", "\nhorizon,", "\nyear_starts,2025-01-01 "})
    EXPECT_NE(provenance.find(row), std::string::npos) << row << provenance;
  EXPECT_EQ(provenance.find("\ncurrency,"), std::string::npos) << "this scenario has no costs section";
}

TEST(ExportCommand, RefusesAFolderThatIsNotEmptyUnlessForced) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(markov()).status, 0);
  ASSERT_EQ(folder.carecast("export out.h5 --csv tables").status, 0);
  fs::path tables = folder.work() / "tables";
  std::string stock = read_text(tables / "stock.csv");
  std::set<std::string> names = names_in(tables);

  CommandResult again = folder.carecast("export out.h5 --csv tables --replicates");
  EXPECT_EQ(again.status, 2) << again;
  EXPECT_NE(again.err.find("tables"), std::string::npos) << again;
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again;
  EXPECT_EQ(names_in(tables), names);
  EXPECT_TRUE(read_text(tables / "stock.csv") == stock) << "the first export was changed";
  EXPECT_EQ(folder.files(), (std::set<std::string>{"out.h5", "tables"})) << joined(folder.files());

  CommandResult forced = folder.carecast("export out.h5 --csv tables --replicates --force");
  EXPECT_EQ(forced.status, 0) << forced;
  std::vector<std::string> replicates = lines_of(tables / "replicates" / "stock.csv");
  ASSERT_EQ(replicates.size(), 1u + 37 * 4 * 4);
  EXPECT_EQ(replicates[0], "date,state,replicate,value");
  EXPECT_TRUE(starts_with(replicates[4], "2025-01-01,foster,3,")) << replicates[4];
  std::string count = replicates[4].substr(replicates[4].rfind(',') + 1);
  EXPECT_EQ(count.find_first_not_of("0123456789"), std::string::npos) << "counts are whole: " << count;
  EXPECT_EQ(folder.files(), (std::set<std::string>{"out.h5", "tables"})) << joined(folder.files());
}

TEST(ExportCommand, ForceDoesNotReplaceAFolderThatHoldsNoExport) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(markov()).status, 0);
  fs::create_directory(folder.work() / "documents");
  std::ofstream(folder.work() / "documents" / "budget.xlsx") << "precious\n";
  CommandResult result = folder.carecast("export out.h5 --csv documents --force");
  EXPECT_EQ(result.status, 2) << result;
  EXPECT_EQ(names_in(folder.work() / "documents"), std::set<std::string>{"budget.xlsx"});
  EXPECT_EQ(read_text(folder.work() / "documents" / "budget.xlsx"), "precious\n");
}

/// Every file below `folder` with its bytes, and every folder.
std::map<std::string, std::string> snapshot(const fs::path& folder) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    files[fs::relative(entry.path(), folder).string()] = entry.is_directory() ? "<folder>" : read_text(entry.path());
  return files;
}

// The audit's case: a workbook and a folder of charts saved into an export folder were removed
// by the next `export --force`. A file or folder an export does not write, at the top or inside
// replicates/, now makes --force refuse (exit 2) and leaves everything as it was.
TEST(ExportCommand, ForceKeepsAFolderThatHoldsAnythingAnExportDoesNotWrite) {
  struct Foreign {
    const char* file;
    const char* named;
  };
  for (const Foreign& foreign : {Foreign{"budget-analysis.xlsx", "holds 'budget-analysis.xlsx'"},
                                 Foreign{"charts/c.png", "holds the folder 'charts'"},
                                 Foreign{"replicates/notes.txt", "holds 'replicates/notes.txt'"}}) {
    TestFolder folder;
    ASSERT_EQ(folder.carecast(markov()).status, 0);
    ASSERT_EQ(folder.carecast("export out.h5 --csv wb-csv --replicates").status, 0);
    fs::path target = folder.work() / "wb-csv" / foreign.file;
    fs::create_directories(target.parent_path());
    std::ofstream(target) << "x\n";
    std::map<std::string, std::string> before = snapshot(folder.work() / "wb-csv");

    CommandResult forced = folder.carecast("export out.h5 --csv wb-csv --force");
    EXPECT_EQ(forced.status, 2) << forced;
    EXPECT_NE(forced.err.find("export folder 'wb-csv' " + std::string(foreign.named)), std::string::npos) << forced;
    EXPECT_NE(forced.err.find("choose another folder"), std::string::npos) << forced;
    EXPECT_EQ(snapshot(folder.work() / "wb-csv"), before) << foreign.file;
    EXPECT_EQ(folder.files(), (std::set<std::string>{"out.h5", "wb-csv"})) << joined(folder.files());
  }
}

TEST(ExportCommand, ForceReplacesAFolderThatHoldsOnlyAnEarlierExport) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(markov()).status, 0);
  fs::path tables = folder.work() / "tables";
  ASSERT_EQ(folder.carecast("export out.h5 --csv tables").status, 0);
  CommandResult with = folder.carecast("export out.h5 --csv tables --replicates --force");
  ASSERT_EQ(with.status, 0) << with;
  EXPECT_TRUE(fs::is_regular_file(tables / "replicates" / "stock.csv"));
  CommandResult without = folder.carecast("export out.h5 --csv tables --force");
  ASSERT_EQ(without.status, 0) << without;
  EXPECT_FALSE(fs::exists(tables / "replicates")) << "an earlier export with replicates/ is replaced whole";
  EXPECT_TRUE(fs::is_regular_file(tables / "stock.csv"));
  EXPECT_EQ(folder.files(), (std::set<std::string>{"out.h5", "tables"})) << joined(folder.files());
}

TEST(ExportCommand, AnAnalyticResultGivesTheExpectedStock) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast(markov("--analytic")).status, 0);
  CommandResult result = folder.carecast("export out.h5 --csv tables --replicates");
  ASSERT_EQ(result.status, 0) << result;
  fs::path tables = folder.work() / "tables";
  EXPECT_EQ(names_in(tables), (std::set<std::string>{"analytic_stock.csv", "provenance.csv"}));
  std::vector<std::string> stock = lines_of(tables / "analytic_stock.csv");
  ASSERT_EQ(stock.size(), 1u + 37 * 4);
  EXPECT_EQ(stock[0], "date,state,value");
  EXPECT_TRUE(starts_with(stock[2], "2025-01-01,residential,")) << stock[2];
}

TEST(ExportCommand, AMissingResultIsExitTwoAndCreatesNoFolder) {
  TestFolder folder;
  CommandResult result = folder.carecast("export nothing_here.h5 --csv tables");
  EXPECT_EQ(result.status, 2) << result;
  EXPECT_NE(result.err.find("nothing_here.h5"), std::string::npos) << result;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

TEST(ExportCommand, AFileThatIsNotAResultIsExitTwoAndCreatesNoFolder) {
  TestFolder folder;
  std::ofstream(folder.work() / "not_a_result.h5") << "hello\n";
  CommandResult result = folder.carecast("export not_a_result.h5 --csv tables");
  EXPECT_EQ(result.status, 2) << result;
  EXPECT_NE(result.err.find("not_a_result.h5"), std::string::npos) << result;
  EXPECT_EQ(folder.files(), std::set<std::string>{"not_a_result.h5"}) << joined(folder.files());
}

TEST(ExportCommand, WithoutAFolderIsAUsageError) {
  TestFolder folder;
  CommandResult result = folder.carecast("export out.h5");
  EXPECT_EQ(result.status, 3) << result;
  EXPECT_NE(result.err.find("--csv"), std::string::npos) << result;
}

TEST(ExportCommand, HelpDescribesTheFilesAndColumns) {
  TestFolder folder;
  CommandResult result = folder.carecast("export --help");
  EXPECT_EQ(result.status, 0) << result;
  for (const char* word : {"RESULT", "--csv DIR", "--replicates", "-f,--force", "-h,--help", "provenance.csv",
                           "replicates/A.csv", "analytic_stock.csv", "budget.csv", "budget_horizon.csv", "start,end,measure", "date", "from,to", "year_start", "statistic",
                           "q95", "UTF-8", "quoted", "comparison.csv", "comparison_totals.csv", "payback_year",
                           "comparison_cost_by_category.csv", "comparison_payback.csv", "share_paying_back", "scenarios.csv", "alternative,year_start,year_end,measure"})
    EXPECT_NE(result.out.find(word), std::string::npos) << "help should mention " << word << result;
  CommandResult top = folder.carecast("--help");
  EXPECT_NE(top.out.find("export"), std::string::npos) << top;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

}  // namespace
}  // namespace carecast::e2e
