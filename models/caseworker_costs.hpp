#pragma once
// What the caseworkers the caseload norm asks for cost: costs.caseworker_per_year (price-year
// money for one full-time caseworker for a year) times the FTE needed, in the cost category
// `staff:caseworkers`. The FTE needed on each grid date holds until the next one, so an interval
// adds FTE × its days ÷ 365.25 × the cost, at the prices of the reporting year it lies in (years
// begin on grid dates), nominal and discounted as every other cost.
#include "engine/reporting_grid.hpp"
#include "engine/tally.hpp"
#include "models/cost_recorder.hpp"
#include "models/money_years.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

/// Adds the cost of the FTE needed (the `fte_needed` sums of `tally`) to its costs.
void add_caseworker_costs(const Scenario& scenario, const engine::ReportingGrid& grid, const MoneyYears& money,
                          CostRecorder::Handles costs, std::size_t fte_needed, engine::Tally& tally);

}  // namespace carecast::models
