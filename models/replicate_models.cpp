#include "models/replicate_models.hpp"

#include "models/estimated_rate_draws.hpp"

namespace carecast::models {

ReplicateModels::Bundle::Bundle(CompiledScenario model)
    : compiled(std::move(model)), kernel(compiled.model, compiled.arrivals, compiled.initial, compiled.span) {
  if (compiled.carer_pool || compiled.load_feedback) interacting.emplace(kernel, compiled.carer_pool, compiled.load_feedback);
}

ReplicateModels::ReplicateModels(const Scenario& scenario, std::uint64_t seed, engine::ReplicateRange range)
    : central_(std::make_unique<Bundle>(compile_scenario(scenario))), first_(range.first) {
  bool draw_interventions = has_uncertain_values(scenario.interventions);
  bool draw_rates = draws_estimated_rates(scenario);
  if (!draw_interventions && !draw_rates) return;
  for (std::size_t r = range.first; r < range.last; ++r) {
    engine::StreamKey replicate{seed, r};
    InterventionValues values = draw_interventions ? draw_values(scenario.interventions, replicate)
                                                   : central_values(scenario.interventions);
    if (draw_rates)
      bundles_.push_back(std::make_unique<Bundle>(compile_scenario(with_drawn_rates(scenario, replicate), values)));
    else
      bundles_.push_back(std::make_unique<Bundle>(compile_scenario(scenario, values)));
  }
}

const ReplicateModels::Bundle& ReplicateModels::bundle(std::size_t replicate) const {
  return bundles_.empty() ? *central_ : *bundles_[replicate - first_];
}

const engine::ReplicateProgram& ReplicateModels::program(std::size_t replicate) const {
  const Bundle& b = bundle(replicate);
  if (b.interacting) return *b.interacting;
  return b.kernel;
}

}  // namespace carecast::models
