#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/money_setup.hpp"
#include "cli/scenario_warnings.hpp"
#include "models/config/input_error.hpp"
#include "models/model_builder.hpp"
#include "models/scenario/sweep_reader.hpp"

namespace carecast::cli {

namespace {

struct ValidateOptions {
  std::string scenario;
};

/// Builds each combination's model as a run would, so that checks made only when the model is
/// built (e.g. entries a day beyond what carecast supports) are made here too.
void build_every_combination(const models::Sweep& sweep) {
  for (std::size_t i = 0; i < sweep.combinations.size(); ++i) {
    try {
      (void)models::compile_scenario(sweep.combinations[i].scenario);
    } catch (const models::InputError& error) {
      if (!sweep.is_sweep()) throw;
      throw models::in_combination(error, i, sweep.keys, sweep.combinations[i].values);
    }
  }
}

/// "10 years", "9 years and 6 months", "18 months".
std::string span_text(std::chrono::months span) {
  auto years = span.count() / 12, months = span.count() % 12;
  auto plural = [](long n, const char* unit) { return fmt::format("{} {}{}", n, unit, n == 1 ? "" : "s"); };
  if (months == 0) return plural(years, "year");
  if (years == 0) return plural(months, "month");
  return plural(years, "year") + " and " + plural(months, "month");
}

void validate(const ValidateOptions& options) {
  models::Sweep sweep = models::read_sweep(options.scenario);  // every combination, when a sweep
  build_every_combination(sweep);
  const models::Scenario& scenario = sweep.combinations.front().scenario;
  std::size_t placements = 0, exits = 0;
  for (const auto& state : scenario.states) (state.kind == models::StateKind::exit ? exits : placements) += 1;
  fmt::print("{}: valid. '{}': {} states in care and {} exit states, {} transitions, {} to {} "
             "({}), {} replicates.\n",
             options.scenario, scenario.name, placements, exits, scenario.transitions.size(),
             engine::format_iso_date(scenario.simulation.start),
             engine::format_iso_date(models::horizon_date(scenario.simulation)), span_text(scenario.simulation.span),
             scenario.simulation.replicates);
  fmt::print("{}", describe_money_setup(scenario));
  print_scenario_warnings(sweep);
  if (sweep.is_sweep())
    fmt::print("A sweep of {} combinations of {} key{}; every combination is valid.\n", sweep.combinations.size(),
               sweep.keys.size(), sweep.keys.size() == 1 ? "" : "s");
}

}  // namespace

void add_validate_command(CLI::App& app, const CommandContext&) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command = app.add_subcommand(
      "validate", "Check a scenario (every combination of a sweep), its extends/include files and tables; run nothing.");
  command->add_option("SCENARIO", options->scenario, "The scenario file (YAML).")->required();
  command->footer(
      "Every problem is reported with its file, line, column and key path, and what was expected.\n"
      "Exit code 0 if the scenario is valid, 1 if not.");
  command->callback([options] { validate(*options); });
}

}  // namespace carecast::cli
