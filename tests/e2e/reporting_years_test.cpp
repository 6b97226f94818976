// Reporting years end to end: a scenario that starts on 1 July reports calendar years by
// default (a short first and last year) and financial years from 1 July when it says so. Both
// are the same simulation, counted into other years: every per-interval array is identical, and
// every yearly array adds up to the same totals.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

#include "e2e_test_support.hpp"
#include "output/hdf5_handles.hpp"
#include "output/result_file.hpp"

namespace carecast::e2e {
namespace {

void write_scenario(const TestFolder& folder, const std::string& name, const std::string& simulation) {
  std::ofstream(folder.work() / name) << "extends: " << quoted((scenarios_dir() / "baseline.yaml").string())
                                      << "\nsimulation: " << simulation << "\n";
}

/// Per replicate, the sum of a [replicate, year, ...] sum array over its years and columns.
std::vector<double> totals_by_replicate(const output::ResultArray<double>& array) {
  std::size_t replicates = array.shape[0], per_replicate = array.values.size() / replicates;
  std::vector<double> totals(replicates, 0.0);
  for (std::size_t r = 0; r < replicates; ++r)
    for (std::size_t i = 0; i < per_replicate; ++i) totals[r] += array.values[r * per_replicate + i];
  return totals;
}

class ReportingYearsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_scenario(folder, "calendar.yaml", "{start: 2025-07-01, years: 3}");
    write_scenario(folder, "financial.yaml", "{start: 2025-07-01, years: 3, year_begins: 07-01}");
    for (const char* name : {"calendar", "financial"}) {
      CommandResult run = folder.carecast(std::string("run ") + name + ".yaml -r 4 -q -o " + name + ".h5");
      ASSERT_EQ(run.status, 0) << run;
    }
  }
  output::ResultFile calendar() const { return output::ResultFile(folder.work() / "calendar.h5"); }
  output::ResultFile financial() const { return output::ResultFile(folder.work() / "financial.h5"); }
  TestFolder folder;
};

TEST_F(ReportingYearsTest, CalendarYearsAreTheDefaultWithAShortFirstAndLastYear) {
  EXPECT_EQ(calendar().year_starts(), (std::vector<std::string>{"2025-07-01", "2026-01-01", "2027-01-01", "2028-01-01"}));
  EXPECT_EQ(financial().year_starts(), (std::vector<std::string>{"2025-07-01", "2026-07-01", "2027-07-01"}));
  EXPECT_EQ(calendar().read_sums("costs").shape[1], 4u);
  EXPECT_EQ(financial().read_sums("costs").shape[1], 3u);
  EXPECT_EQ(calendar().read_counts("cohort_children").shape[1], 4u);
}

TEST_F(ReportingYearsTest, TheSameSimulationIsCountedIntoOtherYears) {
  output::ResultFile a = calendar(), b = financial();
  for (const char* name : {"stock", "entries", "transitions", "breakdowns", "carer_pool"})
    EXPECT_EQ(a.read_counts(name).values, b.read_counts(name).values) << name;
  // Days add up the same (money does not: the baseline's prices grow, and each year takes the
  // index of the calendar year it begins in).
  std::vector<double> ta = totals_by_replicate(a.read_sums("care_days"));
  std::vector<double> tb = totals_by_replicate(b.read_sums("care_days"));
  for (std::size_t r = 0; r < ta.size(); ++r) EXPECT_NEAR(ta[r], tb[r], 1e-9 * tb[r]) << "replicate " << r;
  auto children = [](const output::ResultFile& file) {
    auto cohort = file.read_counts("cohort_children").values;
    return std::accumulate(cohort.begin(), cohort.end(), std::int64_t{0});
  };
  EXPECT_EQ(children(a), children(b));
  // The first year is not discounted; in the calendar version it holds July to December only.
  auto nominal = a.read_sums("costs"), discounted = a.read_sums("costs_discounted");
  std::size_t categories = nominal.shape[2];
  for (std::size_t c = 0; c < categories; ++c) EXPECT_EQ(nominal.values[c], discounted.values[c]) << c;
  auto days = a.read_sums("care_days");
  std::size_t states = days.shape[2];
  double first = std::accumulate(days.values.begin(), days.values.begin() + static_cast<long>(states), 0.0);
  double second = std::accumulate(days.values.begin() + static_cast<long>(states),
                                  days.values.begin() + static_cast<long>(2 * states), 0.0);
  EXPECT_GT(first, 0.3 * second);  // 184 days against 365, give or take the stock's drift
  EXPECT_LT(first, 0.7 * second);
}

TEST_F(ReportingYearsTest, TheSummaryNamesTheYears) {
  CommandResult a = folder.carecast("summary calendar.h5");
  ASSERT_EQ(a.status, 0) << a;
  EXPECT_NE(a.out.find("2025  2025-07-01 to 2026-01-01"), std::string::npos) << a;
  EXPECT_NE(a.out.find("2028  2028-01-01 to 2028-07-01"), std::string::npos) << a;
  EXPECT_NE(a.out.find("Budget by year"), std::string::npos) << a;
  CommandResult b = folder.carecast("summary financial.h5");
  ASSERT_EQ(b.status, 0) << b;
  EXPECT_NE(b.out.find("2025/26  2025-07-01 to 2026-07-01"), std::string::npos) << b;
  EXPECT_NE(b.out.find("2027/28  2027-07-01 to 2028-07-01"), std::string::npos) << b;
}

