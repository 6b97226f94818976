#pragma once
// The budget by reporting year as a finance officer reads it: the total and its parts (care
// days, one-off costs, interventions, and caseworkers when they are costed), nominal and
// discounted. Each is added up over cost
// categories replicate by replicate, before any summary: the interval of a total is not the sum
// of its parts' intervals.
#include <string>
#include <vector>

#include "output/result_file.hpp"

namespace carecast::output {

struct BudgetMeasure {
  std::string name;             // as in budget.csv: total, total_discounted, care_days, ...
  std::string label;            // as in summary's table: total, total, discounted, care days, ...
  std::string category_prefix;  // the categories it adds up ("" for all, "care:", ...)
  bool discounted = false;      // from costs_discounted rather than costs
};

/// total, total_discounted, care_days, one_off, interventions: in that order; then caseworkers
/// when `categories` (a result's cost categories) cost them (staff:caseworkers).
std::vector<BudgetMeasure> budget_measures(const std::vector<std::string>& categories);

/// The costs a measure adds up: `discounted` for a discounted measure, else `nominal`.
inline const ResultArray<double>& costs_for(const BudgetMeasure& measure, const ResultArray<double>& nominal,
                                            const ResultArray<double>& discounted) {
  return measure.discounted ? discounted : nominal;
}

/// Per replicate, the sum of `costs` [replicate, year, category] in `year` over the categories
/// whose label starts with `prefix` ("" for all).
std::vector<double> replicate_totals(const ResultArray<double>& costs, const std::vector<std::string>& categories,
                                     std::size_t year, const std::string& prefix);

/// The same, summed over every year (the whole horizon), replicate by replicate.
std::vector<double> replicate_totals_over_years(const ResultArray<double>& costs, const std::vector<std::string>& categories,
                                                const std::string& prefix);

/// budget.csv: year_start,year_end,measure,statistic,value: one row per reporting year, measure
/// and summary statistic (mean, sd, q05 ... q95 over replicates), in the scenario's currency (not
/// millions), each total added up per replicate. Every row is one reporting year, so a pivot or
/// SUMIF by year_start counts each year once. Needs the result's costs.
void write_budget_csv(const ResultFile& file, const std::filesystem::path& path);

/// budget_horizon.csv: start,end,measure,statistic,value: the same measures over the whole
/// horizon (start the start date, end the horizon), each added up per replicate over every year
/// before its summary. A file of its own, so that no horizon total sits among the years. Needs the
/// result's costs.
void write_budget_horizon_csv(const ResultFile& file, const std::filesystem::path& path);

}  // namespace carecast::output
