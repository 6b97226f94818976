#include "output/budget_measures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "engine/replicate_statistics.hpp"
#include "output/csv_writer.hpp"
#include "output/tidy_table.hpp"

namespace carecast::output {

std::vector<BudgetMeasure> budget_measures(const std::vector<std::string>& categories) {
  std::vector<BudgetMeasure> measures{{"total", "total", "", false},
                                      {"total_discounted", "total, discounted", "", true},
                                      {"care_days", "care days", "care:", false},
                                      {"one_off", "one-off", "one_off:", false},
                                      {"interventions", "interventions", "intervention:", false}};
  auto staff = [](const std::string& category) { return category.rfind("staff:", 0) == 0; };
  if (std::any_of(categories.begin(), categories.end(), staff))
    measures.push_back({"caseworkers", "caseworkers", "staff:", false});
  return measures;
}

std::vector<double> replicate_totals(const ResultArray<double>& costs, const std::vector<std::string>& categories,
                                     std::size_t year, const std::string& prefix) {
  std::size_t replicates = costs.shape[0], years = costs.shape[1], width = costs.shape[2];
  std::vector<double> totals(replicates, 0.0);
  for (std::size_t r = 0; r < replicates; ++r)
    for (std::size_t c = 0; c < width; ++c)
      if (categories[c].rfind(prefix, 0) == 0) totals[r] += costs.values[(r * years + year) * width + c];
  return totals;
}

std::vector<double> replicate_totals_over_years(const ResultArray<double>& costs, const std::vector<std::string>& categories,
                                                const std::string& prefix) {
  std::vector<double> totals(costs.shape[0], 0.0);
  for (std::size_t year = 0; year < costs.shape[1]; ++year) {
    std::vector<double> of_year = replicate_totals(costs, categories, year, prefix);
    for (std::size_t r = 0; r < totals.size(); ++r) totals[r] += of_year[r];
  }
  return totals;
}

namespace {

/// The costs a budget adds up: nominal and discounted, [replicate, year, category].
struct BudgetCosts {
  ResultArray<double> nominal, discounted;
  std::vector<std::string> categories;
};

BudgetCosts read_budget_costs(const ResultFile& file) {
  return {file.read_sums("costs"), file.read_sums("costs_discounted"), file.axis_labels("category")};
}

/// The rows of one measure over one span (its two key fields): one per summary statistic of
/// `totals`, the measure's per-replicate totals.
void write_measure_rows(CsvFile& csv, const std::vector<std::string>& span, const BudgetMeasure& measure,
                        std::vector<double> totals) {
  std::array<double, 7> statistics = engine::summarize(std::move(totals));
  for (std::size_t s = 0; s < statistics.size(); ++s)
    csv.write_row({span[0], span[1], measure.name, engine::summary_statistic_names[s], fmt::format("{}", statistics[s])});
}

}  // namespace

void write_budget_csv(const ResultFile& file, const std::filesystem::path& path) {
  BudgetCosts costs = read_budget_costs(file);
  std::size_t years = costs.nominal.shape[1];
  LabelledAxis spans = label_axis(file, "year", years);
  CsvFile csv(path);
  csv.write_row({"year_start", "year_end", "measure", "statistic", "value"});
  const std::vector<BudgetMeasure> measures = budget_measures(costs.categories);
  for (std::size_t year = 0; year < years; ++year)
    for (const BudgetMeasure& measure : measures)
      write_measure_rows(csv, spans.fields[year], measure,
                         replicate_totals(costs_for(measure, costs.nominal, costs.discounted), costs.categories, year,
                                          measure.category_prefix));
  csv.close();
}

void write_budget_horizon_csv(const ResultFile& file, const std::filesystem::path& path) {
  BudgetCosts costs = read_budget_costs(file);
  std::vector<std::string> horizon{file.grid_dates().front(), file.grid_dates().back()};
  CsvFile csv(path);
  csv.write_row({"start", "end", "measure", "statistic", "value"});
  for (const BudgetMeasure& measure : budget_measures(costs.categories))
    write_measure_rows(csv, horizon, measure,
                       replicate_totals_over_years(costs_for(measure, costs.nominal, costs.discounted),
                                                   costs.categories, measure.category_prefix));
  csv.close();
}

}  // namespace carecast::output
