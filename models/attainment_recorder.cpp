#include "models/attainment_recorder.hpp"

#include <algorithm>
#include <cmath>

#include "models/history_counter.hpp"
#include "engine/reporting_grid.hpp"

namespace carecast::models {

AttainmentRecorder::Handles AttainmentRecorder::register_arrays(engine::TallyLayout& layout, std::size_t years,
                                                                std::size_t states) {
  return {layout.add_counts("exam_cohort", {years, states}, {"year", "state"}),
          layout.add_sums("exam_expected_passes", {years}, {"year"})};
}

double AttainmentRecorder::pass_probability(const ExamSpec& exam, const engine::Individual& child, double at) {
  double school_changes = child.history[static_cast<std::size_t>(HistoryCounter::school_changes)];
  double years_in_care = std::max(0.0, at - child.arrived) / engine::days_per_year;
  double logit = exam.intercept + exam.per_school_change * school_changes + exam.per_year_in_care * years_in_care +
                 exam.state_effect[static_cast<std::size_t>(child.state)];
  return 1.0 / (1.0 + std::exp(-logit));
}

AttainmentRecorder::AttainmentRecorder(const ExamSpec& exam, const std::vector<bool>& absorbing,
                                       const std::vector<double>& year_starts, Handles handles,
                                       engine::Tally& tally)
    : exam_(exam), absorbing_(absorbing), year_starts_(year_starts), handles_(handles), tally_(tally),
      states_(absorbing.size()) {}

void AttainmentRecorder::on_stay(const engine::Individual& child, double until) {
  if (absorbing_[static_cast<std::size_t>(child.state)]) return;
  double exam_day = child.birth + exam_.age * engine::days_per_year;
  if (exam_day < child.entered || exam_day >= until) return;
  auto found = engine::simulated_year_of(year_starts_, exam_day);
  if (!found) return;
  std::size_t year = *found;
  tally_.counts(handles_.cohort)[year * states_ + static_cast<std::size_t>(child.state)] += 1;
  tally_.sums(handles_.passes)[year] += pass_probability(exam_, child, exam_day);
}

}  // namespace carecast::models
