#include "models/calibration/calibrated_model.hpp"

#include <fmt/format.h>

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
  if (settings.school && !model.school) model.warnings.push_back("no school changes recorded at moves of school-age children");
  return model;
}

}  // namespace carecast::models::calibration
