#include "models/simulation.hpp"

#include <optional>
#include <stdexcept>

#include "engine/interacting_replicate.hpp"
#include "engine/markov_projection.hpp"
#include "models/care_tally.hpp"
#include "models/config/input_error.hpp"
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
  result.grid_step = engine::grid_step_name(scenario.simulation.grid);
  result.provenance.scenario_path = scenario.path;
  result.provenance.scenario_text = scenario.resolved_text;
  result.provenance.scenario_sha256 = scenario.sha256;
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
  return engine::project_expected_stock(engine::ProjectionSetup{
      compiled.model, compiled.arrivals, compiled.initial, compiled.span, compiled.grid});
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

  CareTally tally(scenario, models);
  engine::ReplicateRunner runner(
      [&](std::size_t replicate) -> const engine::ReplicateProgram& { return models.program(replicate); },
      tally.layout(), tally.observers(), tally.finisher());
  auto local = runner.run(range, seed, communicator.is_root() ? progress : engine::ProgressCallback{});
  result.layout = tally.layout();
  result.replicates = engine::gather_tallies(communicator, std::move(local), tally.layout());
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
