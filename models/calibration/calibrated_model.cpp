#include "models/calibration/calibrated_model.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "models/calibration/period_break_range.hpp"

namespace carecast::models::calibration {

namespace {

void append(std::vector<std::string>& to, const std::vector<std::string>& from) { to.insert(to.end(), from.begin(), from.end()); }

std::optional<EntryEstimates> entry_estimates(const EpisodeData& data, const CalibrationSettings& settings,
                                              const PopulationTable* population) {
  if (population == nullptr || population->empty()) return std::nullopt;
  EntryOptions options = settings.entries;
  options.fit_until = settings.exposure.fit_until;
  return EntryEstimates::estimate(data, *population, options);
}

/// School changes can only be estimated from records that have the field.
void require_school_change_column(const EpisodeData& data) {
  if (data.has_school_change_column) return;
  throw std::invalid_argument(fmt::format(
      "--school-ages: the records in '{}' have no school_change column, so school-change probabilities cannot be "
      "estimated; expected a school_change column (1, 0 or empty at each episode's start; SSDA903 records have "
      "none), or no --school-ages",
      data.file.string()));
}

/// Settings the records cannot be fitted with, refused before any work is done.
void refuse_unfittable_settings(const EpisodeData& data, const CalibrationSettings& settings) {
  check_period_breaks(settings.bands.period_breaks,
                      period_break_range(data, settings.exposure.fit_until, settings.fit_until_name));
  if (settings.school) require_school_change_column(data);
}

std::optional<SchoolChangeEstimate> school_estimate(const EpisodeData& data, const CalibrationSettings& settings) {
  if (!settings.school) return std::nullopt;
  SchoolChangeOptions options = *settings.school;
  options.fit_until = settings.exposure.fit_until;
  SchoolChangeEstimate estimate = SchoolChangeEstimate::estimate(data, options);
  if (!estimate.any()) return std::nullopt;
  return estimate;
}

}  // namespace

CalibratedModel calibrate(const EpisodeData& data, const CalibrationSettings& settings,
                          const PopulationTable* population) {
  refuse_unfittable_settings(data, settings);
  ExposureTable exposure = ExposureTable::build(data, settings.bands, settings.exposure);
  HazardEstimates hazards = HazardEstimates::estimate(exposure);
  std::optional<BreakdownFactorEstimate> factor;
  if (settings.estimate_prior_breakdown_factor) factor = BreakdownFactorEstimate::estimate(exposure, hazards);
  CalibratedModel model{data.file,      data.observed_until,         settings.exposure.fit_until,
                        std::move(exposure), std::move(hazards), std::move(factor),
                        entry_estimates(data, settings, population), school_estimate(data, settings), data.warnings};
  append(model.warnings, model.exposure.warnings());
  append(model.warnings, model.hazards.warnings());
  if (model.breakdown_factor && !model.breakdown_factor->estimable)
    model.warnings.push_back(fmt::format("prior_breakdown_factor not estimated: {}", model.breakdown_factor->reason));
  if (model.entries) append(model.warnings, model.entries->warnings());
  if (settings.school && !model.school)
    model.warnings.push_back(
        "no school changes estimated: the school_change column is empty at every move of a child of school age "
        "(--school-ages)");
  return model;
}

}  // namespace carecast::models::calibration
