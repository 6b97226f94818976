#include "models/simulation.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

#include "engine/interacting_replicate.hpp"
#include "engine/markov_projection.hpp"
#include "models/care_tally.hpp"
#include "models/config/input_error.hpp"
#include "models/episode_recorder.hpp"
#include "models/model_builder.hpp"

namespace carecast::models {

namespace {

RunResult describe_run(const Scenario& scenario, const CompiledScenario& compiled) {
  RunResult result;
  for (const StateSpec& state : scenario.states)
    result.states.push_back({state.name, state.label, kind_name(state.kind)});
  for (std::size_t i = 0; i < compiled.grid.points(); ++i) {
    result.grid_dates.push_back(engine::format_iso_date(compiled.grid.dates()[i]));
    result.grid_days.push_back(compiled.grid.offset(i));
  }
  result.year_start_points = compiled.grid.year_start_points();
  result.grid_step = engine::grid_step_name(scenario.simulation.grid);
  result.provenance.scenario_path = scenario.path;
  result.provenance.scenario_text = scenario.resolved_text;
  result.provenance.scenario_sha256 = scenario.sha256;
  result.provenance.parameter_uncertainty = scenario.simulation.parameter_uncertainty;
  return result;
}

std::vector<double> analytic_stock(const Scenario& scenario, const CompiledScenario& compiled) {
  if (!compiled.model.markov())
    throw InputError(SourceLocation{scenario.path, 0, 0}, "transitions",
                     "analytic mode needs hazards that depend only on state, age and period; this "
                     "scenario has hazards that depend on time in state or on prior breakdowns");
  if (!compiled.arrivals.rules().empty())
    throw InputError(SourceLocation{scenario.path, 0, 0}, "interventions",
                     "analytic mode cannot follow interventions that act on entries (entry_rate, "
                     "redirect); run the simulation");
  if (compiled.carer_pool)
    throw InputError(SourceLocation{scenario.path, 0, 0}, "foster_carers",
                     "analytic mode cannot follow a finite foster-carer pool; drop the section "
                     "(foster_carers: ~) or run the simulation");
  if (compiled.load_feedback)
    throw InputError(SourceLocation{scenario.path, 0, 0}, "caseload.feedback",
                     "analytic mode cannot follow a caseload feedback (children's hazards then depend on "
                     "each other); drop caseload.feedback or run the simulation");
  return engine::project_expected_stock(engine::ProjectionSetup{
      compiled.model, compiled.arrivals, compiled.initial, compiled.span, compiled.grid});
}

/// The sinks of the chosen replicates that this rank runs, by replicate.
using EpisodeSinks = std::map<std::size_t, std::unique_ptr<EpisodeSink>>;

std::vector<std::size_t> chosen_replicates(const Scenario& scenario, const RunOptions& options, std::size_t replicates) {
  std::vector<std::size_t> chosen = options.episode_replicates;
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  if (!chosen.empty() && chosen.back() >= replicates)
    throw InputError(SourceLocation{scenario.path, 0, 0}, "episode_replicates",
                     fmt::format("replicate {} does not exist: the run has {} replicates, numbered 0 to {}",
                                 chosen.back(), replicates, replicates - 1));
  return chosen;
}

EpisodeSinks episode_sinks(const std::vector<std::size_t>& chosen, engine::ReplicateRange range) {
  EpisodeSinks sinks;
  for (std::size_t r : chosen)
    if (r >= range.first && r < range.last) sinks.emplace(r, std::make_unique<EpisodeSink>());
  return sinks;
}

/// The tally's observers, followed by an episode recorder in the replicates that have a sink.
engine::ObserverFactory with_episode_recorders(engine::ObserverFactory observers, const EpisodeSinks& sinks,
                                               const Scenario& scenario, const ReplicateModels& models) {
  if (sinks.empty()) return observers;
  return [observers = std::move(observers), &sinks, &scenario, &models](
             engine::Tally& tally, engine::StreamKey key) -> std::unique_ptr<engine::LifeObserver> {
    auto found = sinks.find(key.replicate);
    if (found == sinks.end()) return observers(tally, key);
    auto chain = std::make_unique<engine::ObserverChain>();
    chain->add(observers(tally, key));
    chain->add(std::make_unique<EpisodeRecorder>(scenario, models.compiled(key.replicate).exit_meanings,
                                                 *found->second));
    return chain;
  };
}

/// Every rank's recorded episodes, on rank 0, one EpisodeData per chosen replicate.
std::vector<calibration::EpisodeData> gather_episodes(const engine::Communicator& communicator, EpisodeSinks& sinks,
                                                      const Scenario& scenario, const CompiledScenario& compiled,
                                                      const std::vector<std::size_t>& chosen) {
  std::vector<std::int64_t> local;
  for (auto& [replicate, sink] : sinks) encode_episodes(sink->take_sorted(), replicate, local);
  std::vector<std::int64_t> all = communicator.gather(local);
  std::vector<calibration::EpisodeData> episodes;
  if (!communicator.is_root()) return episodes;
  auto by_replicate = decode_episodes(all);
  for (std::size_t r : chosen) {
    episodes.push_back(to_episode_data(by_replicate[r], scenario, compiled.calendar, compiled.span.horizon));
    episodes.back().file = fmt::format("{}#replicate-{}", scenario.path, r);
  }
  return episodes;
}

}  // namespace

RunResult simulate(const Scenario& scenario, const RunOptions& options,
                   const engine::Communicator& communicator,
                   const engine::ProgressCallback& progress) {
  std::size_t replicates = options.replicates ? options.replicates : scenario.simulation.replicates;
  std::uint64_t seed = options.seed_given ? options.seed : scenario.simulation.seed;
  auto range = engine::replicates_for_rank(replicates, communicator.rank(), communicator.size());
  ReplicateModels models(scenario, seed, range);
  RunResult result = describe_run(scenario, models.shared());
  result.provenance.seed = seed;
  result.provenance.replicates = replicates;
  if (options.analytic) result.analytic_stock = analytic_stock(scenario, models.shared());

  result.episode_replicates = chosen_replicates(scenario, options, replicates);
  EpisodeSinks sinks = episode_sinks(result.episode_replicates, range);

  CareTally tally(scenario, models);
  engine::ReplicateRunner runner(
      [&](std::size_t replicate) -> const engine::ReplicateProgram& { return models.program(replicate); },
      tally.layout(), with_episode_recorders(tally.observers(), sinks, scenario, models), tally.finisher());
  auto local = runner.run(range, seed, communicator.is_root() ? progress : engine::ProgressCallback{});
  result.layout = tally.layout();
  result.replicates = engine::gather_tallies(communicator, std::move(local), tally.layout());
  if (!result.episode_replicates.empty())
    result.episodes = gather_episodes(communicator, sinks, scenario, models.shared(), result.episode_replicates);
  return result;
}

RunResult project_analytic(const Scenario& scenario) {
  CompiledScenario compiled = compile_scenario(scenario);
  RunResult result = describe_run(scenario, compiled);
  result.analytic_stock = analytic_stock(scenario, compiled);
  result.layout = std::make_shared<engine::TallyLayout>();
  return result;
}

}  // namespace carecast::models
