#include "output/comparison_report.hpp"

#include <fmt/format.h>

#include "output/fixed_decimals.hpp"
#include "output/mean_outside_interval.hpp"
#include "output/reporting_years.hpp"
#include "output/text_table.hpp"
#include "output/yearly_summary.hpp"

namespace carecast::output {

namespace {

Figure cell_figure(const Metric& metric, std::size_t cell, double scale = 1.0) {
  std::vector<double> values;
  for (std::size_t r = 0; r < metric.replicates; ++r) values.push_back(metric.values[r * metric.cells() + cell] * scale);
  return summarize_figure(values);
}

/// "-2.4 (-10.6 to 3.1)": one decimal, a rounded zero without its minus sign.
std::string money(const Figure& f) {
  return fmt::format("{} ({} to {})", fixed_decimals(f.mean, 1), fixed_decimals(f.low, 1), fixed_decimals(f.high, 1));
}

void add_year_column(std::vector<TableColumn>& columns, std::vector<const Metric*>& metrics, const PairedComparison& c,
                     const char* name, std::string header) {
  if (const Metric* m = c.find(name)) {
    columns.push_back({std::move(header), Align::right});
    metrics.push_back(m);
  }
}

std::string yearly_table(const PairedComparison& c, const std::vector<std::string>& years) {
  std::vector<TableColumn> columns{{"year from", Align::left}};
  std::vector<const Metric*> metrics;
  add_year_column(columns, metrics, c, "new_placements", "new placements");
  add_year_column(columns, metrics, c, "children_placed", "children placed");
  add_year_column(columns, metrics, c, "breakdowns", "breakdowns");
  add_year_column(columns, metrics, c, "school_changes", "school changes");
  add_year_column(columns, metrics, c, "exam_expected_passes", "exam passes");
  add_year_column(columns, metrics, c, "fte_needed", "FTE needed");
  std::size_t counts = metrics.size();
  add_year_column(columns, metrics, c, "cost", "cost, m");
  add_year_column(columns, metrics, c, "cumulative_net_cost", "cumulative net cost, m");
  add_year_column(columns, metrics, c, "cumulative_net_cost_discounted", "the same, discounted");
  TextTable table(columns);
  MeanOutsideIntervalMarks marks;
  for (std::size_t k = 0; k < years.size(); ++k) {
    std::vector<std::string> row{years[k]};
    for (std::size_t j = 0; j < metrics.size(); ++j)
      row.push_back(marks.mark(j < counts ? format_figure(cell_figure(*metrics[j], k))
                                          : money(cell_figure(*metrics[j], k, 1e-6))));
    table.add_row(row);
  }
  return table.render() + marks.note();
}

std::string state_table(const PairedComparison& c, const ScenarioMetrics& base) {
  const Metric* placements = c.find("placements");
  if (!placements) return {};
  std::vector<std::string> names = reporting_year_names(base.year_starts);
  TextTable table({{"state", Align::left},
                   {"children, first year (" + names.front() + ")", Align::right},
                   {"children, last year (" + names.back() + ")", Align::right}});
  std::size_t states = base.states.size(), years = base.year_starts.size();
  MeanOutsideIntervalMarks marks;
  auto cell = [&](std::size_t at) { return marks.mark(format_figure(cell_figure(*placements, at))); };
  for (std::size_t s = 0; s < states; ++s) table.add_row({base.states[s], cell(s), cell((years - 1) * states + s)});
  return table.render() + marks.note();
}

/// Whether interventions' own costs differ between the alternative and the base, in any year of
/// any replicate: else the net cost is the change in care and one-off costs alone.
bool programme_cost_differs(const PairedComparison& c) {
  const Metric* by_category = c.find("cost_by_category");
  if (by_category == nullptr || c.categories.empty()) return false;
  std::size_t categories = c.categories.size();
  for (std::size_t i = 0; i < by_category->values.size(); ++i)
    if (c.categories[i % categories].rfind("intervention:", 0) == 0 && by_category->values[i] != 0.0) return true;
  return false;
}

std::string money_lines(const PairedComparison& c, const std::string& currency, const ScenarioMetrics& base) {
  Figure npv = cell_figure(*c.find("net_present_value"), 0, 1e-6);
  std::string payback = c.mean_payback_year && *c.mean_payback_year <= base.year_starts.size()
                            ? fmt::format("year {} of the horizon (from {})", *c.mean_payback_year,
                                          base.year_starts[*c.mean_payback_year - 1])
                            : std::string("none within the horizon");
  std::string own_cost = programme_cost_differs(c)
                             ? ""
                             : "Its interventions cost what the base's cost: its net cost is the change in the other "
                               "costs alone (care days, one-off costs, caseworkers), so a payback says only that it "
                               "never cost more.\n";
  return fmt::format(
      "Net present value (what it saves minus what it costs, discounted): {} {} m ({} to {}).\n"
      "Payback (mean cumulative discounted net cost at or below 0 from then on): {}; {:.0f} % of replicates pay back within the horizon.\n",
      currency, fixed_decimals(npv.mean, 1), fixed_decimals(npv.low, 1), fixed_decimals(npv.high, 1), payback,
      100.0 * c.share_paying_back) + own_cost;
}

/// With several alternatives (e.g. the combinations of a sweep), each one's net present value
/// and payback in one table, in the order given.
std::string overview_table(const ComparisonResult& result, const std::string& currency) {
  const std::vector<std::string>& years = result.scenarios.front().metrics.year_starts;
  TextTable table({{"alternative", Align::left}, {"net present value, " + currency + " m"},
                   {"payback (mean path)", Align::left}, {"replicates paying back"}});
  for (const PairedComparison& c : result.comparisons) {
    Figure npv = cell_figure(*c.find("net_present_value"), 0, 1e-6);
    std::string payback = c.mean_payback_year && *c.mean_payback_year <= years.size()
                              ? reporting_year_names(years)[*c.mean_payback_year - 1]
                              : std::string("none");
    table.add_row({c.alternative,
                   fmt::format("{} ({} to {})", fixed_decimals(npv.mean, 1), fixed_decimals(npv.low, 1),
                               fixed_decimals(npv.high, 1)),
                   payback, fmt::format("{:.0f} %", 100.0 * c.share_paying_back)});
  }
  return "Every alternative against " + result.comparisons.front().base + ", mean (5 %-95 %):\n" + table.render();
}

}  // namespace

std::string format_comparison(const ComparisonResult& result, const std::string& currency) {
  std::string text;
  const ComparedScenario& base = result.scenarios.front();
  for (const PairedComparison& c : result.comparisons) {
    text += fmt::format("{} minus {}: paired differences (same seed, {} replicates), mean (5 %-95 %)\n\n",
                        c.alternative, c.base, result.run.replicates);
    text += yearly_table(c, base.metrics.year_starts) + "\n";
    text += "Average children in each state, difference:\n" + state_table(c, base.metrics) + "\n";
    text += money_lines(c, currency, base.metrics) + "\n";
  }
  if (result.comparisons.size() > 1) text += overview_table(result, currency);
  return text;
}

}  // namespace carecast::output
