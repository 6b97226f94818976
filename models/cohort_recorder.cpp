#include "models/cohort_recorder.hpp"

#include <algorithm>
#include <cmath>

#include "models/history_counter.hpp"

namespace carecast::models {

CohortRecorder::Handles CohortRecorder::register_arrays(engine::TallyLayout& layout, std::size_t years) {
  layout.label_axis("count", {"0", "1", "2", "3", "4", "5", "6+"});
  return {layout.add_counts("cohort_children", {years}, {"year"}),
          layout.add_counts("cohort_placements", {years, bins}, {"year", "count"}),
          layout.add_counts("cohort_breakdowns", {years, bins}, {"year", "count"}),
          layout.add_counts("cohort_school_changes", {years, bins}, {"year", "count"})};
}

CohortRecorder::CohortRecorder(const engine::ReportingGrid& grid, Handles handles, engine::Tally& tally)
    : grid_(grid), children_(tally.counts(handles.children).data()),
      placements_(tally.counts(handles.placements).data()), breakdowns_(tally.counts(handles.breakdowns).data()),
      school_changes_(tally.counts(handles.school_changes).data()) {}

void CohortRecorder::add(std::int64_t* counts, std::size_t year, std::size_t count) {
  counts[year * bins + std::min(count, bins - 1)] += 1;
}

void CohortRecorder::on_stay(const engine::Individual& child, double until) {
  if (!std::isinf(until)) return;  // only the child's last stay closes its record
  std::size_t year = grid_.year_of(child.arrived);
  if (year == grid_.years()) return;
  auto counter = [&](HistoryCounter c) { return static_cast<std::size_t>(child.history[static_cast<std::size_t>(c)]); };
  children_[year] += 1;
  add(placements_, year, counter(HistoryCounter::placements));
  add(breakdowns_, year, counter(HistoryCounter::breakdowns));
  add(school_changes_, year, counter(HistoryCounter::school_changes));
}

}  // namespace carecast::models
