#include "models/intervention_values.hpp"

#include <string>

namespace carecast::models {

namespace {

template <class Pick>
InterventionValues values_of(const InterventionsSpec& spec, Pick pick) {
  InterventionValues values;
  for (const InterventionSpec& intervention : spec.list) {
    const std::string& name = intervention.name;
    InterventionDraw draw;
    draw.uptake = pick(intervention.uptake, name + "/uptake");
    if (intervention.entry_rate) draw.entry_multiplier = pick(intervention.entry_rate->multiplier, name + "/entry_rate");
    if (intervention.redirect) draw.redirect_share = pick(intervention.redirect->share, name + "/redirect");
    for (std::size_t h = 0; h < intervention.hazards.size(); ++h)
      draw.hazard_multipliers.push_back(
          pick(intervention.hazards[h].multiplier, name + "/hazards/" + std::to_string(h)));
    values.push_back(draw);
  }
  return values;
}

}  // namespace

InterventionValues central_values(const InterventionsSpec& spec) {
  return values_of(spec, [](const UncertainValue& value, const std::string&) { return value.central(); });
}

InterventionValues draw_values(const InterventionsSpec& spec, engine::StreamKey key) {
  return values_of(spec, [key](const UncertainValue& value, const std::string& name) {
    return draw_for_replicate(value, key, parameter_identity(name));
  });
}

std::uint64_t parameter_identity(const std::string& name) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : name) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

bool has_uncertain_values(const InterventionsSpec& spec) {
  bool uncertain = false;
  values_of(spec, [&](const UncertainValue& value, const std::string&) {
    uncertain = uncertain || !value.is_fixed();
    return 0.0;
  });
  return uncertain;
}

}  // namespace carecast::models
