#pragma once
// The options `calibrate` and `backtest` share: which episode records to read (generic CSV or
// SSDA903 with its header file and mapping), how strictly, and the cells and settings of the
// estimation (bands, pooling, population for entry rates, school ages, ageing out).
#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/calibration/calibrated_model.hpp"
#include "models/calibration/episode.hpp"
#include "models/scenario/population_table.hpp"

namespace carecast::cli {

struct CalibrationOptions {
  std::string episodes;
  std::string format = "generic";
  std::string header;
  std::string mapping;
  bool lenient = false;
  std::string observed_until;
  std::string observed_from;
  std::vector<double> age_bands{0, 1, 6, 12, 16};
  std::vector<double> duration_bands{0, 0.5, 2};
  std::vector<std::string> period_breaks;
  double min_exposure = 0.0;
  std::string pool_along = "duration";
  std::string population;
  std::vector<int> entry_age_bands;
  std::vector<double> school_ages;
  std::string ageing_out_state;
  double ageing_out_age = 18.0;
  int prior_breakdown_cap = 4;
  bool no_breakdown_factor = false;
};

/// Registers the shared options on `command`.
void add_calibration_options(CLI::App& command, CalibrationOptions& options);

/// Reads and checks the episode records the options name (InputError when they are wrong).
models::calibration::EpisodeData read_episodes(const CalibrationOptions& options);

/// The estimation settings; `fit_until` is the back-test's cut, if any.
models::calibration::CalibrationSettings calibration_settings(const CalibrationOptions& options,
                                                              std::optional<engine::Date> fit_until);

/// The population table, when one is named.
std::optional<models::PopulationTable> read_population_option(const CalibrationOptions& options);

/// Every file the options name for reading (episodes, header, mapping, population), which no
/// output may replace.
std::vector<std::string> input_files(const CalibrationOptions& options);

/// Parses a date given on the command line; throws CLI::ValidationError naming the option.
engine::Date parse_date_option(const std::string& text, const std::string& option);

}  // namespace carecast::cli
