#include "engine/cohort_projection_step_matrices.hpp"

#include <cmath>
#include <unsupported/Eigen/MatrixFunctions>

namespace carecast::engine::cohort_projection {

ModelAxes merged_axes(const MultistateModel& model) {
  ModelAxes axes;
  for (const StateHazards& hazards : model.leaving) {
    axes.age = Axis::merged(axes.age, hazards.age_axis());
    axes.period = Axis::merged(axes.period, hazards.period_axis());
  }
  return axes;
}

double inside(const Axis& axis, std::size_t cell) {
  double lo = axis.lower(cell), hi = axis.upper(cell);
  if (lo == -infinity) return hi == infinity ? 0.0 : hi - 1.0;
  if (hi == infinity) return lo + 1.0;
  return lo + 0.5 * (hi - lo);
}

Eigen::MatrixXd generator_at(const MultistateModel& model, const ModelAxes& axes,
                             std::size_t age_cell, std::size_t period_cell) {
  const auto n = static_cast<Eigen::Index>(model.states());
  Eigen::MatrixXd q = Eigen::MatrixXd::Zero(n, n);
  double age = inside(axes.age, age_cell), time = inside(axes.period, period_cell);
  for (Eigen::Index from = 0; from < n; ++from) {
    if (model.absorbing[static_cast<std::size_t>(from)]) continue;
    const StateHazards& hazards = model.leaving[static_cast<std::size_t>(from)];
    if (hazards.empty()) continue;
    std::size_t cell =
        hazards.cell(hazards.age_axis().cell_of(age), 0, hazards.period_axis().cell_of(time));
    for (std::size_t j = 0; j < hazards.destinations(); ++j) {
      double rate = hazards.rate(cell, j);
      q(from, hazards.exit(j).to) += rate;
      q(from, from) -= rate;
    }
  }
  return q;
}

StateKinds::StateKinds(const std::vector<bool>& absorbing) {
  std::vector<int> in_care_states, absorbing_states;
  for (std::size_t s = 0; s < absorbing.size(); ++s)
    (absorbing[s] ? absorbing_states : in_care_states).push_back(static_cast<int>(s));
  in_care = Eigen::Map<Eigen::ArrayXi>(in_care_states.data(),
                                       static_cast<Eigen::Index>(in_care_states.size()));
  this->absorbing = Eigen::Map<Eigen::ArrayXi>(absorbing_states.data(),
                                               static_cast<Eigen::Index>(absorbing_states.size()));
}

StepMatrices step_matrices(const Eigen::MatrixXd& generator, double length,
                           const StateKinds& kinds) {
  // exp([[Q, I], [0, 0]] h) = [[exp(Qh), ∫₀ʰ exp(Qs) ds], [0, I]].
  const Eigen::Index n = generator.rows();
  Eigen::MatrixXd augmented = Eigen::MatrixXd::Zero(2 * n, 2 * n);
  augmented.topLeftCorner(n, n) = generator * length;
  augmented.topRightCorner(n, n) = Eigen::MatrixXd::Identity(n, n) * length;
  Eigen::MatrixXd exponential = augmented.exp();
  StepMatrices m;
  m.propagator = exponential.topLeftCorner(n, n);
  m.integral = exponential.topRightCorner(n, n);
  m.propagator_stay = m.propagator(kinds.in_care, kinds.in_care);
  m.propagator_absorb = m.propagator(kinds.in_care, kinds.absorbing);
  m.integral_stay = m.integral(kinds.in_care, kinds.in_care);
  m.integral_absorb = m.integral(kinds.in_care, kinds.absorbing);
  return m;
}

StepMatrixCache::StepMatrixCache(const MultistateModel& model, ModelAxes axes)
    : model_(model), axes_(std::move(axes)), kinds_(model.absorbing) {}

std::size_t StepMatrixCache::KeyHash::operator()(const Key& key) const {
  std::size_t h = std::hash<std::size_t>{}(key.age_cell);
  h = h * 1000003u ^ std::hash<std::size_t>{}(key.period_cell);
  return h * 1000003u ^ std::hash<long long>{}(key.length);
}

const Eigen::MatrixXd& StepMatrixCache::generator(std::size_t age_cell, std::size_t period_cell) {
  Key key{age_cell, period_cell, 0};
  auto found = generators_.find(key);
  if (found == generators_.end())
    found = generators_.emplace(key, generator_at(model_, axes_, age_cell, period_cell)).first;
  return found->second;
}

const StepMatrices& StepMatrixCache::get(std::size_t age_cell, std::size_t period_cell,
                                         double length) {
  Key key{age_cell, period_cell, std::llround(length / length_resolution)};
  auto found = steps_.find(key);
  if (found == steps_.end())
    found =
        steps_.emplace(key, step_matrices(generator(age_cell, period_cell), length, kinds_)).first;
  return found->second;
}

}  // namespace carecast::engine::cohort_projection
