#include "models/calibration/breakdown_factor_estimate.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::models::calibration {

namespace {

constexpr double z95 = 1.959963984540054;
constexpr int max_iterations = 100;
constexpr double largest_log_factor = 20.0;  // beyond e^20 the data say "every breakdown follows another"

/// The sufficient statistics of one (breakdown transition, cell group): events and exposure by
/// prior-breakdown bucket.
struct GroupCounts {
  std::size_t transition = 0;
  std::size_t group = 0;
  std::vector<double> events;    // by bucket
  std::vector<double> exposure;  // by bucket, person-years
  double total_events = 0.0;
};

std::vector<GroupCounts> breakdown_counts(const ExposureTable& table, const HazardEstimates& hazards) {
  std::vector<GroupCounts> counts;
  for (std::size_t t = 0; t < table.transitions().size(); ++t) {
    const TransitionKey& key = table.transitions()[t];
    if (key.kind != TransitionKind::breakdown) continue;
    const auto& groups = hazards.groups(key.from);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      GroupCounts c{t, g, std::vector<double>(table.priors(), 0.0), std::vector<double>(table.priors(), 0.0), 0.0};
      for (std::size_t cell : groups[g].cells)
        for (std::size_t k = 0; k < table.priors(); ++k) {
          c.events[k] += static_cast<double>(table.events(t, cell, k));
          c.exposure[k] += table.exposure_years(key.from, cell, k);
        }
      for (double d : c.events) c.total_events += d;
      counts.push_back(std::move(c));
    }
  }
  return counts;
}

/// Σ_k E[k] e^{kθ}.
double weighted_exposure(const GroupCounts& c, double theta) {
  double sum = 0.0;
  for (std::size_t k = 0; k < c.exposure.size(); ++k) sum += c.exposure[k] * std::exp(static_cast<double>(k) * theta);
  return sum;
}

/// The profile score and information at θ.
struct ScoreAndInformation {
  double score = 0.0;
  double information = 0.0;
};

ScoreAndInformation profile_derivatives(const std::vector<GroupCounts>& counts, double theta) {
  ScoreAndInformation d;
  for (const GroupCounts& c : counts) {
    if (c.total_events == 0.0) continue;
    double w = 0.0, wk = 0.0, wkk = 0.0;
    for (std::size_t k = 0; k < c.exposure.size(); ++k) {
      double kk = static_cast<double>(k);
      double weight = c.exposure[k] * std::exp(kk * theta);
      w += weight;
      wk += weight * kk;
      wkk += weight * kk * kk;
      d.score += c.events[k] * kk;
    }
    double mean = wk / w;
    d.score -= c.total_events * mean;
    d.information += c.total_events * std::max(0.0, wkk / w - mean * mean);
  }
  return d;
}

/// Why f cannot be estimated from these counts, or "" if it can.
std::string not_estimable_because(const BreakdownFactorEstimate& e, const std::vector<GroupCounts>& counts) {
  if (e.breakdowns == 0) return "no breakdowns in the data";
  if (e.cap == 0) return "the prior-breakdown cap is 0";
  if (profile_derivatives(counts, 0.0).information <= 0.0)
    return "no exposure after a breakdown where breakdowns happen";
  if (e.after_breakdown == 0) return "no breakdown of a child with an earlier breakdown (the estimate would be 0)";
  return "";
}

/// Newton's method on θ = log f, with steps bounded to ±1.
bool solve_log_factor(const std::vector<GroupCounts>& counts, BreakdownFactorEstimate& e, double& theta) {
  theta = 0.0;
  for (e.iterations = 1; e.iterations <= max_iterations; ++e.iterations) {
    ScoreAndInformation d = profile_derivatives(counts, theta);
    if (d.information <= 0.0) return false;
    double step = std::clamp(d.score / d.information, -1.0, 1.0);
    theta += step;
    if (std::abs(theta) > largest_log_factor) return false;
    if (std::abs(step) < 1e-12) return true;
  }
  return false;
}

