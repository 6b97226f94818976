#include "output/yearly_summary.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "engine/replicate_statistics.hpp"
#include "output/fixed_decimals.hpp"
#include "output/mean_outside_interval.hpp"
#include "output/output_error.hpp"
#include "output/text_table.hpp"

namespace carecast::output {

namespace {

/// The occupancy arrays of a result, row-major, with their extents checked against the grid.
struct Occupancy {
  std::size_t replicates = 0;
  std::size_t points = 0;
  std::size_t states = 0;
  std::vector<std::int64_t> stock;        // [replicate][point][state]
  std::vector<std::int64_t> entries;      // [replicate][interval][state]
  std::vector<std::int64_t> transitions;  // [replicate][interval][from][to]

  double stock_at(std::size_t r, std::size_t point, std::size_t s) const {
    return static_cast<double>(stock[(r * points + point) * states + s]);
  }
  double entries_at(std::size_t r, std::size_t interval, std::size_t s) const {
    return static_cast<double>(entries[(r * (points - 1) + interval) * states + s]);
  }
  double transitions_at(std::size_t r, std::size_t interval, std::size_t from,
                        std::size_t to) const {
    return static_cast<double>(
        transitions[((r * (points - 1) + interval) * states + from) * states + to]);
  }
};

/// The grid intervals [first, end) of one reporting year.
struct YearSpan {
  std::string name;
  std::size_t first = 0;
  std::size_t end = 0;
};

std::vector<std::int64_t> read_checked(const ResultFile& file, const std::string& name,
                                       const std::vector<std::size_t>& expected) {
  if (file.find_array(name) == nullptr)
    throw OutputError(
        fmt::format("result file '{}' has no array '{}'; the yearly summary needs "
                    "stock, entries and transitions",
                    file.path().string(), name));
  ResultArray<std::int64_t> array = file.read_counts(name);
  if (array.shape != expected)
    throw OutputError(fmt::format("array '{}' in result file '{}' has shape [{}], expected [{}]",
                                  name, file.path().string(), fmt::join(array.shape, ", "),
                                  fmt::join(expected, ", ")));
  return std::move(array.values);
}

Occupancy read_occupancy(const ResultFile& file) {
  Occupancy o;
  o.replicates = file.provenance().replicates;
  o.points = file.grid_dates().size();
  o.states = file.states().size();
  if (o.points == 0)
    throw OutputError(fmt::format("result file '{}' has an empty grid", file.path().string()));
  std::size_t r = o.replicates, p = o.points, s = o.states;
  o.stock = read_checked(file, "stock", {r, p, s});
  o.entries = read_checked(file, "entries", {r, p - 1, s});
  o.transitions = read_checked(file, "transitions", {r, p - 1, s, s});
  return o;
}

std::vector<YearSpan> intervals_by_year(const ResultFile& file) {
  const ReportingYears& years = file.reporting_years();
  std::vector<std::string> names = reporting_year_names(file.year_starts());
  std::vector<YearSpan> spans;
  for (std::size_t k = 0; k < years.years(); ++k) spans.push_back({names[k], years.first_point(k), years.first_point(k + 1)});
  return spans;
}

template <class ValueOf>
Figure figure_over_replicates(std::size_t replicates, const ValueOf& value_of) {
  std::vector<double> values(replicates);
  for (std::size_t r = 0; r < replicates; ++r) values[r] = value_of(r);
  return summarize_figure(std::move(values));
}

std::vector<bool> states_of_kind(const std::vector<models::StateDescription>& states,
                                 const std::string& kind) {
  std::vector<bool> selected;
  for (const models::StateDescription& state : states) selected.push_back(state.kind == kind);
  return selected;
}

std::vector<bool> negated(std::vector<bool> selected) {
  selected.flip();
  return selected;
}

double stock_total(const Occupancy& o, std::size_t r, std::size_t point,
                   const std::vector<bool>& selected) {
  double total = 0.0;
  for (std::size_t s = 0; s < o.states; ++s)
    if (selected[s]) total += o.stock_at(r, point, s);
  return total;
}

double entries_total(const Occupancy& o, std::size_t r, const YearSpan& span) {
  double total = 0.0;
  for (std::size_t i = span.first; i < span.end; ++i)
    for (std::size_t s = 0; s < o.states; ++s) total += o.entries_at(r, i, s);
  return total;
}

template <class Counted>
double transitions_total(const Occupancy& o, std::size_t r, const YearSpan& span,
                         const Counted& counted) {
  double total = 0.0;
  for (std::size_t i = span.first; i < span.end; ++i)
    for (std::size_t from = 0; from < o.states; ++from)
      for (std::size_t to = 0; to < o.states; ++to)
        if (counted(from, to)) total += o.transitions_at(r, i, from, to);
  return total;
}

StockOnDate stock_on(const Occupancy& o, const std::vector<models::StateDescription>& states,
                     std::size_t point, const std::string& date) {
  std::vector<bool> placed = states_of_kind(states, "placement");
  std::vector<bool> in_care = negated(states_of_kind(states, "exit"));
  StockOnDate stock{date, {}, {}, {}};
  for (std::size_t s = 0; s < o.states; ++s)
    if (in_care[s])
      stock.states.push_back(figure_over_replicates(
          o.replicates, [&](std::size_t r) { return o.stock_at(r, point, s); }));
  stock.placed = figure_over_replicates(
      o.replicates, [&](std::size_t r) { return stock_total(o, r, point, placed); });
  stock.in_care = figure_over_replicates(
      o.replicates, [&](std::size_t r) { return stock_total(o, r, point, in_care); });
  return stock;
}

FlowsInYear flows_in(const Occupancy& o, const std::vector<models::StateDescription>& states,
                     const YearSpan& span, const std::vector<std::string>& dates) {
  std::vector<bool> exit = states_of_kind(states, "exit");
  auto is_exit = [&](std::size_t, std::size_t to) { return exit[to]; };
  auto is_move = [&](std::size_t from, std::size_t to) { return !exit[from] && !exit[to]; };
  FlowsInYear flows{span.name, dates[span.first], dates[span.end], {}, {}, {}};
  flows.entries = figure_over_replicates(o.replicates,
                                         [&](std::size_t r) { return entries_total(o, r, span); });
  flows.exits = figure_over_replicates(
      o.replicates, [&](std::size_t r) { return transitions_total(o, r, span, is_exit); });
  flows.moves = figure_over_replicates(
      o.replicates, [&](std::size_t r) { return transitions_total(o, r, span, is_move); });
  return flows;
}

std::vector<std::string> non_exit_labels(const std::vector<models::StateDescription>& states) {
  std::vector<std::string> labels;
  for (const models::StateDescription& state : states)
    if (state.kind != "exit") labels.push_back(state.label.empty() ? state.name : state.label);
  return labels;
}

bool is_whole(double value) { return std::abs(value - std::round(value)) < 1e-9; }

std::string format_header(const YearlySummary& summary) {
  return fmt::format(
      "carecast yearly summary\n"
      "scenario    {}\n"
      "replicates  {}\n"
      "seed        {}\n{}\n"
      "Each figure is the mean over replicates, with the 90% interval (5th to 95th percentile)\n"
      "in brackets.\n",
      summary.scenario_path, summary.replicates, summary.seed,
      summary.parameter_uncertainty ? "rates       each replicate draws the estimated rates (parameter uncertainty)\n"
                                    : "");
}

std::string format_stock_table(const YearlySummary& summary) {
  std::vector<TableColumn> columns{{"state", Align::left}};
  for (const StockOnDate& stock : summary.stock) columns.push_back({stock.date, Align::right});
  TextTable table(std::move(columns));
  MeanOutsideIntervalMarks marks;
  auto add_row = [&](const std::string& label, auto figure_of) {
    std::vector<std::string> cells{label};
    for (const StockOnDate& stock : summary.stock)
      cells.push_back(marks.mark(format_figure(figure_of(stock))));
    table.add_row(std::move(cells));
  };
  for (std::size_t s = 0; s < summary.state_labels.size(); ++s)
    add_row(summary.state_labels[s], [s](const StockOnDate& stock) { return stock.states[s]; });
  add_row("placements, total", [](const StockOnDate& stock) { return stock.placed; });
  add_row("in care, total", [](const StockOnDate& stock) { return stock.in_care; });
  return "Children by state on the first grid date of each year and on the last grid date\n" +
         table.render() + "(in care = all states except exits, support included)\n" + marks.note();
}

std::string format_flow_table(const YearlySummary& summary) {
  TextTable table({{"year", Align::left},
                   {"period", Align::left},
                   {"entries", Align::right},
                   {"exits", Align::right},
                   {"moves", Align::right}});
  MeanOutsideIntervalMarks marks;
  auto cell = [&](const Figure& figure) { return marks.mark(format_figure(figure)); };
  for (const FlowsInYear& flows : summary.flows)
    table.add_row({flows.year, flows.from_date + " to " + flows.to_date, cell(flows.entries), cell(flows.exits),
                   cell(flows.moves)});
  return "Flows in each year\n" + table.render() + "(moves = transitions between states that are not exits)\n" +
         marks.note();
}

}  // namespace

YearlySummary compute_yearly_summary(const ResultFile& file) {
  Occupancy occupancy = read_occupancy(file);
  const std::vector<std::string>& dates = file.grid_dates();
  YearlySummary summary;
  summary.scenario_path = file.provenance().scenario_path;
  summary.replicates = file.provenance().replicates;
  summary.seed = file.provenance().seed;
  summary.parameter_uncertainty = file.provenance().parameter_uncertainty;
  summary.state_labels = non_exit_labels(file.states());
  for (std::size_t point : file.reporting_years().first_points_and_horizon())
    summary.stock.push_back(stock_on(occupancy, file.states(), point, dates[point]));
  for (const YearSpan& span : intervals_by_year(file))
    summary.flows.push_back(flows_in(occupancy, file.states(), span, dates));
  return summary;
}

std::string format_yearly_summary(const YearlySummary& summary) {
  return format_header(summary) + "\n" + format_stock_table(summary) + "\n" +
         format_flow_table(summary);
}

Figure summarize_figure(std::vector<double> per_replicate) {
  std::array<double, 7> statistics = engine::summarize(std::move(per_replicate));
  return {statistics[0], statistics[2], statistics[6]};  // mean, q05, q95
}

std::string format_figure(const Figure& figure) {
  bool whole = is_whole(figure.mean) && is_whole(figure.low) && is_whole(figure.high);
  bool small = std::max({std::abs(figure.mean), std::abs(figure.low), std::abs(figure.high)}) < 10;
  int decimals = !whole && small ? 1 : 0;
  return fmt::format("{} ({}–{})", fixed_decimals(figure.mean, decimals),
                     fixed_decimals(figure.low, decimals), fixed_decimals(figure.high, decimals));
}

}  // namespace carecast::output
