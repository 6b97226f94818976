#include "output/analytic_summary.hpp"

#include <fmt/format.h>

#include "output/output_error.hpp"
#include "output/text_table.hpp"
#include "output/yearly_summary.hpp"

namespace carecast::output {

namespace {


}  // namespace

std::string format_analytic_summary(const ResultFile& file) {
  if (!file.has_analytic_stock()) throw OutputError(file.path().string() + " holds no analytic stock");
  auto stock = file.read_analytic_stock();
  const auto& states = file.states();
  std::vector<TableColumn> columns{{"date", Align::left}};
  for (const auto& state : states)
    if (state.kind != "exit") columns.push_back({state.label.empty() ? state.name : state.label});
  columns.push_back({"in care, total"});
  TextTable table(columns);
  for (std::size_t point : file.reporting_years().first_points_and_horizon()) {
    std::vector<std::string> row{file.grid_dates()[point]};
    double total = 0.0;
    for (std::size_t s = 0; s < states.size(); ++s) {
      if (states[s].kind == "exit") continue;
      double value = stock.values[point * states.size() + s];
      total += value;
      row.push_back(fmt::format("{:.1f}", value));
    }
    row.push_back(fmt::format("{:.1f}", total));
    table.add_row(row);
  }
  return fmt::format("{}: expected stock from analytic mode (no replicates)\n\n{}",
                     file.provenance().scenario_path, table.render());
}

}  // namespace carecast::output
