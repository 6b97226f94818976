#pragma once
// The engine's view of a scenario's states: which are absorbing, how each is left, and the age
// at which anyone still in a non-absorbing state moves to a given state.
#include <vector>

#include "engine/state_hazards.hpp"

namespace carecast::engine {

struct MultistateModel {
  std::vector<bool> absorbing;        // per state
  std::vector<StateHazards> leaving;  // per state; empty for absorbing states
  double age_out_days = 0.0;          // age (in days) at which children leave
  int age_out_state = -1;             // the absorbing state they go to

  std::size_t states() const { return absorbing.size(); }
  /// True when no hazard depends on time in state or history (a Markov model by age and period).
  bool markov() const;
};

}  // namespace carecast::engine
