#include "models/replicate_models.hpp"

namespace carecast::models {

ReplicateModels::Bundle::Bundle(CompiledScenario model)
    : compiled(std::move(model)), kernel(compiled.model, compiled.arrivals, compiled.initial, compiled.span) {
  if (compiled.carer_pool) interacting.emplace(kernel, *compiled.carer_pool);
}

ReplicateModels::ReplicateModels(const Scenario& scenario, std::uint64_t seed, engine::ReplicateRange range)
    : central_(std::make_unique<Bundle>(compile_scenario(scenario))), first_(range.first) {
  if (!has_uncertain_values(scenario.interventions)) return;
  for (std::size_t r = range.first; r < range.last; ++r)
    bundles_.push_back(std::make_unique<Bundle>(
        compile_scenario(scenario, draw_values(scenario.interventions, engine::StreamKey{seed, r}))));
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
