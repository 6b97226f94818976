#include "output/care_outcomes_summary.hpp"

#include <fmt/format.h>

#include <functional>
#include <numeric>

#include "output/mean_outside_interval.hpp"
#include "output/text_table.hpp"
#include "output/yearly_summary.hpp"

namespace carecast::output {

namespace {

/// Per replicate, the sum of an interval array's values over the intervals of each reporting
/// year, keeping only entries for which `keep(index within the interval)` holds.
std::vector<std::vector<double>> per_year(const ResultFile& file, const std::string& name,
                                          const std::function<bool(std::size_t)>& keep) {
  auto array = file.read_counts(name);
  const ReportingYears& years = file.reporting_years();
  std::size_t replicates = array.shape[0], intervals = array.shape[1];
  std::size_t width = array.values.size() / (replicates * intervals);
  std::vector<std::vector<double>> totals(years.years(), std::vector<double>(replicates, 0.0));
  for (std::size_t r = 0; r < replicates; ++r)
    for (std::size_t i = 0; i < intervals; ++i)
      for (std::size_t k = 0; k < width; ++k)
        if (keep(k))
          totals[years.year_of_interval(i)][r] += static_cast<double>(array.values[(r * intervals + i) * width + k]);
  return totals;
}

/// The cell of the per-replicate values of a figure: "3.1 (0.0–6.0)", marked by `marks`.
std::string cell(MeanOutsideIntervalMarks& marks, std::vector<double> per_replicate) {
  return marks.mark(format_figure(summarize_figure(std::move(per_replicate))));
}

std::string breakdown_and_school_table(const ResultFile& file) {
  std::vector<std::string> years = reporting_year_names(file.year_starts());
  auto carer = per_year(file, "breakdowns", [](std::size_t k) { return k % 2 == 0; });
  auto other = per_year(file, "breakdowns", [](std::size_t k) { return k % 2 == 1; });
  bool school = file.find_array("school_changes") != nullptr;
  std::vector<std::vector<double>> changes;
  if (school) changes = per_year(file, "school_changes", [](std::size_t) { return true; });
  std::vector<TableColumn> columns{{"year", Align::left}, {"breakdowns, carer-initiated"}, {"breakdowns, other"}};
  if (school) columns.push_back({"school changes"});
  TextTable table(columns);
  MeanOutsideIntervalMarks marks;
  for (std::size_t y = 0; y < years.size(); ++y) {
    std::vector<std::string> row{years[y], cell(marks, carer[y]), cell(marks, other[y])};
    if (school) row.push_back(cell(marks, changes[y]));
    table.add_row(row);
  }
  return "Breakdowns and school changes in each year\n" + table.render() + marks.note();
}

std::string exam_table(const ResultFile& file) {
  auto cohort = file.read_counts("exam_cohort");
  auto passes = file.read_sums("exam_expected_passes");
  std::size_t replicates = cohort.shape[0], years = cohort.shape[1], states = cohort.shape[2];
  std::vector<std::string> names = reporting_year_names(file.year_starts());
  TextTable table({{"year", Align::left}, {"in care at the exam age"}, {"expected to complete, %"}});
  MeanOutsideIntervalMarks marks;
  for (std::size_t y = 0; y < years; ++y) {
    std::vector<double> takers(replicates), share(replicates);
    for (std::size_t r = 0; r < replicates; ++r) {
      auto begin = cohort.values.begin() + static_cast<long>((r * years + y) * states);
      takers[r] = static_cast<double>(std::accumulate(begin, begin + static_cast<long>(states), std::int64_t{0}));
      share[r] = takers[r] > 0 ? 100.0 * passes.values[r * years + y] / takers[r] : 0.0;
    }
    table.add_row({y < names.size() ? names[y] : std::to_string(y + 1), cell(marks, takers), cell(marks, share)});
  }
  return "Lower-secondary exams (logistic model; expected completions over children reaching the exam age in care)\n" +
         table.render() + marks.note();
}

std::string pool_table(const ResultFile& file) {
  auto pool = file.read_counts("carer_pool");
  std::vector<std::string> years = reporting_year_names(file.year_starts());
  const ReportingYears& reporting = file.reporting_years();
  auto diverted = per_year(file, "carer_pool_flows", [](std::size_t k) { return k == 0; });
  auto returned = per_year(file, "carer_pool_flows", [](std::size_t k) { return k == 1; });
  std::size_t replicates = pool.shape[0], points = pool.shape[1], measures = pool.shape[2];
  TextTable table({{"year", Align::left}, {"families on the first date"}, {"of which free"}, {"children waiting"},
                   {"sent to the fallback"}, {"moved back"}});
  MeanOutsideIntervalMarks marks;
  for (std::size_t y = 0; y < years.size(); ++y) {
    std::size_t point = reporting.first_point(y);
    std::vector<std::vector<double>> census(3, std::vector<double>(replicates));
    for (std::size_t r = 0; r < replicates; ++r)
      for (std::size_t m = 0; m < 3; ++m)
        census[m][r] = static_cast<double>(pool.values[(r * points + point) * measures + m]);
    table.add_row({years[y], cell(marks, census[0]), cell(marks, census[1]), cell(marks, census[2]),
                   cell(marks, diverted[y]), cell(marks, returned[y])});
  }
  return "Foster-carer pool\n" + table.render() + marks.note();
}

}  // namespace

std::string format_care_outcomes(const ResultFile& file) {
  std::vector<std::string> parts;
  if (file.find_array("breakdowns") != nullptr) parts.push_back(breakdown_and_school_table(file));
  if (file.find_array("exam_cohort") != nullptr) parts.push_back(exam_table(file));
  if (file.find_array("carer_pool") != nullptr) parts.push_back(pool_table(file));
  std::string text;
  for (const auto& part : parts) text += "\n" + part;
  return text;
}

}  // namespace carecast::output
