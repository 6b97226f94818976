#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/progress_display.hpp"
#include "cli/result_summary_printer.hpp"
#include "cli/run_provenance.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "output/output_error.hpp"
#include "output/result_target.hpp"
#include "output/result_writer.hpp"

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

models::RunResult compute(const models::Scenario& scenario, const RunCommandOptions& options,
                          const CommandContext& context) {
  if (options.analytic) return models::project_analytic(scenario);
  models::RunOptions run;
  run.replicates = options.replicates;
  run.seed = options.seed;
  run.seed_given = options.seed_option->count() > 0;
  ProgressDisplay display("replicates");
  return models::simulate(scenario, run, context.communicator,
                          [&](std::size_t done, std::size_t total) { display.update(done, total); });
}

void run(const RunCommandOptions& options, const CommandContext& context) {
  auto started_clock = std::chrono::steady_clock::now();
  std::string started = current_utc_time();
  models::Scenario scenario = models::read_scenario(options.scenario);
  std::filesystem::path target = output_path(options);
  check_target_on_all_ranks(target, options.force, context.communicator);

  int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  models::RunResult result = compute(scenario, options, context);
  if (!context.communicator.is_root()) return;

  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_clock).count();
  fill_run_provenance(result.provenance, context, threads, started, seconds);
  output::write_result(result, target, options.force);
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
                      "The result file to write (default: the scenario's name with .h5, here).");
  command->add_option("-r,--replicates", options->replicates,
                      "Number of Monte Carlo replicates (default: the scenario's simulation.replicates).")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  command->add_option("-t,--threads", options->threads,
                      "Worker threads (default: all cores). Results do not depend on it.")
      ->check(CLI::Range(1, 4096));
  options->seed_option = command->add_option(
      "-s,--seed", options->seed, "Master seed (default: the scenario's simulation.seed). The same seed gives "
                                  "the same result, and the same draws to the same child in another scenario.")
      ->check(CLI::NonNegativeNumber);
  command->add_flag("-f,--force", options->force, "Overwrite the result file if it exists.");
  command->add_flag("--analytic", options->analytic,
                    "Compute the expected stock by matrix algebra instead of simulating (Markov "
                    "scenarios only: hazards by state, age and period, none by time in state or "
                    "prior breakdowns, and no foster-carer pool).");
  command->add_flag("-q,--quiet", options->quiet, "Do not print the summary table.");
  command->footer(
      "The file is written under a temporary name and renamed when complete; an existing file is\n"
      "never overwritten without --force. Under mpirun, replicates are spread over the ranks and\n"
      "rank 0 writes the file; results are identical for any number of threads and ranks.\n"
      "Example: carecast run scenarios/baseline.yaml -o baseline.h5 --replicates 200");
  command->callback([options, &context] { run(*options, context); });
}

}  // namespace carecast::cli
