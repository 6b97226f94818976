#pragma once
// A paired comparison of an alternative scenario with a base run on the same seed (common
// random numbers): per replicate, the alternative's figure minus the base's, and what follows
// for money. Net cost is the alternative's cost minus the base's (negative: it saves money).
//   cumulative_net_cost [year]             nominal, summed from the first year
//   cumulative_net_cost_discounted [year]
//   net_present_value []                   − Σ discounted net cost: positive if the
//                                          alternative saves more than it costs
//   payback_year []                        the first reporting year (1-based) from which the
//                                          cumulative discounted net cost stays at or below 0,
//                                          not before the first year it differs from the
//                                          base's; 0 for none within the horizon
#include <optional>
#include <string>
#include <vector>

#include "output/scenario_metrics.hpp"

namespace carecast::output {

struct PairedComparison {
  std::string base, alternative;
  std::vector<Metric> differences;  // the same names as the metrics, alt − base
  std::vector<std::string> categories;  // of cost_by_category: the union of both runs' categories
  /// The payback year of the mean cumulative discounted net cost (1-based), if any.
  std::optional<std::size_t> mean_payback_year;
  double share_paying_back = 0.0;  // of replicates, within the horizon
  const Metric* find(const std::string& name) const;
};

/// Throws OutputError if the runs differ in replicates, years or states.
PairedComparison compare_paired(const ScenarioMetrics& base, const ScenarioMetrics& alternative,
                                std::string base_name, std::string alternative_name);

/// The 1-based first year from which `cumulative` stays at or below zero; nothing if none.
std::optional<std::size_t> payback_year(const std::vector<double>& cumulative);

}  // namespace carecast::output
