#include <fmt/format.h>

#include <algorithm>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "cli/scenario_warnings.hpp"
#include "cli/output_over_input.hpp"
#include "cli/output_path_validator.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_provenance.hpp"
#include "cli/seed_validator.hpp"
#include "cli/whole_number_validator.hpp"
#include "models/scenario/comparison_checks.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/scenario/sweep_reader.hpp"
#include "models/simulation.hpp"
#include "output/comparison_report.hpp"
#include "output/comparison_writer.hpp"
#include "output/result_target.hpp"

namespace carecast::cli {

namespace {

struct CompareOptions {
  std::vector<std::string> scenarios;
  std::string output = "comparison.h5";
  std::size_t replicates = 0;
  int threads = 0;
  std::uint64_t seed = 0;
  bool force = false;
  bool quiet = false;
  CLI::Option* seed_option = nullptr;
};

/// A scenario's name as the name of its HDF5 group: a '/' would open another group, so it
/// becomes '-' ("Kin/foster" gives "Kin-foster"); "", "." and ".." become "scenario".
std::string group_name_of(std::string name) {
  std::replace(name.begin(), name.end(), '/', '-');
  return name.empty() || name == "." || name == ".." ? "scenario" : name;
}

/// The scenarios' names, made usable as group names and unique (a second "baseline" becomes
/// "baseline-2").
std::vector<std::string> unique_names(const std::vector<models::Scenario>& scenarios) {
  std::vector<std::string> names;
  std::set<std::string> used;
  for (const models::Scenario& s : scenarios) {
    std::string base_name = group_name_of(s.name), name = base_name;
    for (int n = 2; used.count(name); ++n) name = fmt::format("{}-{}", base_name, n);
    used.insert(name);
    names.push_back(name);
  }
  return names;
}

/// The scenarios of one alternative's file: the scenario, or for a sweep each combination, named
/// by its values ("Family support ... [uptake = 0.3, multiplier = 0.8]"), so that each gets its
/// own net present value and payback year against the base.
void add_alternatives(const std::string& path, std::vector<models::Scenario>& scenarios) {
  models::Sweep sweep = models::read_sweep(path);
  for (std::size_t i = 0; i < sweep.combinations.size(); ++i) {
    models::Scenario scenario = std::move(sweep.combinations[i].scenario);
    if (sweep.is_sweep()) scenario.name += " [" + sweep.describe(i) + "]";
    scenarios.push_back(std::move(scenario));
  }
}

/// Before anything runs: every alternative needs the base's horizon, states and money.
void check_comparable(const std::vector<models::Scenario>& scenarios) {
  for (std::size_t i = 1; i < scenarios.size(); ++i) models::check_comparable(scenarios.front(), scenarios[i]);
}

output::ComparedScenario run_one(const models::Scenario& scenario, const std::string& name,
                                 const models::RunOptions& run, const CommandContext& context, ProgressDisplay& display) {
  models::RunResult result = models::simulate(scenario, run, context.communicator,
                                              [&](std::size_t done, std::size_t total) { display.update(done, total); });
  output::ComparedScenario compared{name, result.provenance,
                                    models::combination_name(scenario.interventions.combine), {}};
  if (context.communicator.is_root()) compared.metrics = output::scenario_metrics(result);
  return compared;
}

models::RunOptions run_options(const CompareOptions& options, const models::Scenario& base) {
  models::RunOptions run;
  run.replicates = options.replicates ? options.replicates : base.simulation.replicates;
  run.seed_given = true;
  run.seed = options.seed_option->count() > 0 ? options.seed : base.simulation.seed;
  return run;
}

void compare(const CompareOptions& options, const CommandContext& context) {
  auto clock = std::chrono::steady_clock::now();
  std::string started = current_utc_time();
  std::vector<models::Scenario> scenarios{models::read_scenario(options.scenarios.front())};
  for (std::size_t i = 1; i < options.scenarios.size(); ++i) add_alternatives(options.scenarios[i], scenarios);
  check_comparable(scenarios);
  if (context.communicator.is_root()) print_scenario_warnings(scenarios);
  for (const models::Scenario& scenario : scenarios)
    refuse_output_over_inputs("--output", options.output, scenario.input_files);
  if (context.communicator.is_root()) output::check_result_target(options.output, options.force);

  int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  models::RunOptions run = run_options(options, scenarios.front());
  std::vector<std::string> names = unique_names(scenarios);
  output::ComparisonResult result;
  ProgressDisplay display("replicates");
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    result.scenarios.push_back(run_one(scenarios[i], names[i], run, context, display));
  if (!context.communicator.is_root()) return;
  for (std::size_t i = 1; i < scenarios.size(); ++i)
    result.comparisons.push_back(output::compare_paired(result.scenarios.front().metrics, result.scenarios[i].metrics,
                                                        names.front(), names[i]));
  result.run.seed = run.seed;
  result.run.replicates = run.replicates;
  fill_run_provenance(result.run, context, threads, started,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock).count());
  output::write_comparison(result, options.output, options.force);
  if (options.quiet) return;
  std::string currency = scenarios.front().costs.enabled ? scenarios.front().costs.currency : "";
  fmt::print("{} written in {:.1f} s.\n\n{}", options.output, result.run.wall_seconds,
             output::format_comparison(result, currency));
}

}  // namespace

