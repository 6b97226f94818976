#pragma once
// The compiled model and program each replicate runs. Without parameter uncertainty every
// replicate shares one; with it, each replicate of this process gets its own, built from its
// own draws of the intervention values and (with simulation.parameter_uncertainty) of the
// estimated rates.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/interacting_replicate.hpp"
#include "engine/replicate_kernel.hpp"
#include "engine/replicate_runner.hpp"
#include "models/model_builder.hpp"

namespace carecast::models {

class ReplicateModels {
 public:
  ReplicateModels(const Scenario& scenario, std::uint64_t seed, engine::ReplicateRange range);

  bool per_replicate() const { return !bundles_.empty(); }
  /// The model of the shared bundle (the central values), for what does not vary by replicate.
  const CompiledScenario& shared() const { return central_->compiled; }
  const CompiledScenario& compiled(std::size_t replicate) const { return bundle(replicate).compiled; }
  const engine::ReplicateProgram& program(std::size_t replicate) const;
  /// The independent-children kernel alone (without the pool's interaction).
  const engine::ReplicateKernel& kernel(std::size_t replicate) const { return bundle(replicate).kernel; }

 private:
  struct Bundle {
    explicit Bundle(CompiledScenario model);
    CompiledScenario compiled;
    engine::ReplicateKernel kernel;
    std::optional<engine::InteractingReplicate> interacting;
  };
  const Bundle& bundle(std::size_t replicate) const;

  std::unique_ptr<Bundle> central_;
  std::vector<std::unique_ptr<Bundle>> bundles_;  // by replicate - first, when per replicate
  std::size_t first_ = 0;
};

}  // namespace carecast::models
