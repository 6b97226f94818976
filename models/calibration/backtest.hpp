#pragma once
// A back-test: fit the model on the records before a cut date, simulate forward from the stock
// on that date, and set the simulated stock beside the stock the records show after the cut.
//
// The forward scenario is written as files into a working folder and read back like any
// scenario, so it is validated the same way and its resolved text (model included) is kept in
// the result's provenance:
//   model.yaml       the calibration on the records before the cut (calibrate(), fit_until = cut)
//   stock.csv        the children in care on the cut date (stock_snapshot)
//   population.csv   the given population table (read from the user's file, so that its errors
//                    name that file; checked to cover the horizon, backtest_population.hpp), or,
//                    without one, a flat notional population of 1000 at each age below the
//                    ageing-out age in every year (entry rates per 1000 are then entries per year
//                    at each single year of age)
//   scenario.yaml    includes model.yaml; starts on the cut date; monthly grid over the whole
//                    years that reach the horizon; ages out at `ageing_out_age` into
//                    `ageing_out_state`.
// The stock is compared at the grid points after the cut up to cut + horizon months (the same
// day of the month as the cut, or the month's last day when it is shorter), and only on those
// the records cover; the months the simulation runs on past the horizon are not compared.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/communicator.hpp"
#include "engine/replicate_runner.hpp"
#include "models/calibration/calibrated_model.hpp"
#include "models/calibration/episode.hpp"
#include "models/run_result.hpp"
#include "models/scenario/population_table.hpp"

namespace carecast::models::calibration {

struct BacktestSettings {
  engine::Date cut{};
  int horizon_months = 24;
  std::size_t replicates = 200;
  std::uint64_t seed = 1;
  double ageing_out_age = 18.0;
  std::string ageing_out_state = "aged_out";  // declared as an exit state if the records lack it
  bool parameter_uncertainty = true;          // draw the fitted rates per replicate
  std::filesystem::path population;           // empty: the flat notional population
  std::filesystem::path work_folder;          // where the forward scenario's files are written
};

struct BacktestRun {
  CalibratedModel model;
  RunResult simulation;                      // on rank 0
  std::vector<std::size_t> points;           // grid points compared: after the cut, up to the horizon, observed
  std::vector<std::size_t> states;           // states compared: the model's care states
  std::vector<std::vector<long>> observed;   // [point][state]
};

/// Throws InputError for a cut outside the records or a population table that does not cover the
/// horizon, std::invalid_argument for bad settings (among them a period break on or after the cut
/// or on or before the first record: period_break_range.hpp), FileWriteError (text_file_writer.hpp)
/// if the files of the work folder cannot be written.
BacktestRun run_backtest(const EpisodeData& data, CalibrationSettings calibration, const BacktestSettings& settings,
                         const engine::Communicator& communicator, const engine::ProgressCallback& progress = {});

}  // namespace carecast::models::calibration
