#include "models/attainment_recorder.hpp"

#include <algorithm>
#include <cmath>

#include "models/history_counter.hpp"

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
                                       const engine::ReportingGrid& grid, Handles handles,
                                       engine::Tally& tally)
    : exam_(exam), absorbing_(absorbing.begin(), absorbing.end()), grid_(grid),
      states_(absorbing.size()), cohort_(tally.counts(handles.cohort).data()),
      passes_(tally.sums(handles.passes).data()) {}

void AttainmentRecorder::on_stay(const engine::Individual& child, double until) {
  if (absorbing_[static_cast<std::size_t>(child.state)]) return;
  double exam_day = child.birth + exam_.age * engine::days_per_year;
  if (exam_day < child.entered || exam_day >= until) return;
  std::size_t year = grid_.year_of(exam_day);
  if (year == grid_.years()) return;
  cohort_[year * states_ + static_cast<std::size_t>(child.state)] += 1;
  passes_[year] += pass_probability(exam_, child, exam_day);
}

}  // namespace carecast::models
