#include "models/estimated_rate_draws.hpp"

#include <boost/math/distributions/gamma.hpp>
#include <string>

#include "models/intervention_values.hpp"

namespace carecast::models {

namespace {

bool rate_has_standard_errors(const BandedRate& rate) { return rate.has_standard_errors(); }

double gamma_quantile(double mean, double sd, double u) {
  double shape = (mean / sd) * (mean / sd);
  boost::math::gamma_distribution<double> gamma(shape, sd * sd / mean);
  return boost::math::quantile(gamma, u);
}

/// Replaces each estimated value of `rate` by its draw; `identity` names the rate.
void draw_rate(BandedRate& rate, const std::string& identity, engine::StreamKey replicate) {
  for (std::size_t i = 0; i < rate.values.size() && i < rate.standard_errors.size(); ++i) {
    double mean = rate.values[i];
    double sd = rate.standard_errors[i];
    if (!(sd > 0.0) || !(mean > 0.0)) continue;
    auto stream = engine::make_stream(replicate, parameter_identity(identity + "/" + std::to_string(i)),
                                      engine::Purpose::parameter_draw);
    rate.values[i] = gamma_quantile(mean, sd, engine::draw_uniform(stream));
  }
}

std::string transition_identity(const Scenario& scenario, const TransitionSpec& transition) {
  std::string identity = "transition/" + scenario.states[transition.from].name + "/" +
                         scenario.states[transition.to].name;
  return transition.breakdown ? identity + "/breakdown" : identity;
}

}  // namespace

bool draws_estimated_rates(const Scenario& scenario) {
  if (!scenario.simulation.parameter_uncertainty) return false;
  if (rate_has_standard_errors(scenario.entries.rate_per_1000)) return true;
  for (const TransitionSpec& transition : scenario.transitions)
    if (rate_has_standard_errors(transition.hazard)) return true;
  return false;
}

Scenario with_drawn_rates(const Scenario& scenario, engine::StreamKey replicate) {
  Scenario drawn = scenario;
  draw_rate(drawn.entries.rate_per_1000, "entries/rate_per_1000", replicate);
  for (TransitionSpec& transition : drawn.transitions)
    draw_rate(transition.hazard, transition_identity(scenario, transition), replicate);
  return drawn;
}

}  // namespace carecast::models
