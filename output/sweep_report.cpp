#include "output/sweep_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "models/scenario/money_keys.hpp"
#include "models/scenario/sweep_definition.hpp"
#include "output/fixed_decimals.hpp"
#include "output/mean_outside_interval.hpp"
#include "output/output_error.hpp"
#include "output/sweep_figures.hpp"
#include "output/text_table.hpp"
#include "output/yearly_summary.hpp"

namespace carecast::output {

namespace {

constexpr double million = 1e6;

/// A figure's mean and 90 % interval in each combination.
struct FigureColumn {
  std::string name;
  std::vector<Figure> cells;  // [combination]
};

std::size_t row_of(const SummaryArray& summary, const char* statistic) {
  auto found = std::find(summary.statistics.begin(), summary.statistics.end(), statistic);
  if (found == summary.statistics.end()) throw OutputError(fmt::format("a sweep summary has no '{}' row", statistic));
  return static_cast<std::size_t>(found - summary.statistics.begin());
}

FigureColumn column_of(const std::string& name, const SummaryArray& summary, std::size_t combinations) {
  if (summary.shape.size() != 2 || summary.shape[1] != combinations)
    throw OutputError(fmt::format("the sweep figure '{}' does not have one column per combination", name));
  std::size_t mean = row_of(summary, "mean"), low = row_of(summary, "q05"), high = row_of(summary, "q95");
  FigureColumn column{name, {}};
  for (std::size_t c = 0; c < combinations; ++c)
    column.cells.push_back({summary.values[mean * combinations + c], summary.values[low * combinations + c],
                            summary.values[high * combinations + c]});
  return column;
}

std::string header_of(const std::string& figure, const std::string& last_date) {
  if (figure == "placed_at_end") return "placed on " + last_date;
  if (figure == "new_placements") return "new placements";
  if (figure == "cost") return "cost, m";
  if (figure == "cost_discounted") return "cost discounted, m";
  return figure;
}

/// Millions with one decimal; a value that rounds to zero is "0.0", never "-0.0".
std::string millions(double value) { return fixed_decimals(value / million, 1); }

std::string cell_text(const std::string& figure, const Figure& f) {
  if (!is_money_figure(figure)) return format_figure(f);
  return fmt::format("{} ({} to {})", millions(f.mean), millions(f.low), millions(f.high));
}

/// Money columns only when some combination records money (a costs section, or interventions
/// with a cost).
bool shown(const FigureColumn& column) {
  if (!is_money_figure(column.name)) return true;
  return std::any_of(column.cells.begin(), column.cells.end(), [](const Figure& f) { return f.mean != 0.0; });
}

std::string figure_table(const SweepFile& file, const std::vector<FigureColumn>& columns,
                         const std::vector<bool>& show, const std::string& last_date) {
  std::vector<TableColumn> header{{"#", Align::right}};
  for (const std::string& label : models::short_key_labels(file.keys())) header.push_back({label, Align::right});
  for (std::size_t f = 0; f < columns.size(); ++f)
    if (show[f]) header.push_back({header_of(columns[f].name, last_date), Align::right});
  TextTable table(std::move(header));
  MeanOutsideIntervalMarks marks;
  for (std::size_t c = 0; c < file.combinations(); ++c) {
    std::vector<std::string> row{std::to_string(c)};
    for (std::string& value : file.values(c)) row.push_back(std::move(value));
    for (std::size_t f = 0; f < columns.size(); ++f)
      if (show[f]) row.push_back(marks.mark(cell_text(columns[f].name, columns[f].cells[c])));
    table.add_row(std::move(row));
  }
  return table.render() + marks.note();
}

std::string header(const SweepFile& file, const std::string& first_date, const std::string& last_date) {
  const models::Provenance& p = file.provenance();
  std::string text = fmt::format(
      "carecast sweep summary\n"
      "scenario      {}\n"
      "combinations  {}: {} of {} key{}\n"
      "replicates    {} in each combination\n"
      "seed          {}\n"
      "horizon       {} to {}\n\n"
      "Swept keys:\n",
      p.scenario_path, file.combinations(), file.grid() ? "a grid" : "a list", file.keys().size(),
      file.keys().size() == 1 ? "" : "s", p.replicates, p.seed, first_date, last_date);
  std::vector<std::string> labels = models::short_key_labels(file.keys());
  std::size_t width = 0;
  for (const std::string& label : labels) width = std::max(width, display_width(label));
  for (std::size_t k = 0; k < labels.size(); ++k)
    text += "  " + pad(labels[k], width, Align::left) + "  " + file.keys()[k] + "\n";
  return text +
         "\nEach figure is the mean over replicates, with the 90% interval (5th to 95th percentile)\n"
         "in brackets; money in millions. Every combination ran with the same seed and replicates\n"
         "(common random numbers), so the differences are paired, replicate by replicate.\n";
}

/// A note under the differences when the sweep varies the money itself (the discount rate, say):
/// a difference in cost is then a change of valuation, not a saving.
std::string money_key_note(const SweepFile& file) {
  std::vector<std::string> swept;
  for (const std::string& key : file.keys())
    if (models::money_keys::is_money_key(key)) swept.push_back(key);
  if (swept.empty()) return {};
  return fmt::format(
      "{} {} swept: the combinations count money differently, so a difference in cost is the same care\n"
      "valued in other money, not a saving ('carecast compare' refuses scenarios that differ so).\n",
      fmt::join(swept, ", "), swept.size() == 1 ? "is" : "are");
}

}  // namespace

std::string format_sweep_summary(const SweepFile& file) {
  std::vector<std::string> dates = file.combination(0).grid_dates();
  if (dates.empty()) throw OutputError(fmt::format("'{}': combination 0 has no grid", file.path().string()));
  std::vector<FigureColumn> figures, differences;
  std::vector<bool> show;
  for (const std::string& name : file.figures()) {
    figures.push_back(column_of(name, file.figure_summary(name), file.combinations()));
    differences.push_back(column_of(name, file.difference_summary(name), file.combinations()));
    show.push_back(shown(figures.back()));
  }
  std::string text = header(file, dates.front(), dates.back());
  text += fmt::format("\nOver the horizon (flows and costs summed over the reporting years)\n{}",
                      figure_table(file, figures, show, dates.back()));
  text += fmt::format("\nDifference from combination 0 ({}), replicate by replicate\n{}",
                      models::describe_values(file.keys(), file.values(0)),
                      figure_table(file, differences, show, dates.back()));
  return text + "(negative: fewer children or events, or less money, than in combination 0)\n" + money_key_note(file);
}

}  // namespace carecast::output
