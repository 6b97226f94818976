#pragma once
// A scenario number that is an assumption: a fixed value, or a range or distribution from which
// each replicate draws its own value (parameter uncertainty). Draws are keyed by the replicate
// and the value's identity, so every scenario that shares the value draws the same number.
#include <cstdint>
#include <string>

#include "engine/random_stream.hpp"

namespace carecast::models {

struct UncertainValue {
  enum class Law { fixed, uniform, triangular, normal };
  Law law = Law::fixed;
  double low = 0.0;   // fixed: the value; uniform, triangular: the lower end; normal: the mean
  double mode = 0.0;  // triangular only
  double high = 0.0;  // uniform, triangular: the upper end; normal: the standard deviation
  double floor = 0.0, ceiling = 0.0;  // the values that make sense (a normal is truncated to them)

  static UncertainValue fixed(double value) { return {Law::fixed, value, value, value, value, value}; }
  bool is_fixed() const { return law == Law::fixed; }
  /// The value a scenario without parameter uncertainty uses: the value, the middle of a
  /// uniform, the mode of a triangular, the mean of a normal.
  double central() const;
  /// The value at probability u in (0, 1) of the distribution (inverse CDF).
  double quantile(double u) const;
  /// A short description for reports, e.g. "uniform 0.7–0.95".
  std::string describe() const;
};

/// The replicate's draw of a value, from its own stream keyed by `identity`.
double draw_for_replicate(const UncertainValue& value, engine::StreamKey key, std::uint64_t identity);

}  // namespace carecast::models
