#include "models/scenario/scenario.hpp"

namespace carecast::models {

int Scenario::state_index(const std::string& name) const {
  for (std::size_t i = 0; i < states.size(); ++i)
    if (states[i].name == name) return static_cast<int>(i);
  return -1;
}

std::string kind_name(StateKind kind) {
  switch (kind) {
    case StateKind::support: return "support";
    case StateKind::placement: return "placement";
    case StateKind::exit: return "exit";
  }
  return "placement";
}

}  // namespace carecast::models
