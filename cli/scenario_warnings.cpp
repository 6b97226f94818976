#include "cli/scenario_warnings.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <set>
#include <string>

namespace carecast::cli {

namespace {

/// Prints a scenario's warnings that were not printed before.
class WarningPrinter {
 public:
  void print(const models::Scenario& scenario) {
    for (const models::InputError& warning : scenario.warnings)
      if (printed_.insert(warning.what()).second) fmt::print(stderr, "carecast: warning: {}\n", warning.what());
  }

 private:
  std::set<std::string> printed_;
};

}  // namespace

void print_scenario_warnings(const models::Sweep& sweep) {
  WarningPrinter printer;
  for (const models::SweepCombination& combination : sweep.combinations) printer.print(combination.scenario);
}

void print_scenario_warnings(const std::vector<models::Scenario>& scenarios) {
  WarningPrinter printer;
  for (const models::Scenario& scenario : scenarios) printer.print(scenario);
}

}  // namespace carecast::cli
