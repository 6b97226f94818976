#include "cli/sweep_runner.hpp"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "cli/progress_display.hpp"
#include "cli/run_provenance.hpp"
#include "output/sweep_figures.hpp"
#include "output/sweep_summary.hpp"
#include "output/sweep_write_queue.hpp"
#include "output/sweep_writer.hpp"

namespace carecast::cli {

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

output::SweepTable table_of(const models::Sweep& sweep) {
  output::SweepTable table{sweep.keys, {}, {}, sweep.grid};
  for (const models::SweepCombination& combination : sweep.combinations) {
    table.values.push_back(combination.values);
    table.numbers.push_back(combination.numbers);
  }
  return table;
}

/// What rank 0 keeps of the runs: the seed and replicates they used, and their figures.
struct SweepRecord {
  models::Provenance first;
  std::vector<std::vector<output::HorizonFigure>> figures;
};

/// Runs every combination; on rank 0 (with a writer) keeps their figures and writes each result
/// while the next combination runs.
void run_combinations(const models::Sweep& sweep, const SweepRunSettings& settings, const CommandContext& context,
                      output::SweepWriter* writer, SweepRecord& record) {
  std::size_t count = sweep.combinations.size();
  ProgressDisplay display(fmt::format("sweep of {} combinations, replicates", count));
  std::optional<output::SweepWriteQueue> queue;
  if (writer != nullptr) queue.emplace(*writer);
  for (std::size_t c = 0; c < count; ++c) {
    auto clock = std::chrono::steady_clock::now();
    std::string started = current_utc_time();
    models::RunResult result =
        models::simulate(sweep.combinations[c].scenario, settings.run, context.communicator,
                         [&](std::size_t done, std::size_t total) { display.update(c * total + done, count * total); });
    if (!queue) continue;  // not rank 0
    fill_run_provenance(result.provenance, context, settings.threads, started, seconds_since(clock));
    if (c == 0) record.first = result.provenance;
    record.figures.push_back(output::horizon_figures(result));
    queue->write(c, std::move(result));
  }
  if (queue) queue->wait();
}

models::Provenance sweep_provenance(const models::Sweep& sweep, const SweepRunSettings& settings,
                                    const CommandContext& context, const models::Provenance& first) {
  models::Provenance run;
  fill_run_provenance(run, context, settings.threads, settings.started, seconds_since(settings.started_clock));
  run.scenario_path = sweep.path;
  run.scenario_text = sweep.resolved_text;
  run.scenario_sha256 = sweep.sha256;
  run.seed = first.seed;
  run.replicates = first.replicates;
  run.parameter_uncertainty = first.parameter_uncertainty;
  return run;
}

}  // namespace

double run_sweep(const models::Sweep& sweep, const SweepRunSettings& settings, const CommandContext& context) {
  SweepRecord record;
  if (!context.communicator.is_root()) {
    run_combinations(sweep, settings, context, nullptr, record);
    return 0.0;
  }
  double seconds = 0.0;
  output::write_sweep_file(settings.target, settings.force, sweep.combinations.size(), [&](output::SweepWriter& writer) {
    run_combinations(sweep, settings, context, &writer, record);
    models::Provenance run = sweep_provenance(sweep, settings, context, record.first);
    writer.finish(output::summarize_sweep(table_of(sweep), record.figures), run);
    seconds = run.wall_seconds;
  });
  return seconds;
}

}  // namespace carecast::cli
