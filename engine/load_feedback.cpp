#include "engine/load_feedback.hpp"

#include <algorithm>

namespace carecast::engine {

double LoadLaw::multiplier(LoadResponse response, double excess) const {
  switch (response) {
    case LoadResponse::raised: return std::min(raise_cap, 1.0 + raise_per_excess * excess);
    case LoadResponse::slowed: return 1.0 / (1.0 + slow_per_excess * excess);
    case LoadResponse::none: break;
  }
  return 1.0;
}

double LoadFeedbackSpec::excess(double load, double time) const {
  double limit = capacity[capacity_periods.cell_of(time)];
  return std::max(0.0, load / limit - 1.0);
}

double LoadFeedbackSpec::acceptance(LoadResponse response, double load, double time) const {
  if (response == LoadResponse::none || time < from) return 1.0;
  return law.multiplier(response, excess(load, time)) / law.ceiling(response);
}

}  // namespace carecast::engine