TEST_F(ReportingYearsTest, CompareRefusesScenariosOfOtherReportingYears) {
  CommandResult run = folder.carecast("compare calendar.yaml financial.yaml -r 2 -o c.h5");
  EXPECT_EQ(run.status, 1) << run;
  EXPECT_NE(run.err.find("at 'simulation.year_begins'"), std::string::npos) << run;
  EXPECT_NE(run.err.find("years beginning on 07-01 here"), std::string::npos) << run;
  EXPECT_FALSE(std::filesystem::exists(folder.work() / "c.h5"));
}

TEST_F(ReportingYearsTest, TheExportLabelsYearsByTheirFirstDayAndEnd) {
  CommandResult run = folder.carecast("export calendar.h5 --csv csv");
  ASSERT_EQ(run.status, 0) << run;
  std::string budget = read_text(folder.work() / "csv" / "budget.csv");
  EXPECT_NE(budget.find("\n2025-07-01,2026-01-01,total,mean,"), std::string::npos) << budget.substr(0, 300);
  EXPECT_NE(budget.find("\n2028-01-01,2028-07-01,total,mean,"), std::string::npos) << budget.substr(0, 300);
  EXPECT_EQ(budget.find("\n2025-07-01,2028-07-01,"), std::string::npos) << "the horizon has a file of its own";
  std::string horizon = read_text(folder.work() / "csv" / "budget_horizon.csv");
  EXPECT_NE(horizon.find("\n2025-07-01,2028-07-01,total,mean,"), std::string::npos) << horizon.substr(0, 300);
}

/// The lines of `text` that start with `start`.
std::vector<std::string> lines_starting(const std::string& text, const std::string& start) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(start, 0) == 0) lines.push_back(line);
  return lines;
}

/// Removes /years/end from a comparison file, as a file of schema 1.1 lacks it.
void remove_year_ends(const std::filesystem::path& path) {
  output::hdf5::File file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT));
  output::hdf5::Group years = output::hdf5::open_group(file.get(), "years");
  ASSERT_GE(H5Ldelete(years.get(), "end", H5P_DEFAULT), 0);
  years.reset();
  output::hdf5::close_file(file);
}

// The audit's case: comparison CSVs had year_start only, so the half years of a start on 1 July
// looked like whole years whose differences were halved. They now end each year, as result CSVs
// do, the last at the horizon; a file written before the comparison stored the ends (schema 1.1)
// takes the horizon from its base scenario: simulation.years, or simulation.end.
TEST_F(ReportingYearsTest, ComparisonTablesEndEachYearShortYearsIncluded) {
  for (const auto& [name, simulation] : std::vector<std::pair<std::string, std::string>>{
           {"calendar", "{start: 2025-07-01, years: 3}"}, {"ending", "{start: 2025-07-01, years: ~, end: 2028-01-01}"}}) {
    write_scenario(folder, name + "-base.yaml", simulation + "\nname: base");
    CommandResult compare =
        folder.carecast("compare " + name + "-base.yaml " + name + "-base.yaml -r 2 -q -o " + name + "-c.h5");
    ASSERT_EQ(compare.status, 0) << compare;
  }
  remove_year_ends(folder.work() / "ending-c.h5");
  // The year_start,year_end of the base's rows of `table` for one measure (or state) and statistic.
  auto spans = [&](const std::string& comparison, const std::string& table) {
    CommandResult run = folder.carecast("export " + comparison + " --csv " + comparison + "-csv --force");
    EXPECT_EQ(run.status, 0) << run;
    std::vector<std::string> spans;
    for (const std::string& line : lines_starting(read_text(folder.work() / (comparison + "-csv") / table), "base,"))
      for (const char* key : {",cost,mean,", ",foster,mean,"})
        if (line.find(key) != std::string::npos) spans.push_back(line.substr(0, line.find(key)));
    return spans;
  };
  const std::vector<std::string> calendar{"base,2025-07-01,2026-01-01", "base,2026-01-01,2027-01-01",
                                          "base,2027-01-01,2028-01-01", "base,2028-01-01,2028-07-01"};
  EXPECT_EQ(spans("calendar-c.h5", "scenarios.csv"), calendar);
  EXPECT_EQ(spans("calendar-c.h5", "scenario_placements.csv"), calendar);
  std::string comparison = read_text(folder.work() / "calendar-c.h5-csv" / "comparison.csv");
  EXPECT_EQ(comparison.rfind("alternative,year_start,year_end,measure,statistic,value\nbase-2,2025-07-01,2026-01-01,", 0),
            0u)
      << comparison.substr(0, 200);
  EXPECT_EQ(spans("ending-c.h5", "scenarios.csv"),
            (std::vector<std::string>{"base,2025-07-01,2026-01-01", "base,2026-01-01,2027-01-01",
                                      "base,2027-01-01,2028-01-01"}))
      << "an older file: the last year ends at the base scenario's simulation.end";
}

}  // namespace
}  // namespace carecast::e2e
