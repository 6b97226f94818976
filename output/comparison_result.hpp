#pragma once
// What `carecast compare` produces: each scenario's yearly figures per replicate, and the paired
// differences of each alternative from the base, with the runs' provenance.
#include <string>
#include <vector>

#include "models/run_result.hpp"
#include "output/paired_comparison.hpp"
#include "output/scenario_metrics.hpp"

namespace carecast::output {

struct ComparedScenario {
  std::string name;
  models::Provenance provenance;    // of its run (scenario path, text and hash, seed, …)
  std::string intervention_combination;  // "multiply", "strongest" or "none"
  ScenarioMetrics metrics;
};

struct ComparisonResult {
  std::vector<ComparedScenario> scenarios;  // the base first
  std::vector<PairedComparison> comparisons;  // one per alternative
  models::Provenance run;                     // seed, replicates and the volatile facts of the run
};

}  // namespace carecast::output
