#include "output/budget_measures.hpp"

#include <fmt/format.h>

#include <array>

#include "engine/replicate_statistics.hpp"
#include "output/csv_writer.hpp"
#include "output/tidy_table.hpp"

namespace carecast::output {

const std::vector<BudgetMeasure>& budget_measures() {
  static const std::vector<BudgetMeasure> measures{{"total", "", false},
                                                   {"total_discounted", "", true},
                                                   {"care_days", "care:", false},
                                                   {"one_off", "one_off:", false},
                                                   {"interventions", "intervention:", false}};
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

void write_budget_csv(const ResultFile& file, const std::filesystem::path& path) {
  const std::array<ResultArray<double>, 2> costs{file.read_sums("costs"), file.read_sums("costs_discounted")};
  std::vector<std::string> categories = file.axis_labels("category");
  std::size_t years = costs[0].shape[1];
  LabelledAxis year_starts = label_axis(file, "year", years);
  CsvFile csv(path);
  csv.write_row({year_starts.columns.front(), "measure", "statistic", "value"});
  for (std::size_t year = 0; year < years; ++year) {
    for (const BudgetMeasure& measure : budget_measures()) {
      auto totals = replicate_totals(costs[measure.discounted ? 1 : 0], categories, year, measure.category_prefix);
      std::array<double, 7> statistics = engine::summarize(std::move(totals));
      for (std::size_t s = 0; s < statistics.size(); ++s) {
        std::string value = fmt::format("{}", statistics[s]);
        csv.write_row({year_starts.fields[year].front(), measure.name, engine::summary_statistic_names[s], value});
      }
    }
  }
  csv.close();
}

}  // namespace carecast::output