/// Σ_k k E[k] e^{kθ} / Σ_k E[k] e^{kθ}: the mean bucket under the weights, d log W / dθ.
double mean_bucket(const GroupCounts& c, double theta) {
  double w = 0.0, wk = 0.0;
  for (std::size_t k = 0; k < c.exposure.size(); ++k) {
    double weight = c.exposure[k] * std::exp(static_cast<double>(k) * theta);
    w += weight;
    wk += weight * static_cast<double>(k);
  }
  return w > 0.0 ? wk / w : 0.0;
}

/// Widens the exact interval given θ̂ by θ̂'s share of the variance, on the log scale: each half
/// width h becomes sqrt(h² + (z·m·se(θ))²); with no events the upper end is multiplied by
/// exp(z·m·se(θ)).
void widen_interval(RateEstimate& rate, double theta_part) {
  double extra = z95 * theta_part;
  if (rate.events == 0) {
    rate.upper *= std::exp(extra);
    return;
  }
  double below = std::log(rate.rate / rate.lower), above = std::log(rate.upper / rate.rate);
  rate.lower = rate.rate * std::exp(-std::hypot(below, extra));
  rate.upper = rate.rate * std::exp(std::hypot(above, extra));
}

/// The base rate of one group given θ̂, D / W(θ̂), with its se from the joint information of the
/// base rates and θ: var(base) = base² (1 / D + m² var(θ̂)) (see the header).
RateEstimate base_rate(const GroupCounts& c, double theta, double log_se) {
  RateEstimate rate = estimate_rate(static_cast<std::int64_t>(c.total_events), weighted_exposure(c, theta));
  double theta_part = mean_bucket(c, theta) * log_se;  // the se of log W(θ̂) from θ̂
  if (rate.events > 0) rate.se = rate.rate * std::sqrt(1.0 / c.total_events + theta_part * theta_part);
  widen_interval(rate, theta_part);
  rate.exposure_years = 0.0;
  for (double e : c.exposure) rate.exposure_years += e;
  return rate;
}

std::map<std::size_t, std::vector<RateEstimate>> base_rates_given(const std::vector<GroupCounts>& counts,
                                                                  const HazardEstimates& hazards, double theta,
                                                                  double log_se) {
  std::map<std::size_t, std::vector<RateEstimate>> rates;
  for (const GroupCounts& c : counts) {
    auto& list = rates[c.transition];
    list.resize(hazards.transitions()[c.transition].by_group.size());
    list[c.group] = base_rate(c, theta, log_se);
  }
  return rates;
}

}  // namespace

BreakdownFactorEstimate BreakdownFactorEstimate::estimate(const ExposureTable& table, const HazardEstimates& hazards) {
  BreakdownFactorEstimate e;
  e.cap = static_cast<int>(table.priors()) - 1;
  std::vector<GroupCounts> counts = breakdown_counts(table, hazards);
  for (const GroupCounts& c : counts) {
    e.breakdowns += static_cast<std::int64_t>(c.total_events);
    e.after_breakdown += static_cast<std::int64_t>(c.total_events - c.events[0]);
  }
  e.reason = not_estimable_because(e, counts);
  if (!e.reason.empty()) return e;
  double theta = 0.0;
  if (!solve_log_factor(counts, e, theta)) {
    e.reason = "the likelihood has no finite maximum (too few breakdowns after an earlier one to tell the factor from the base rates)";
    return e;
  }
  e.estimable = true;
  e.factor = std::exp(theta);
  e.log_se = 1.0 / std::sqrt(profile_derivatives(counts, theta).information);
  e.se = e.factor * e.log_se;
  e.lower = std::exp(theta - z95 * e.log_se);
  e.upper = std::exp(theta + z95 * e.log_se);
  e.base_rates = base_rates_given(counts, hazards, theta, e.log_se);
  return e;
}

}  // namespace carecast::models::calibration
