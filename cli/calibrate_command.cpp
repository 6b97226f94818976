#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <stdexcept>

#include "cli/calibration_options.hpp"
#include "cli/commands.hpp"
#include "cli/output_over_input.hpp"
#include "cli/output_path_validator.hpp"
#include "models/calibration/model_file_writer.hpp"
#include "output/calibration_report.hpp"
#include "output/output_error.hpp"
#include "output/result_target.hpp"

namespace carecast::cli {

namespace {

struct CalibrateOptions {
  CalibrationOptions input;
  std::string output = "model.yaml";
  std::string fit_until;
  bool force = false;
  bool quiet = false;
};

models::calibration::CalibratedModel estimate(const CalibrateOptions& options) {
  models::calibration::EpisodeData data = read_episodes(options.input);
  std::optional<models::PopulationTable> population = read_population_option(options.input);
  std::optional<engine::Date> fit_until;
  if (!options.fit_until.empty()) fit_until = parse_date_option(options.fit_until, "--fit-until");
  try {
    return models::calibration::calibrate(data, calibration_settings(options.input, fit_until),
                                          population ? &*population : nullptr);
  } catch (const std::invalid_argument& error) {
    throw CLI::ValidationError("calibrate", error.what());
  }
}

void calibrate(const CalibrateOptions& options) {
  refuse_output_over_inputs("--output", options.output, input_files(options.input));
  models::calibration::CalibratedModel model = estimate(options);  // bad records are reported first, as run does
  output::check_result_target(options.output, options.force);
  output::write_atomically(options.output, options.force, [&](const std::filesystem::path& temporary) {
    try {
      models::calibration::write_model_file(model, temporary);
    } catch (const std::runtime_error& error) {
      throw output::OutputError(fmt::format("cannot write model file '{}': {}", options.output, error.what()));
    }
  });
  fmt::print(stderr, "{}", output::format_calibration_warnings(model));
  if (options.quiet) return;
  fmt::print("{} written.\n\n{}", options.output, output::format_calibration_report(model));
}

}  // namespace

void add_calibrate_command(CLI::App& app, const CommandContext& context) {
  (void)context;
  auto options = std::make_shared<CalibrateOptions>();
  CLI::App* command = app.add_subcommand(
      "calibrate",
      "Estimate a model from episode records: transition hazards as events / exposure in each cell (age\n"
      "band x time-in-state band x period, by from-state) with Poisson standard errors and exact 95 %\n"
      "intervals (those of breakdown base rates widened for the estimated prior-breakdown factor);\n"
      "entry rates per 1000 and the entry mix (with --population); the prior-breakdown factor;\n"
      "school-change probabilities (with --school-ages). Writes a YAML model file that a scenario\n"
      "includes, holding every estimate with its interval, events and exposure.");
  add_calibration_options(*command, options->input);
  command->add_option("-o,--output", options->output, "The model file to write (default: model.yaml).")
      ->check(output_path_validator());
  command->add_option("--fit-until", options->fit_until,
                      "Use only the records before this date (YYYY-MM-DD), as a back-test does.");
  command->add_flag("-f,--force", options->force, "Overwrite the model file if it exists.");
  command->add_flag("-q,--quiet", options->quiet, "Do not print the report.");
  command->footer(
      "The records are checked strictly: overlapping episodes, an end before a start, unknown codes and\n"
      "impossible birth dates stop the command with the file, line and child (--lenient drops such\n"
      "children and counts them). Warnings (such as cells without exposure, written as rate 0\n"
      "placeholders) go to stderr, even with --quiet. Period breaks must fall after the first record's\n"
      "start and before the end of observation (or --fit-until): a period without records would have\n"
      "only rate-0 placeholders. Use the model with `include: model.yaml` in a\n"
      "scenario, and with `simulation: {parameter_uncertainty: true}` to draw the estimates per replicate.\n"
      "Example: carecast calibrate episodes.csv --age-bands 0,1,6,12,16 --duration-bands 0,0.5,2 \\\n"
      "           --population population.csv --min-exposure 5 -o model.yaml");
  command->callback([options] { calibrate(*options); });
}

}  // namespace carecast::cli
