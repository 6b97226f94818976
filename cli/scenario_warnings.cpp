#include "cli/scenario_warnings.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <set>
#include <string>

namespace carecast::cli {

void print_scenario_warnings(const std::vector<const models::Scenario*>& scenarios) {
  std::set<std::string> printed;  // a sweep's combinations share most of their text
  for (const models::Scenario* scenario : scenarios)
    for (const models::InputError& warning : scenario->warnings)
      if (printed.insert(warning.what()).second) fmt::print(stderr, "carecast: warning: {}\n", warning.what());
}

}  // namespace carecast::cli
