#include "models/calibration/backtest.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "models/calibration/backtest_population.hpp"
#include "models/calibration/model_file_writer.hpp"
#include "models/calibration/observed_stock.hpp"
#include "models/calibration/period_break_range.hpp"
#include "models/calibration/stock_snapshot.hpp"
#include "models/calibration/text_file_writer.hpp"
#include "models/config/input_error.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"

namespace carecast::models::calibration {

namespace {

using Days = std::chrono::sys_days;

void check_cut(const EpisodeData& data, const BacktestSettings& settings) {
  if (settings.horizon_months < 1) throw std::invalid_argument("the horizon must be at least one month");
  engine::Date first = earliest_start(data);
  if (Days{settings.cut} <= Days{first} || Days{settings.cut} >= Days{data.observed_until})
    throw InputError(SourceLocation{data.file.string(), 0, 0}, "",
                     fmt::format("the cut {} must fall after the first record ({}) and before the data end ({})",
                                 engine::format_iso_date(settings.cut), engine::format_iso_date(first),
                                 engine::format_iso_date(data.observed_until)));
}

/// The calibration settings of the fit before the cut.
CalibrationSettings fit_before_cut(CalibrationSettings calibration, const BacktestSettings& settings) {
  calibration.exposure.fit_until = settings.cut;
  calibration.fit_until_name = "the cut";
  calibration.entries.fit_until = settings.cut;
  calibration.entries.ageing_out_age = settings.ageing_out_age;
  if (calibration.school) calibration.school->fit_until = settings.cut;
  calibration.exposure.ageing_out_state = settings.ageing_out_state;
  return calibration;
}

/// The simulation runs whole years: enough of them to reach the horizon.
int simulated_years(const BacktestSettings& settings) { return (settings.horizon_months + 11) / 12; }

ForwardYears forward_years(const BacktestSettings& settings) {
  engine::Date end = engine::add_months(settings.cut, 12 * simulated_years(settings));
  int last_year = static_cast<int>(engine::Date{Days{end} - std::chrono::days{1}}.year());
  return ForwardYears{settings.cut, settings.horizon_months, last_year, settings.ageing_out_age};
}

/// The user's table, read from the user's file, or the flat notional one.
PopulationTable read_population(const EpisodeData& data, const BacktestSettings& settings) {
  if (!settings.population.empty()) return PopulationTable::read_csv(settings.population);
  return flat_population(static_cast<int>(data.episodes.front().start.year()) - 1, forward_years(settings));
}

std::string states_yaml(const ExposureTable& table, const BacktestSettings& settings) {
  std::string text = "states:\n";
  bool declared = false;
  for (std::size_t s = 0; s < table.states().size(); ++s) {
    text += fmt::format("  - {{name: {}, kind: {}}}\n", table.states()[s], table.is_exit(s) ? "exit" : "placement");
    declared = declared || table.states()[s] == settings.ageing_out_state;
  }
  if (!declared) text += fmt::format("  - {{name: {}, kind: exit}}\n", settings.ageing_out_state);
  return text;
}

std::string scenario_yaml(const CalibratedModel& model, const BacktestSettings& settings) {
  int years = simulated_years(settings);
  return fmt::format(
      "# The forward scenario of a back-test: the model fitted before {0}, started from the stock on {0}.\n"
      "name: Back-test from {0}\n"
      "include: model.yaml\n"
      "simulation: {{start: {0}, years: {1}, grid: monthly, year_begins: {8}, replicates: {2}, seed: {3}, "
      "parameter_uncertainty: {4}}}\n"
      "{5}"
      "ageing_out: {{age: {6}, to: {7}}}\n"
      "population: {{table: population.csv}}\n"
      "initial_stock: {{snapshot: stock.csv}}\n",
      engine::format_iso_date(settings.cut), years, settings.replicates, settings.seed,
      settings.parameter_uncertainty ? "true" : "false", states_yaml(model.exposure, settings), settings.ageing_out_age,
      settings.ageing_out_state, engine::format_month_day(settings.cut.month() / settings.cut.day()));
}

/// The stock on the cut date, without children who have reached the ageing-out age (by whole
/// years; the records may keep a child a day or two past it) and would leave at once.
SnapshotTable starting_stock(const EpisodeData& data, const BacktestSettings& settings) {
  SnapshotTable stock = stock_snapshot(data, settings.cut);
  std::erase_if(stock.rows, [&](const SnapshotRow& row) { return row.age >= settings.ageing_out_age; });
  return stock;
}

/// Grid points after the cut up to the horizon (cut + horizon months) on which the records are
/// complete; the simulation runs on to the end of its last whole year, but those points are not
/// compared.
std::vector<std::size_t> compared_points(const RunResult& run, const BacktestSettings& settings,
                                         engine::Date observed_until) {
  Days last = std::min(Days{engine::add_months(settings.cut, settings.horizon_months)}, Days{observed_until});
  std::vector<std::size_t> points;
  for (std::size_t p = 1; p < run.grid_dates.size(); ++p)
    if (Days{*engine::parse_iso_date(run.grid_dates[p])} <= last) points.push_back(p);
  return points;
}

void compare_with_records(BacktestRun& run, const EpisodeData& data, const BacktestSettings& settings) {
  run.points = compared_points(run.simulation, settings, data.observed_until);
  std::vector<std::string> names;
  for (std::size_t s = 0; s < run.simulation.states.size(); ++s)
    if (run.simulation.states[s].kind != "exit") {
      run.states.push_back(s);
      names.push_back(run.simulation.states[s].name);
    }
  std::vector<engine::Date> dates;
  for (std::size_t p : run.points) dates.push_back(*engine::parse_iso_date(run.simulation.grid_dates[p]));
  run.observed = observed_stock(data, names, dates);
}

/// Creates the work folder and writes the forward run's population table into it; every failure
/// is a FileWriteError.
void write_work_population(const PopulationTable& table, const BacktestSettings& settings,
                           const std::filesystem::path& population) {
  try {
    std::filesystem::create_directories(settings.work_folder);
  } catch (const std::filesystem::filesystem_error& error) {
    throw FileWriteError(fmt::format("cannot write '{}': {}", population.string(), error.code().message()));
  }
  write_population_csv(table, population);
}

}  // namespace

BacktestRun run_backtest(const EpisodeData& data, CalibrationSettings calibration, const BacktestSettings& settings,
                         const engine::Communicator& communicator, const engine::ProgressCallback& progress) {
  check_cut(data, settings);
  CalibrationSettings fit = fit_before_cut(std::move(calibration), settings);
  // Before the population is read, as calibrate() would only after it.
  check_period_breaks(fit.bands.period_breaks, period_break_range(data, settings.cut, fit.fit_until_name));
  PopulationTable table = read_population(data, settings);
  BacktestRun run{calibrate(data, fit, &table), {}, {}, {}, {}};
  if (run.model.entries) check_population_covers_horizon(table, *run.model.entries, forward_years(settings));
  std::filesystem::path population = settings.work_folder / "population.csv";
  write_work_population(extended_past_horizon(std::move(table), forward_years(settings)), settings, population);
  write_model_file(run.model, settings.work_folder / "model.yaml");
  write_snapshot_csv(starting_stock(data, settings), settings.work_folder / "stock.csv");
  std::filesystem::path scenario_file = settings.work_folder / "scenario.yaml";
  write_text_file(scenario_file, scenario_yaml(run.model, settings));
  Scenario scenario = read_scenario(scenario_file);
  run.simulation = simulate(scenario, RunOptions{}, communicator, progress);
  if (communicator.is_root()) compare_with_records(run, data, settings);
  return run;
}

}  // namespace carecast::models::calibration
