#pragma once
// What a municipality plans with, by reporting year (calendar years unless the scenario says
// otherwise), each figure as a mean with its 90% interval over replicates:
//   the budget: nominal and discounted totals, and the nominal money for care days, one-off
//   costs and interventions (from /replicates/costs and costs_discounted);
//   caseworkers: FTE needed and caseload per worker (means over the year's grid dates), months
//   above the norm, and with a caseload feedback the multipliers it put on breakdown hazards
//   and planned exits.
// Tables appear only for what the result holds: no budget without money spent, no caseworkers
// without a caseload section.
#include <string>

#include "output/result_file.hpp"

namespace carecast::output {

std::string format_planning(const ResultFile& file);

}  // namespace carecast::output
