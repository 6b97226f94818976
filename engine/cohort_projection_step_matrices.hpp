#pragma once
// Analytic mode, part 1: the generator Q of a Markov model on one cell of age × calendar period,
// and, over a step of length h, the pair exp(Qh) and ∫₀ʰ exp(Qs) ds (one augmented matrix
// exponential, after Van Loan), cached by (age cell, period cell, step length).
#include <Eigen/Core>
#include <cstddef>
#include <unordered_map>
#include <vector>

#include "engine/axis.hpp"
#include "engine/multistate_model.hpp"

namespace carecast::engine::cohort_projection {

/// Every state's age and period edges merged: on each cell of these axes the generator is constant.
struct ModelAxes {
  Axis age;
  Axis period;
};
ModelAxes merged_axes(const MultistateModel& model);

/// A point strictly inside a cell of `axis` (the cell may be unbounded).
double inside(const Axis& axis, std::size_t cell);

/// The generator per day (row: from, column: to; rows sum to zero) on one cell of `axes`.
/// Absorbing states have zero rows.
Eigen::MatrixXd generator_at(const MultistateModel& model, const ModelAxes& axes,
                             std::size_t age_cell, std::size_t period_cell);

/// Indices of the non-absorbing ("in care") and absorbing states.
struct StateKinds {
  explicit StateKinds(const std::vector<bool>& absorbing);
  Eigen::ArrayXi in_care;
  Eigen::ArrayXi absorbing;
};

struct StepMatrices {
  Eigen::MatrixXd propagator;  // exp(Qh): a row vector of expected counts times it moves h on
  Eigen::MatrixXd integral;    // ∫₀ʰ exp(Qs) ds: a constant inflow (per day) times it is what
                               // that inflow has become after h
  // Their rows for states in care, split by columns: to states in care (row-major, for fast
  // products with a row-major block of cohorts) and to absorbing states.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> propagator_stay,
      integral_stay;
  Eigen::MatrixXd propagator_absorb, integral_absorb;
};

StepMatrices step_matrices(const Eigen::MatrixXd& generator, double length,
                           const StateKinds& kinds);

class StepMatrixCache {
 public:
  /// Lengths closer than this (in days) share one entry.
  static constexpr double length_resolution = 1e-7;

  StepMatrixCache(const MultistateModel& model, ModelAxes axes);
  const ModelAxes& axes() const { return axes_; }
  const StepMatrices& get(std::size_t age_cell, std::size_t period_cell, double length);

 private:
  const Eigen::MatrixXd& generator(std::size_t age_cell, std::size_t period_cell);

  struct Key {
    std::size_t age_cell, period_cell;
    long long length;  // in units of length_resolution
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const;
  };

  const MultistateModel& model_;
  ModelAxes axes_;
  StateKinds kinds_;
  std::unordered_map<Key, Eigen::MatrixXd, KeyHash> generators_;  // length 0
  std::unordered_map<Key, StepMatrices, KeyHash> steps_;
};

}  // namespace carecast::engine::cohort_projection
