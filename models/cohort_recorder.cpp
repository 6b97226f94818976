#include "models/cohort_recorder.hpp"

#include <algorithm>
#include <cmath>

#include "models/history_counter.hpp"
#include "engine/reporting_grid.hpp"

namespace carecast::models {

CohortRecorder::Handles CohortRecorder::register_arrays(engine::TallyLayout& layout, std::size_t years) {
  layout.label_axis("count", {"0", "1", "2", "3", "4", "5", "6+"});
  return {layout.add_counts("cohort_children", {years}, {"year"}),
          layout.add_counts("cohort_placements", {years, bins}, {"year", "count"}),
          layout.add_counts("cohort_breakdowns", {years, bins}, {"year", "count"}),
          layout.add_counts("cohort_school_changes", {years, bins}, {"year", "count"})};
}

CohortRecorder::CohortRecorder(const std::vector<double>& year_starts, Handles handles, engine::Tally& tally)
    : year_starts_(year_starts), handles_(handles), tally_(tally) {}

void CohortRecorder::add(std::size_t handle, std::size_t year, std::size_t count) {
  tally_.counts(handle)[year * bins + std::min(count, bins - 1)] += 1;
}

void CohortRecorder::on_stay(const engine::Individual& child, double until) {
  if (!std::isinf(until)) return;  // only the child's last stay closes its record
  auto found = engine::simulated_year_of(year_starts_, child.arrived);
  if (!found) return;
  std::size_t year = *found;
  auto counter = [&](HistoryCounter c) { return static_cast<std::size_t>(child.history[static_cast<std::size_t>(c)]); };
  tally_.counts(handles_.children)[year] += 1;
  add(handles_.placements, year, counter(HistoryCounter::placements));
  add(handles_.breakdowns, year, counter(HistoryCounter::breakdowns));
  add(handles_.school_changes, year, counter(HistoryCounter::school_changes));
}

}  // namespace carecast::models
