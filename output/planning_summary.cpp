#include "output/planning_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "output/budget_measures.hpp"
#include "output/money_facts.hpp"
#include "output/fixed_decimals.hpp"
#include "output/mean_outside_interval.hpp"
#include "output/text_table.hpp"
#include "output/yearly_summary.hpp"

namespace carecast::output {

namespace {

/// "248.3 (230.1–265.0)": millions with one decimal.
std::string format_millions(const Figure& f) {
  return fmt::format("{} ({}–{})", fixed_decimals(f.mean / 1e6, 1), fixed_decimals(f.low / 1e6, 1),
                     fixed_decimals(f.high / 1e6, 1));
}

/// The budget cell of a measure's per-replicate totals, in millions, marked by `marks`.
std::string budget_cell(MeanOutsideIntervalMarks& marks, std::vector<double> totals) {
  return marks.mark(format_millions(summarize_figure(std::move(totals))));
}

/// "31.2 (28.0–34.5)": two decimals below 10, one above.
std::string format_ratio(const Figure& f) {
  int digits = f.high < 10.0 ? 2 : 1;
  return fmt::format("{:.{}f} ({:.{}f}–{:.{}f})", f.mean, digits, f.low, digits, f.high, digits);
}

std::string budget_table(const ResultFile& file, const ResultArray<double>& costs) {
  auto discounted = file.read_sums("costs_discounted");
  auto categories = file.axis_labels("category");
  std::size_t years = costs.shape[1];
  const ReportingYears& reporting = file.reporting_years();
  std::vector<std::string> names = reporting_year_names(file.year_starts());
  std::vector<BudgetMeasure> measures = budget_measures(categories);
  std::vector<TableColumn> columns{{"year", Align::left}, {"period", Align::left}};
  for (const BudgetMeasure& measure : measures) columns.push_back({measure.label});
  TextTable table(std::move(columns));
  MeanOutsideIntervalMarks marks;
  for (std::size_t k = 0; k < years; ++k) {
    std::vector<std::string> row{names[k], reporting.period(k, file.grid_dates())};
    for (const BudgetMeasure& measure : measures)
      row.push_back(budget_cell(
          marks, replicate_totals(costs_for(measure, costs, discounted), categories, k, measure.category_prefix)));
    table.add_row(row);
  }
  std::vector<std::string> total{"all years", file.grid_dates().front() + " to " + file.grid_dates().back()};
  for (const BudgetMeasure& measure : measures)
    total.push_back(budget_cell(
        marks, replicate_totals_over_years(costs_for(measure, costs, discounted), categories, measure.category_prefix)));
  table.add_row(total);
  MoneyFacts money = money_facts(file.provenance(), file.grid_dates().front());
  return "Budget by year, " + describe_money(money) + "\n" + table.render() +
         "(a year shorter than twelve months counts only its period; each total is added up per replicate)\n" +
         marks.note();
}

bool spends_money(const ResultArray<double>& costs) {
  return std::any_of(costs.values.begin(), costs.values.end(), [](double v) { return v != 0.0; });
}

/// Per replicate, the mean of a [time] array over the grid dates of reporting year `k`.
Figure mean_over_year(const ResultArray<double>& array, const ReportingYears& years, std::size_t k) {
  std::size_t replicates = array.shape[0], points = array.shape[1];
  std::size_t first = years.first_point(k), end = years.first_point(k + 1);
  std::vector<double> means(replicates, 0.0);
  for (std::size_t r = 0; r < replicates; ++r) {
    for (std::size_t t = first; t < end; ++t) means[r] += array.values[r * points + t];
    means[r] /= static_cast<double>(end - first);
  }
  return summarize_figure(means);
}

Figure value_of_year(const ResultArray<double>& array, std::size_t k) {
  std::size_t replicates = array.shape[0], years = array.shape[1];
  std::vector<double> values(replicates);
  for (std::size_t r = 0; r < replicates; ++r) values[r] = array.values[r * years + k];
  return summarize_figure(values);
}

/// The [time] arrays of the caseworker table that the result holds.
struct CaseloadArrays {
  ResultArray<double> fte;
  std::optional<ResultArray<double>> per_worker, months_above_norm, breakdown_multiplier, exit_multiplier;
};

CaseloadArrays read_caseload_arrays(const ResultFile& file) {
  auto optional_sums = [&](const char* name) -> std::optional<ResultArray<double>> {
    if (file.find_array(name) == nullptr) return std::nullopt;
    return file.read_sums(name);
  };
  return {file.read_sums("fte_needed"), optional_sums("caseload_per_worker"), optional_sums("months_above_norm"),
          optional_sums("caseload_breakdown_multiplier"), optional_sums("caseload_exit_multiplier")};
}

std::string caseload_table(const ResultFile& file, std::size_t years) {
  CaseloadArrays a = read_caseload_arrays(file);
  bool staffed = a.per_worker.has_value(), feedback = a.breakdown_multiplier.has_value();
  const ReportingYears& reporting = file.reporting_years();
  std::vector<std::string> names = reporting_year_names(file.year_starts());
  std::vector<TableColumn> columns{{"year", Align::left}, {"period", Align::left}, {"FTE needed"}};
  if (staffed) columns.insert(columns.end(), {{"caseload per worker"}, {"months above the norm"}});
  if (feedback) columns.insert(columns.end(), {{"breakdown hazards ×"}, {"planned exits ×"}});
  TextTable table(columns);
  MeanOutsideIntervalMarks marks;
  auto ratio = [&](const Figure& f) { return marks.mark(format_ratio(f)); };
  for (std::size_t k = 0; k < years; ++k) {
    std::vector<std::string> row{names[k], reporting.period(k, file.grid_dates()),
                                 ratio(mean_over_year(a.fte, reporting, k))};
    if (staffed) {
      row.push_back(ratio(mean_over_year(*a.per_worker, reporting, k)));
      row.push_back(marks.mark(format_figure(value_of_year(*a.months_above_norm, k))));
    }
    if (feedback) {
      row.push_back(ratio(mean_over_year(*a.breakdown_multiplier, reporting, k)));
      row.push_back(ratio(mean_over_year(*a.exit_multiplier, reporting, k)));
    }
    table.add_row(row);
  }
  std::string title = "Caseworkers by year (FTE, caseload and multipliers: means over the year's grid dates)";
  if (feedback) title += "; caseload feedback on";
  return title + "\n" + table.render() + marks.note();
}

}  // namespace

std::string format_planning(const ResultFile& file) {
  if (file.find_array("costs") == nullptr) return "";
  auto costs = file.read_sums("costs");
  std::string text;
  if (spends_money(costs)) text += "\n" + budget_table(file, costs);
  if (file.find_array("fte_needed") != nullptr) text += "\n" + caseload_table(file, costs.shape[1]);
  return text;
}

}  // namespace carecast::output
