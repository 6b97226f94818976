#include "models/caseload_measures.hpp"

#include <algorithm>

namespace carecast::models {

CaseloadMeasures::Handles CaseloadMeasures::register_arrays(engine::TallyLayout& layout, const CaseloadSpec& spec,
                                                            std::size_t points, std::size_t years) {
  Handles handles{layout.add_sums("fte_needed", {points}, {"time"}), std::nullopt, std::nullopt, std::nullopt,
                  std::nullopt};
  if (spec.staffing) {
    handles.per_worker = layout.add_sums("caseload_per_worker", {points}, {"time"});
    handles.months_above_norm = layout.add_sums("months_above_norm", {years}, {"year"});
  }
  if (spec.feedback) {
    handles.breakdown_multiplier = layout.add_sums("caseload_breakdown_multiplier", {points}, {"time"});
    handles.exit_multiplier = layout.add_sums("caseload_exit_multiplier", {points}, {"time"});
  }
  return handles;
}

void CaseloadMeasures::compute(const CaseloadSpec& spec, const engine::ReportingGrid& grid, std::size_t stock_handle,
                               Handles handles, engine::Tally& tally) {
  auto stock = tally.counts(stock_handle);
  std::size_t states = spec.weights.size();
  int step = engine::grid_step_months(grid.step());
  for (std::size_t t = 0; t < grid.points(); ++t) {
    double weighted = 0.0;
    for (std::size_t s = 0; s < states; ++s) weighted += spec.weights[s] * static_cast<double>(stock[t * states + s]);
    int year = static_cast<int>(grid.dates()[t].year());
    double norm = spec.norm.at(year);
    tally.sums(handles.fte_needed)[t] = weighted / norm;
    if (!spec.staffing) continue;
    double per_worker = weighted / spec.staffing->at(year);
    tally.sums(*handles.per_worker)[t] = per_worker;
    auto k = engine::reporting_year_of(grid.year_starts(), grid.offset(t));
    if (k && per_worker > norm) tally.sums(*handles.months_above_norm)[*k] += step;
    if (!spec.feedback) continue;
    double excess = std::max(0.0, per_worker / norm - 1.0);
    tally.sums(*handles.breakdown_multiplier)[t] = spec.feedback->multiplier(engine::LoadResponse::raised, excess);
    tally.sums(*handles.exit_multiplier)[t] = spec.feedback->multiplier(engine::LoadResponse::slowed, excess);
  }
}

}  // namespace carecast::models
