#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/output_path_validator.hpp"
#include "output/comparison_export.hpp"
#include "output/comparison_file.hpp"
#include "output/csv_export.hpp"
#include "output/result_file.hpp"
#include "output/sweep_export.hpp"
#include "output/sweep_file.hpp"

namespace carecast::cli {

namespace {

struct ExportOptions {
  std::string result;
  std::string csv;
  bool replicates = false;
  bool force = false;
};

void export_sweep(const ExportOptions& options) {
  output::SweepFile sweep(options.result);
  std::vector<std::filesystem::path> files =
      output::export_sweep_csv(sweep, options.csv, {options.replicates, options.force});
  fmt::print("{}: a sweep of {} combinations; {} CSV files written to '{}'.\n", options.result,
             sweep.combinations(), files.size(), options.csv);
}

void export_comparison(const ExportOptions& options) {
  output::ComparisonFile comparison(options.result);
  std::vector<std::filesystem::path> files =
      output::export_comparison_csv(comparison, options.csv, {options.replicates, options.force});
  std::size_t alternatives = comparison.alternatives().size();
  fmt::print("{}: a comparison of {} alternative{}; {} CSV files written to '{}'.\n", options.result, alternatives,
             alternatives == 1 ? "" : "s", files.size(), options.csv);
}

void export_result(const ExportOptions& options) {
  if (output::SweepFile::is_sweep_file(options.result)) return export_sweep(options);
  if (output::ComparisonFile::is_comparison_file(options.result)) return export_comparison(options);
  output::ResultFile result(options.result);
  std::vector<std::filesystem::path> files =
      output::export_csv(result, options.csv, {options.replicates, options.force});
  fmt::print("{}: {} CSV files written to '{}'.\n", options.result, files.size(), options.csv);
}

}  // namespace

void add_export_command(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = app.add_subcommand(
      "export", "Write a result, sweep or comparison file as CSV files for a spreadsheet: one table per "
                "array, in long form, with dates, state names and statistics written out.");
  command->add_option("RESULT", options->result,
                      "A result or sweep file written by 'carecast run', or a comparison file written by "
                      "'carecast compare'.")
      ->required();
  command->add_option("--csv", options->csv,
                      "The folder to write the CSV files into. It must not exist, or be empty.")
      ->type_name("DIR")
      ->check(output_path_validator())
      ->required();
  command->add_flag("--replicates", options->replicates,
                    "Also write every replicate's values, in DIR/replicates/ (large files).");
  command->add_flag("-f,--force", options->force, "Replace DIR if it holds an earlier export and nothing else.");
  command->footer(
      "Files in DIR:\n"
      "  provenance.csv      key,value: scenario_path, scenario_sha256, seed, replicates,\n"
      "                      engine_version, git_commit, grid_step, schema_version, start,\n"
      "                      horizon, year_starts; with costs also currency, price_year,\n"
      "                      prices and discount_rate\n"
      "  A.csv               for each array A (stock, entries, transitions, exits, moves, ...):\n"
      "                      the summary over replicates, one row per cell and statistic\n"
      "  replicates/A.csv    with --replicates: one row per cell and replicate (counts whole)\n"
      "  analytic_stock.csv  for a result of 'run --analytic': date,state,value\n"
      "  budget.csv          for a scenario with costs: year_start,year_end,measure,statistic,\n"
      "                      value; the measures total, total_discounted, care_days, one_off,\n"
      "                      interventions (and caseworkers, when costed) for each reporting\n"
      "                      year, each added up per\n"
      "                      replicate before its summary; one row per year, measure and\n"
      "                      statistic, so a pivot or SUMIF by year_start counts each year once\n"
      "  budget_horizon.csv  for a scenario with costs: start,end,measure,statistic,value; the\n"
      "                      same measures over the whole horizon (start date to horizon), in a\n"
      "                      file of its own so that no total sits among the years\n"
      "Columns: one per axis of the array, then statistic (or replicate), then value. E.g.\n"
      "stock.csv has date,state,statistic,value and transitions.csv\n"
      "from,to,from_state,to_state,statistic,value.\n"
      "  date                grid date (YYYY-MM-DD) of a stock\n"
      "  from,to             the grid dates that bound the interval of a flow: from <= t < to\n"
      "  state, from_state, to_state   state names\n"
      "  year_start,year_end the first day of a reporting year (budget, cohorts, exams, leavers,\n"
      "                      comparisons) and of the next (the horizon for the last): a short\n"
      "                      year shows\n"
      "  statistic           mean, sd, q05, q25, q50, q75, q95 (q05 to q95: the 90 % interval)\n"
      "  replicate           0, 1, 2, ...\n"
      "  other axes          their labels (e.g. cause: carer_initiated, other) where the result\n"
      "                      has them, else 0, 1, 2, ... (count: 6 means 6 or more)\n"
      "Numbers have a '.' decimal point, no thousands separators, and as many digits as it takes\n"
      "to read back exactly. Text is UTF-8; fields with a comma, quote or line break are quoted.\n"
      "The files are written into a temporary folder beside DIR that is renamed to DIR when\n"
      "complete. A folder that is not empty is replaced only with --force, and only if it holds\n"
      "an earlier export (a provenance.csv) and nothing that an export of RESULT does not write\n"
      "(otherwise the first such file is named and nothing is touched).\n"
      "A sweep file gives provenance.csv; sweep.csv, one row per combination: combination,\n"
      "folder, each swept key's value, then the mean, q05 and q95 of each figure over the\n"
      "horizon (placed_at_end, new_placements, breakdowns, cost, cost_discounted) and of its\n"
      "paired difference from combination 0 (placed_at_end_difference_mean, ...); with\n"
      "--replicates also sweep_replicates.csv; and in combinations/00, combinations/01, ...\n"
      "each combination's export as above.\n"
      "A comparison file (of 'carecast compare') gives provenance.csv (kind, schema_version,\n"
      "seed, replicates, engine_version, git_commit, base, alternative_1, alternative_2, ...,\n"
      "each with its _path and _sha256, year_starts, horizon, and with costs currency,\n"
      "price_year, prices and discount_rate);\n"
      "comparison.csv, alternative,year_start,year_end,measure,statistic,value: each yearly\n"
      "paired difference, alternative minus base (new_placements, children_placed, breakdowns,\n"
      "..., cost, cost_discounted, cumulative_net_cost, cumulative_net_cost_discounted);\n"
      "comparison_totals.csv, alternative,measure,statistic,value, with no year column:\n"
      "net_present_value and payback_year (the reporting year, 1 for the first; its statistics\n"
      "are over the replicates that pay back within the horizon, nan if none do);\n"
      "comparison_payback.csv, alternative,mean_path_payback_year,mean_path_payback_year_start,\n"
      "share_paying_back: as compare prints them ('none' if the mean path does not pay back);\n"
      "comparison_placements.csv (year_start,year_end,state) and comparison_cost_by_category.csv\n"
      "(year_start,year_end,category: each alternative's own categories); scenarios.csv,\n"
      "scenario_placements.csv and scenario_cost_by_category.csv, the same for each scenario's\n"
      "own figures, with a scenario column; with --replicates the same tables in replicates/,\n"
      "with replicate instead of statistic.\n"
      "Examples: carecast export base.h5 --csv base-csv\n"
      "          carecast export fs.h5 --csv fs-csv      (a comparison: paired tables)");
  const engine::Communicator& communicator = context.communicator;
  command->callback([options, &communicator] {
    if (communicator.is_root()) export_result(*options);  // under mpirun, one rank writes
  });
}

}  // namespace carecast::cli
