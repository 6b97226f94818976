#pragma once
// The figures a sweep compares across its combinations: each run's main figures over the whole
// horizon, one value per replicate.
//   placed_at_end     children in states of kind placement on the last grid date
//   new_placements    arrivals into a placement state, and moves into one from a support
//                     state, over the reporting years (as output/scenario_metrics.hpp counts them)
//   breakdowns        over the reporting years
//   cost              all categories, nominal, summed over the reporting years
//   cost_discounted   the same, discounted
#include <string>
#include <vector>

#include "models/run_result.hpp"

namespace carecast::output {

struct HorizonFigure {
  std::string name;
  std::vector<double> values;  // [replicate]
};

/// The figures above, in that order. Throws OutputError for a run without replicates.
std::vector<HorizonFigure> horizon_figures(const models::RunResult& result);

/// True for the figures in money (cost, cost_discounted).
bool is_money_figure(const std::string& name);

}  // namespace carecast::output
