#pragma once
// Everything a calibration estimates from one set of episodes, as model_file_writer writes it,
// and the one call that produces it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "models/calibration/breakdown_factor_estimate.hpp"
#include "models/calibration/calibration_bands.hpp"
#include "models/calibration/entry_estimates.hpp"
#include "models/calibration/episode.hpp"
#include "models/calibration/exposure_table.hpp"
#include "models/calibration/hazard_estimates.hpp"
#include "models/calibration/school_change_estimate.hpp"
#include "models/scenario/population_table.hpp"

namespace carecast::models::calibration {

struct CalibrationSettings {
  CalibrationBands bands;
  ExposureOptions exposure;  // its fit_until applies to entries and school changes as well
  /// How messages name exposure.fit_until: the option or setting it came from.
  std::string fit_until_name = "--fit-until";
  bool estimate_prior_breakdown_factor = true;
  /// Entry rates and mix: only with a population table.
  EntryOptions entries;
  /// School-change probabilities: only when given (the school ages).
  std::optional<SchoolChangeOptions> school;
};

struct CalibratedModel {
  std::filesystem::path source;
  engine::Date observed_until{};
  std::optional<engine::Date> fit_until;
  ExposureTable exposure;
  HazardEstimates hazards;
  std::optional<BreakdownFactorEstimate> breakdown_factor;  // when asked for (estimable or not)
  std::optional<EntryEstimates> entries;                    // with a population table
  std::optional<SchoolChangeEstimate> school;               // when asked for and recorded
  /// The data's warnings (lenient reading), then those of each estimate.
  std::vector<std::string> warnings;
};

/// Throws std::invalid_argument for bad settings, among them period breaks outside the records
/// used (period_break_range.hpp).
CalibratedModel calibrate(const EpisodeData& data, const CalibrationSettings& settings,
                          const PopulationTable* population = nullptr);

}  // namespace carecast::models::calibration
