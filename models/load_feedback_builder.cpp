#include "models/load_feedback_builder.hpp"

#include <vector>

namespace carecast::models {

std::optional<engine::LoadFeedbackSpec> build_load_feedback(const Scenario& scenario, const engine::Calendar& calendar,
                                                            double horizon) {
  const CaseloadSpec& caseload = scenario.caseload;
  if (!caseload.enabled || !caseload.feedback) return std::nullopt;
  engine::LoadFeedbackSpec spec;
  spec.law = *caseload.feedback;
  spec.weight = caseload.weights;
  int year = static_cast<int>(scenario.simulation.start.year());
  std::vector<double> edges{-engine::infinity};
  spec.capacity.push_back(caseload.staffing->at(year) * caseload.norm.at(year));
  for (++year; calendar.start_of_year(year) < horizon; ++year) {
    edges.push_back(calendar.start_of_year(year));
    spec.capacity.push_back(caseload.staffing->at(year) * caseload.norm.at(year));
  }
  edges.push_back(engine::infinity);
  spec.capacity_periods = engine::Axis(edges);
  spec.from = 0.0;
  return spec;
}

void add_load_response(engine::Exit& exit, const TransitionSpec& transition, const Scenario& scenario) {
  const CaseloadSpec& caseload = scenario.caseload;
  if (!caseload.enabled || !caseload.feedback) return;
  if (transition.breakdown) {
    exit.load_response = engine::LoadResponse::raised;
    double ceiling = caseload.feedback->ceiling(exit.load_response);
    if (ceiling != 1.0) exit.rate = exit.rate.scaled_from(0.0, ceiling);
  } else if (scenario.is_exit(transition.to)) {
    exit.load_response = engine::LoadResponse::slowed;
  }
}

}  // namespace carecast::models
