#pragma once
// Caseload and workforce, derived from the stock on each grid date:
//   fte_needed [time]            Σ over states of weight × children ÷ the norm of that year
//   caseload_per_worker [time]   Σ weight × children ÷ the staffing of that year  (with staffing)
//   months_above_norm [year]     months of each reporting year whose first grid date has a caseload
//                                per worker above the norm (each grid date stands for the months
//                                until the next: 1 monthly, 3 quarterly, 12 yearly)  (with staffing)
//   caseload_breakdown_multiplier [time], caseload_exit_multiplier [time]
//                                what the caseload feedback multiplies breakdown hazards and planned
//                                exits by at that caseload per worker  (with a feedback)
#include <cstddef>
#include <optional>

#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

class CaseloadMeasures {
 public:
  struct Handles {
    std::size_t fte_needed;
    std::optional<std::size_t> per_worker, months_above_norm;
    std::optional<std::size_t> breakdown_multiplier, exit_multiplier;
  };
  static Handles register_arrays(engine::TallyLayout& layout, const CaseloadSpec& spec, std::size_t points,
                                 std::size_t years);

  /// Fills the caseload arrays of a finished replicate from its stock array.
  static void compute(const CaseloadSpec& spec, const engine::ReportingGrid& grid, std::size_t stock_handle,
                      Handles handles, engine::Tally& tally);
};

}  // namespace carecast::models