void add_compare_command(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* command = app.add_subcommand(
      "compare",
      "Run a base scenario and one or more alternatives with common random numbers (the same seed and\n"
      "replicates, so the same child gets the same draws in every scenario) and report, per replicate\n"
      "and with 90 % intervals, how each alternative differs from the base: new placements, children\n"
      "placed by state, breakdowns, school changes, exam passes, FTE needed, cost per year, cumulative\n"
      "net cost, net present value and the payback year.");
  command->add_option("BASE", options->scenarios, "The base scenario, then each alternative (YAML files). An alternative may be a sweep: "
                      "each of its combinations is then an alternative, named by its values, and a table at the "
                      "end gives every alternative's net present value and payback.")
      ->required()
      ->expected(2, -1);
  command->add_option("-o,--output", options->output, "The comparison file to write (default: comparison.h5).")
      ->check(output_path_validator());
  command->add_option("-r,--replicates", options->replicates,
                      "Replicates of every scenario (default: the base scenario's simulation.replicates).")
      ->check(whole_number_validator(1, 1000000));
  command->add_option("-t,--threads", options->threads, "Worker threads (default: all cores).")
      ->check(whole_number_validator(1, 4096));
  options->seed_option =
      command->add_option("-s,--seed", options->seed, "Master seed of every scenario (default: the base scenario's).")
          ->transform(seed_validator());
  command->add_flag("-f,--force", options->force, "Overwrite the comparison file if it exists.");
  command->add_flag("-q,--quiet", options->quiet, "Do not print the tables.");
  command->footer(
      "All scenarios must share the start date, horizon (years or end), grid, reporting years\n"
      "(year_begins), parameter uncertainty and the states that are not exits, in order, and count\n"
      "money alike: a costs section in all or none, with the same currency, price year, price index\n"
      "(or growth) and discount rate, and caseworkers costed in all or none (checked\n"
      "before anything runs; a difference is an input error naming the key and both values). To see another discount\n"
      "rate, compare every scenario at that rate. A difference is the alternative minus the base,\n"
      "replicate by replicate; net cost is the alternative's cost minus\n"
      "the base's (negative: a saving). The net present value is minus the discounted net cost summed\n"
      "over the horizon (positive: the alternative saves more than it costs). The payback year is the\n"
      "first year from which the cumulative discounted net cost stays at or below zero, not before\n"
      "the first year in which the alternative's money differs from the base's. Money is in\n"
      "millions of the base scenario's currency. The file holds every figure per replicate and its\n"
      "summary (docs/output-schema.md, 'Comparison files').\n"
      "Example: carecast compare scenarios/baseline.yaml scenarios/family-support-12-17.yaml -o fs.h5");
  command->callback([options, &context] { compare(*options, context); });
}

}  // namespace carecast::cli
