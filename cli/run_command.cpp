#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/scenario_warnings.hpp"
#include "cli/output_over_input.hpp"
#include "cli/output_path_validator.hpp"
#include "cli/progress_display.hpp"
#include "cli/result_summary_printer.hpp"
#include "cli/run_provenance.hpp"
#include "cli/seed_validator.hpp"
#include "cli/whole_number_validator.hpp"
#include "cli/sweep_runner.hpp"
#include "models/config/input_error.hpp"
#include "models/scenario/sweep_reader.hpp"
#include "models/simulation.hpp"
#include "models/calibration/generic_episode_writer.hpp"
#include "models/calibration/text_file_writer.hpp"
#include "output/output_error.hpp"
#include "output/result_target.hpp"
#include "output/result_writer.hpp"
#include "output/sweep_file.hpp"
#include "output/sweep_report.hpp"

namespace carecast::cli {

namespace {

struct RunCommandOptions {
  std::string scenario;
  std::string output;
  std::size_t replicates = 0;
  int threads = 0;
  std::uint64_t seed = 0;
  bool force = false;
  bool analytic = false;
  bool quiet = false;
  bool parameter_uncertainty = false;
  std::string episodes;                           // CSV of simulated episodes, if asked for
  std::vector<std::size_t> episode_replicates{0};
  CLI::Option* seed_option = nullptr;
};

std::filesystem::path output_path(const RunCommandOptions& options) {
  if (!options.output.empty()) return options.output;
  return std::filesystem::path(options.scenario).stem().string() + ".h5";
}

/// Checks the target on rank 0 and makes every rank stop if it is refused.
void check_target_on_all_ranks(const std::filesystem::path& target, bool force,
                               const engine::Communicator& communicator) {
  std::string problem;
  if (communicator.is_root()) {
    try {
      output::check_result_target(target, force);
    } catch (const output::OutputError& error) {
      problem = error.what();
    }
  }
  if (!communicator.all(problem.empty()))
    throw output::OutputError(problem.empty() ? "rank 0 cannot write the result" : problem);
}

models::RunOptions run_options(const RunCommandOptions& options) {
  models::RunOptions run;
  run.replicates = options.replicates;
  run.seed = options.seed;
  run.seed_given = options.seed_option->count() > 0;
  if (!options.episodes.empty()) run.episode_replicates = options.episode_replicates;
  return run;
}

models::RunResult compute(const models::Scenario& scenario, const RunCommandOptions& options,
                          const CommandContext& context) {
  if (options.analytic) return models::project_analytic(scenario);
  models::RunOptions run = run_options(options);
  ProgressDisplay display("replicates");
  return models::simulate(scenario, run, context.communicator,
                          [&](std::size_t done, std::size_t total) { display.update(done, total); });
}

void refuse_analytic_sweep(const models::Sweep& sweep, const RunCommandOptions& options) {
  if (options.analytic && sweep.is_sweep())
    throw models::InputError(sweep.where, "sweep",
                             "'run --analytic' computes one scenario; run the sweep without --analytic, or drop "
                             "'sweep' for the analytic projection of one scenario");
}

void run_one_sweep(const models::Sweep& sweep, const RunCommandOptions& options, const CommandContext& context,
                   const SweepRunSettings& settings) {
  double seconds = run_sweep(sweep, settings, context);
  if (!context.communicator.is_root() || options.quiet) return;
  output::SweepFile file(settings.target);
  fmt::print("{}: {} written in {:.1f} s ({} combinations × {} replicates, {} threads, {} ranks).\n\n",
             options.scenario, settings.target.string(), seconds, file.combinations(), file.provenance().replicates,
             settings.threads, context.communicator.size());
  fmt::print("{}", output::format_sweep_summary(file));
}

void refuse_episodes_of_sweep(const models::Sweep& sweep, const RunCommandOptions& options) {
  if (options.episodes.empty()) return;
  if (options.analytic) throw CLI::ValidationError("--episodes", "analytic mode simulates no episodes");
  if (sweep.is_sweep())
    throw models::InputError(sweep.where, "sweep", "--episodes writes the episodes of one scenario, not of a sweep");
}

/// --episode-replicates names replicates of this run: a command-line error, found before running.
void refuse_missing_episode_replicates(const models::Sweep& sweep, const RunCommandOptions& options) {
  if (options.episodes.empty() || options.episode_replicates.empty()) return;
  std::size_t replicates = options.replicates > 0 ? options.replicates
                                                  : sweep.combinations.front().scenario.simulation.replicates;
  std::size_t highest = *std::max_element(options.episode_replicates.begin(), options.episode_replicates.end());
  if (highest >= replicates)
    throw CLI::ValidationError("--episode-replicates",
                               fmt::format("replicate {} does not exist: the run has {} replicates, numbered 0 to {}",
                                           highest, replicates, replicates - 1));
}

/// The chosen replicates' episodes, in one list; with several replicates each child id is
/// prefixed with its replicate ("r3-1042").
std::vector<models::calibration::Episode> simulated_episodes(const models::RunResult& result) {
  std::vector<models::calibration::Episode> all;
  bool prefix = result.episodes.size() > 1;
  for (std::size_t i = 0; i < result.episodes.size(); ++i)
    for (models::calibration::Episode episode : result.episodes[i].episodes) {
      if (prefix) episode.child = fmt::format("r{}-{}", result.episode_replicates[i], episode.child);
      all.push_back(std::move(episode));
    }
  return all;
}

/// The episode file (generic episode format), to be published together with the result.
output::FileToWrite episode_file_to_write(const std::vector<models::calibration::Episode>& episodes,
                                          const std::filesystem::path& target) {
  return {target, [&episodes, target](const std::filesystem::path& temporary) {
            try {
              models::calibration::write_generic_episodes(temporary, episodes);
            } catch (const models::calibration::FileWriteError& error) {
              throw output::OutputError(
                  fmt::format("cannot write episode file '{}': {}", target.string(), error.what()));
            }
          }};
}

/// Writes the result and, if asked for, the episode file: both or neither.
void write_outputs(const models::RunResult& result, const std::filesystem::path& target,
                   const RunCommandOptions& options) {
  std::vector<models::calibration::Episode> episodes;
  std::vector<output::FileToWrite> files{output::result_file_to_write(result, target)};
  if (!options.episodes.empty()) {
    episodes = simulated_episodes(result);
    files.push_back(episode_file_to_write(episodes, options.episodes));
  }
  output::write_all_atomically(files, options.force);
}

void refuse_episodes_onto_result(const RunCommandOptions& options) {
  if (options.episodes.empty() || !same_file(options.episodes, output_path(options))) return;
  throw CLI::ValidationError(
      "--episodes", fmt::format("the episode file '{}' is the result file (-o,--output '{}'); give them different names",
                                options.episodes, output_path(options).string()));
}

void refuse_outputs_over_inputs(const models::Sweep& sweep, const RunCommandOptions& options) {
  for (const models::SweepCombination& combination : sweep.combinations) {
    refuse_output_over_inputs("--output", output_path(options), combination.scenario.input_files);
    if (!options.episodes.empty())
      refuse_output_over_inputs("--episodes", options.episodes, combination.scenario.input_files);
  }
}

void run(const RunCommandOptions& options, const CommandContext& context) {
  refuse_episodes_onto_result(options);
  auto started_clock = std::chrono::steady_clock::now();
  std::string started = current_utc_time();
  models::Sweep sweep = models::read_sweep(options.scenario);
  refuse_outputs_over_inputs(sweep, options);
  refuse_analytic_sweep(sweep, options);
  refuse_episodes_of_sweep(sweep, options);
  refuse_missing_episode_replicates(sweep, options);
  if (context.communicator.is_root()) print_scenario_warnings(sweep);
  if (options.parameter_uncertainty)
    for (auto& combination : sweep.combinations) combination.scenario.simulation.parameter_uncertainty = true;
  std::filesystem::path target = output_path(options);
  check_target_on_all_ranks(target, options.force, context.communicator);
  if (!options.episodes.empty()) check_target_on_all_ranks(options.episodes, options.force, context.communicator);

  int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  if (sweep.is_sweep())
    return run_one_sweep(sweep, options, context,
                         {target, options.force, run_options(options), threads, started, started_clock});
  const models::Scenario& scenario = sweep.combinations.front().scenario;
  models::RunResult result = compute(scenario, options, context);
  if (!context.communicator.is_root()) return;

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_clock).count();
  fill_run_provenance(result.provenance, context, threads, started, seconds);
  write_outputs(result, target, options);
  if (options.quiet) return;
  fmt::print("{}: {} written in {:.1f} s ({} threads, {} ranks).\n\n", options.scenario,
             target.string(), seconds, threads, context.communicator.size());
  print_result_summary(target);
}

}  // namespace

