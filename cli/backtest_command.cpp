#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "cli/calibration_options.hpp"
#include "cli/commands.hpp"
#include "cli/output_over_input.hpp"
#include "cli/output_path_validator.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_provenance.hpp"
#include "cli/seed_validator.hpp"
#include "cli/whole_number_validator.hpp"
#include "models/calibration/backtest.hpp"
#include "models/calibration/text_file_writer.hpp"
#include "output/backtest_report.hpp"
#include "output/backtest_writer.hpp"
#include "output/calibration_report.hpp"
#include "output/output_error.hpp"
#include "output/result_target.hpp"

namespace carecast::cli {

namespace {

namespace calibration = models::calibration;

struct BacktestOptions {
  CalibrationOptions input;
  std::string cut;
  int horizon_months = 24;
  std::size_t replicates = 200;
  std::uint64_t seed = 1;
  int threads = 0;
  bool no_parameter_uncertainty = false;
  std::string output = "backtest.h5";
  bool force = false;
  bool quiet = false;
};

/// A scratch folder beside the output for the forward scenario's files, removed at the end.
class WorkFolder {
 public:
  explicit WorkFolder(const std::filesystem::path& output)
      : path_(std::filesystem::absolute(output).parent_path() /
              fmt::format(".{}.backtest-{}", output.filename().string(), ::getpid())) {}
  ~WorkFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  WorkFolder(const WorkFolder&) = delete;
  WorkFolder& operator=(const WorkFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

calibration::BacktestSettings backtest_settings(const BacktestOptions& options, const std::filesystem::path& folder) {
  calibration::BacktestSettings settings;
  settings.cut = parse_date_option(options.cut, "--cut");
  settings.horizon_months = options.horizon_months;
  settings.replicates = options.replicates;
  settings.seed = options.seed;
  settings.ageing_out_age = options.input.ageing_out_age;
  if (!options.input.ageing_out_state.empty()) settings.ageing_out_state = options.input.ageing_out_state;
  settings.parameter_uncertainty = !options.no_parameter_uncertainty;
  settings.population = options.input.population;
  settings.work_folder = folder;
  return settings;
}

void backtest(const BacktestOptions& options, const CommandContext& context) {
  auto clock = std::chrono::steady_clock::now();
  std::string started = current_utc_time();
  refuse_output_over_inputs("--output", options.output, input_files(options.input));
  if (context.communicator.is_root()) output::check_result_target(options.output, options.force);
  calibration::EpisodeData data = read_episodes(options.input);
  WorkFolder folder(options.output);
  calibration::BacktestSettings settings = backtest_settings(options, folder.path());
  int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  ProgressDisplay display("replicates");
  calibration::BacktestRun run = [&] {
    try {
      return calibration::run_backtest(data, calibration_settings(options.input, settings.cut), settings,
                                       context.communicator,
                                       [&](std::size_t done, std::size_t total) { display.update(done, total); });
    } catch (const std::invalid_argument& error) {
      throw CLI::ValidationError("backtest", error.what());
    } catch (const calibration::FileWriteError& error) {
      throw output::OutputError(
          fmt::format("cannot write the back-test's work folder for '{}': {}", options.output, error.what()));
    }
  }();
  if (!context.communicator.is_root()) return;
  fmt::print(stderr, "{}", output::format_calibration_warnings(run.model));
  output::BacktestReport report = output::make_backtest_report(run.simulation, run.points, run.states, run.observed);
  output::BacktestFacts facts{options.input.episodes, options.cut, engine::format_iso_date(data.observed_until),
                              run.simulation.provenance};
  fill_run_provenance(facts.run, context, threads, started,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock).count());
  output::write_backtest(report, facts, options.output, options.force);
  if (options.quiet) return;
  fmt::print("{} written in {:.1f} s.\n\n{}", options.output, facts.run.wall_seconds,
             output::format_backtest_report(report));
}

void add_backtest_run_options(CLI::App& command, BacktestOptions& options) {
  command.add_option("--cut", options.cut, "Fit on the records before this date (YYYY-MM-DD) and simulate from it.")
      ->required();
  command.add_option("--horizon", options.horizon_months,
                     "Months after the cut to compare (default 24); the simulation runs on to whole years, but only "
                     "these months are compared.")
      ->check(whole_number_validator(1, 1200));
  command.add_option("-r,--replicates", options.replicates, "Monte Carlo replicates (default 200).")
      ->check(whole_number_validator(2, 1000000));
  command.add_option("-s,--seed", options.seed, "Master seed (default 1).")->transform(seed_validator());
  command.add_option("-t,--threads", options.threads, "Worker threads (default: all cores).")->check(whole_number_validator(1, 4096));
  command.get_option("--ageing-out-state")
      ->description("The exit state children age out into: exits into it are not a hazard (default aged_out).");
  command.get_option("--ageing-out-age")
      ->description("The age at which children leave care in the simulation (default 18); entry rates count only "
                    "the entries and the population below it.");
  command.add_flag("--no-parameter-uncertainty", options.no_parameter_uncertainty,
                   "Use the fitted rates as they are in every replicate (default: each replicate draws them from "
                   "their sampling distribution, so the intervals include estimation error).");
  command.add_option("-o,--output", options.output, "The back-test file to write (default: backtest.h5).")
      ->check(output_path_validator());
  command.add_flag("-f,--force", options.force, "Overwrite the back-test file if it exists.");
  command.add_flag("-q,--quiet", options.quiet, "Do not print the report.");
}

}  // namespace

void add_backtest_command(CLI::App& app, const CommandContext& context) {
  auto options = std::make_shared<BacktestOptions>();
  CLI::App* command = app.add_subcommand(
      "backtest",
      "Check that the model forecasts what then happened: fit it on the episode records before a cut\n"
      "date, simulate forward from the children in care on that date, and compare the simulated stock\n"
      "with the recorded stock by state and month: the error of the median, and the share of months\n"
      "inside the 50 % and 90 % intervals. Prints the report and writes it to HDF5.");
  add_calibration_options(*command, options->input);
  add_backtest_run_options(*command, *options);
  command->footer(
      "Entries need a population (--population); without one, entry rates are fitted per year at each\n"
      "age of a flat notional population, i.e. as constant counts. The stock is compared on the cut's\n"
      "day of each month after it (the month's last day when shorter), up to the horizon; months after\n"
      "the records end are not compared. Period breaks must fall before the cut. Warnings go to stderr.\n"
      "The fitted model and forward scenario are kept in the file's scenario_text.\n"
      "Example: carecast backtest episodes.csv --cut 2022-01-01 --horizon 24 --population pop.csv -o bt.h5");
  command->callback([options, &context] { backtest(*options, context); });
}

}  // namespace carecast::cli
