#pragma once
// Attainment at the exam age: for each child in care when it reaches the exam age, the
// probability of completing the lower-secondary exams from the logistic model of ExamSpec
// (school changes so far, years in care, state at that age). The expected number is kept
// rather than a drawn one: it has the same mean and less noise.
//   exam_cohort [year][state]   children reaching the exam age in care, by state
//   exam_expected_passes [year] the sum of their probabilities (a real-valued sum)
// Years are the reporting years counted from the start date.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/life_observer.hpp"
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

class AttainmentRecorder final : public engine::LifeObserver {
 public:
  struct Handles {
    std::size_t cohort, passes;
  };
  static Handles register_arrays(engine::TallyLayout& layout, std::size_t years, std::size_t states);
  /// The probability of completing the exams (the logistic model).
  static double pass_probability(const ExamSpec& exam, const engine::Individual& child, double at);

  AttainmentRecorder(const ExamSpec& exam, const std::vector<bool>& absorbing,
                     const engine::ReportingGrid& grid, Handles handles, engine::Tally& tally);
  unsigned hooks() const override { return engine::hook_stay; }
  void on_arrival(engine::Individual&) override {}
  void on_stay(const engine::Individual& child, double until) override;
  void on_transition(engine::Individual&, int, const engine::Exit*) override {}

 private:
  const ExamSpec& exam_;
  std::vector<char> absorbing_;  // by state (a copy: bytes are cheaper to read than bits)
  const engine::ReportingGrid& grid_;  // its reporting years
  std::size_t states_;
  // The arrays inside the replicate's tally (its storage never moves once built).
  std::int64_t* cohort_;
  double* passes_;
};

}  // namespace carecast::models