void add_run_command(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<RunCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "run", "Simulate a scenario: every replicate follows each child through care, and the result "
             "(stocks, flows, summaries, provenance) is written to an HDF5 file.");
  command->add_option("SCENARIO", options->scenario, "The scenario file (YAML).")->required();
  command->add_option("-o,--output", options->output,
                      "The result file to write (default: the scenario file's name with .h5, in the current "
                      "folder: scenarios/baseline.yaml gives ./baseline.h5).")
      ->check(output_path_validator());
  command->add_option("-r,--replicates", options->replicates,
                      "Number of Monte Carlo replicates (default: the scenario's simulation.replicates).")
      ->check(whole_number_validator(1, 1000000));
  command->add_option("-t,--threads", options->threads,
                      "Worker threads (default: all cores). Results do not depend on it.")
      ->check(whole_number_validator(1, 4096));
  options->seed_option = command->add_option(
      "-s,--seed", options->seed, "Master seed (default: the scenario's simulation.seed). The same seed gives "
                                  "the same result, and the same draws to the same child in another scenario.")
      ->transform(seed_validator());
  command->add_flag("-f,--force", options->force, "Overwrite the result file if it exists.");
  command->add_flag("--analytic", options->analytic,
                    "Compute the expected stock by matrix algebra instead of simulating (Markov "
                    "scenarios only: hazards by state, age and period, none by time in state or "
                    "prior breakdowns; no intervention that acts on entries, no foster-carer pool "
                    "and no caseload feedback).");
  command->add_flag("-q,--quiet", options->quiet, "Do not print the summary table.");
  command->add_flag("--parameter-uncertainty", options->parameter_uncertainty,
                    "Draw every estimated rate (one with an `se`, as `carecast calibrate` writes) per replicate "
                    "from its sampling distribution (the same as simulation.parameter_uncertainty: true).");
  command->add_option("--episodes", options->episodes,
                      "Also write the simulated episodes of chosen replicates to this CSV, in the generic episode "
                      "format that `carecast calibrate` reads (docs/episode-formats.md); written together with the result, so that "
                      "a failure leaves neither. It cannot be the result file.")
      ->check(output_path_validator());
  command->add_option("--episode-replicates", options->episode_replicates,
                      "The replicates (from 0) whose episodes --episodes writes (default 0).")
      ->delimiter(',')
      ->needs("--episodes");
  command->footer(
      "The file is written under a temporary name and renamed when complete; an existing file is\n"
      "never overwritten without --force, and a file the scenario reads (its YAML files and tables)\n"
      "never. Under mpirun, replicates are spread over the ranks and\n"
      "rank 0 writes the file; results are identical for any number of threads and ranks.\n"
      "A scenario with a 'sweep:' section runs once for each combination of the values it lists,\n"
      "all with the same seed and replicates (common random numbers), one after the other; every\n"
      "combination is checked before the first runs. The one file holds each combination's result\n"
      "in a group (/combinations/00, ...) and a table over the grid: children placed at the end,\n"
      "new placements, breakdowns and cost over the horizon, and their paired differences from\n"
      "combination 0 (docs/scenario-reference.md, 'Sweeps'). --analytic does not apply to a sweep.\n"
      "Example: carecast run scenarios/baseline.yaml -o baseline.h5 --replicates 200\n"
      "         carecast run scenarios/family-support-sweep.yaml -o fs-sweep.h5");
  command->callback([options, &context] { run(*options, context); });
}

}  // namespace carecast::cli
