#pragma once
// The prior-breakdown factor f, as the simulator applies it: every breakdown hazard of a child
// with n earlier breakdowns in its current spell in care is base(transition, cell) × f^min(n, cap)
// (engine::Exit::counter, counter_factor, counter_cap, built in models/model_builder.cpp from
// `breakdowns:`), while planned moves and exits do not depend on n. A re-entry after an exit
// starts a new spell with n = 0 (exposure_table.hpp).
//
// Likelihood. With D[j,g,k] breakdowns of transition j in cell group g among children in prior
// bucket k = min(n, cap), and E[g,k] the exposure of j's state in g and bucket k,
//   log L = Σ D[j,g,k] (log b[j,g] + k θ) − b[j,g] Σ_k E[g,k] e^{kθ},     θ = log f.
// For fixed θ the base rates are b[j,g] = D[j,g,·] / Σ_k E[g,k] e^{kθ}. Putting them back gives
// the profile log-likelihood
//   l(θ) = Σ_{j,g,k} D[j,g,k] k θ − Σ_{j,g} D[j,g,·] log Σ_k E[g,k] e^{kθ},
// whose score is Σ_{j,g} (Σ_k D[j,g,k] k − D[j,g,·] m[g](θ)) and whose negative second
// derivative is Σ_{j,g} D[j,g,·] v[g](θ), with m and v the mean and variance of k under the
// weights E[g,k] e^{kθ}. It is concave, so Newton's method on θ converges; the negative second
// derivative of the profile equals the observed information for θ with the base rates
// profiled out, so se(θ) = 1 / sqrt(it). The interval is exp(θ ± 1.96 se(θ)), and
// se(f) = f · se(θ) (delta method).
//
// The base rates given f̂ replace the crude rates of the breakdown transitions: base = D / W
// with W = Σ_k E[g,k] f̂^k. The cells are the HazardEstimates' (pooled) groups.
//
// Standard errors of the base rates. The Poisson se sqrt(D) / W would be conditional on f̂ and
// too small, as θ̂ is estimated from the same breakdowns. The joint observed information of the
// base rates b[i] (i = (j, g), with D[i] > 0) and θ is a block matrix: diagonal D[i] / b[i]² for
// the base rates (they do not share terms), W'[i](θ) = Σ_k k E[g,k] e^{kθ} between b[i] and θ,
// and Σ_i b[i] W''[i](θ) for θ. Its inverse (block inversion; the Schur complement of the
// base-rate block is the profile information above) has the diagonal elements
//   var(b̂[i]) = b[i]² / D[i] + (b[i] m[i])² var(θ̂),    m[i] = W'[i] / W[i],
// so se(base) = base · sqrt(1 / D + m² se(θ)²): the Poisson part plus θ̂'s, through
// d log W / dθ = m. A group without breakdowns has base 0 and se 0.
//
// Their 95 % interval starts from the exact (Garwood) interval with exposure W, exact given f̂,
// and widens it on the log scale by θ̂'s part: each half-width h = |log(end / base)| becomes
// sqrt(h² + (1.96 m se(θ))²). For large counts this is base · exp(±1.96 se(base) / base), the
// interval of the se above on the log scale; for few events it keeps Garwood's asymmetry. With
// no breakdowns the upper end is Garwood's times exp(1.96 m se(θ)).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "models/calibration/exposure_table.hpp"
#include "models/calibration/hazard_estimates.hpp"

namespace carecast::models::calibration {

struct BreakdownFactorEstimate {
  bool estimable = false;
  std::string reason;  // why not, when not estimable
  double factor = 1.0;
  double se = 0.0;       // of the factor
  double log_se = 0.0;   // of log factor
  double lower = 0.0;    // 95 % interval of the factor
  double upper = 0.0;
  int cap = 4;
  std::int64_t breakdowns = 0;        // breakdowns in the likelihood
  std::int64_t after_breakdown = 0;   // ... of children with an earlier breakdown
  int iterations = 0;
  /// The base rates given the factor: transition index (ExposureTable::transitions()) → rates
  /// by group of its state. Their exposure_years is the plain exposure; the rate uses the
  /// exposure weighted by f̂^k, and the se and interval include the factor's uncertainty.
  std::map<std::size_t, std::vector<RateEstimate>> base_rates;

  static BreakdownFactorEstimate estimate(const ExposureTable& table, const HazardEstimates& hazards);
};

}  // namespace carecast::models::calibration
