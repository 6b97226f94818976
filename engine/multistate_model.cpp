#include "engine/multistate_model.hpp"

#include <algorithm>

namespace carecast::engine {

bool MultistateModel::markov() const {
  return std::none_of(leaving.begin(), leaving.end(), [](const StateHazards& h) {
    return h.duration_dependent() || h.counter_dependent();
  });
}

}  // namespace carecast::engine
