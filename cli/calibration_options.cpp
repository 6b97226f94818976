#include "cli/calibration_options.hpp"

#include <fmt/format.h>

#include "cli/list_option.hpp"
#include "cli/non_negative_number_validator.hpp"
#include "cli/whole_number_validator.hpp"
#include "models/calibration/generic_episode_reader.hpp"
#include "models/calibration/ssda903_mapping.hpp"
#include "models/calibration/ssda903_reader.hpp"
#include "models/config/input_error.hpp"

namespace carecast::cli {

namespace calibration = models::calibration;

namespace {

void add_input_options(CLI::App& command, CalibrationOptions& options) {
  // The files are not checked here: a missing one is an input error from its reader, named as
  // `run` names a missing scenario (carecast: invalid input: FILE: cannot read ...).
  command.add_option("EPISODES", options.episodes,
                     "The episode records: a generic CSV, or the SSDA903 episodes file (see docs/episode-formats.md).")
      ->required();
  command.add_option("--format", options.format, "generic (default) or ssda903.")
      ->check(CLI::IsMember({"generic", "ssda903"}));
  command.add_option("--header", options.header, "SSDA903 only: the header file (CHILD, SEX, DOB, ...).");
  command.add_option("--mapping", options.mapping,
                     "SSDA903 only: the mapping of PLACE, REC, REASON_PLACE_CHANGE and LS codes to states, e.g. "
                     "scenarios/ssda903-mapping.yaml.");
  command.add_flag("--lenient", options.lenient,
                   "Drop children whose records have a problem and report how many, instead of stopping at the first.");
  command.add_option("--observed-until", options.observed_until,
                     "The extract date: records are complete up to this day (default: the latest date in them).");
}

void add_band_options(CLI::App& command, CalibrationOptions& options) {
  add_number_list(command, "--age-bands", options.age_bands,
                  "Lower edges of the age bands in years, from 0; the last band is open (default 0,1,6,12,16).");
  add_number_list(command, "--duration-bands", options.duration_bands,
                  "Lower edges of the time-in-state bands in years, from 0 (default 0,0.5,2).");
  add_text_list(command, "--period-breaks", options.period_breaks,
                "Dates (YYYY-MM-DD) at which a new calendar period starts (default: one period).");
  command.add_option("--min-exposure", options.min_exposure,
                     "Pool a cell with less exposure than this (person-years) with its neighbour (default 0: never).")
      ->check(non_negative_number_validator("a number of person-years"));
  command.add_option("--pool-along", options.pool_along,
                     "The axis along which cells are pooled: duration or age (default duration).")
      ->check(CLI::IsMember({"duration", "age"}));
}

void add_estimate_options(CLI::App& command, CalibrationOptions& options) {
  command.add_option("--population", options.population,
                     "A population CSV (age, year, population): entry rates per 1000 and the entry mix are "
                     "estimated only with it.");
  add_whole_number_list(command, "--entry-age-bands", options.entry_age_bands,
                        "Lower edges (whole years) of the entry-rate age bands (default: the age bands).");
  command.add_option("--observed-from", options.observed_from,
                     "The first day entries were recorded (default: the earliest start in the records).");
  add_number_list(command, "--school-ages", options.school_ages,
                  "FIRST,LAST: estimate school-change probabilities for children of these ages (needs the "
                  "school_change column).")
      ->expected(1, 2);
  command.add_option("--ageing-out-state", options.ageing_out_state,
                     "The exit state children age out into: exits into it are not a hazard.");
  command.add_option("--ageing-out-age", options.ageing_out_age,
                     "The age at which children leave care (default 18): entry rates count only the entries and "
                     "the population below it, as the simulator brings in no older children.")
      ->check(CLI::Range(1.0, 30.0));
  command.add_option("--prior-breakdown-cap", options.prior_breakdown_cap,
                     "Prior breakdowns raise the breakdown hazard counting at most this many (default 4).")
      ->check(whole_number_validator(0, 100));
  command.add_flag("--no-breakdown-factor", options.no_breakdown_factor,
                   "Do not estimate the factor by which each prior breakdown multiplies the breakdown hazard.");
}

std::vector<int> whole_years(const std::vector<double>& edges) {
  std::vector<int> years;
  for (double edge : edges) years.push_back(static_cast<int>(edge));
  return years;
}

/// FIRST (0) or LAST (1) of --school-ages, which must give both.
double school_age(const CalibrationOptions& options, std::size_t which) {
  if (options.school_ages.size() != 2)
    throw CLI::ValidationError("--school-ages", fmt::format("expected two ages, FIRST,LAST, found {}",
                                                            options.school_ages.size()));
  return options.school_ages[which];
}

}  // namespace

void add_calibration_options(CLI::App& command, CalibrationOptions& options) {
  add_input_options(command, options);
  add_band_options(command, options);
  add_estimate_options(command, options);
}

engine::Date parse_date_option(const std::string& text, const std::string& option) {
  auto date = engine::parse_iso_date(text);
  if (!date) throw CLI::ValidationError(option, "expected a date YYYY-MM-DD, found '" + text + "'");
  return *date;
}

calibration::EpisodeData read_episodes(const CalibrationOptions& options) {
  auto strictness = options.lenient ? calibration::Strictness::lenient : calibration::Strictness::strict;
  std::optional<engine::Date> until;
  if (!options.observed_until.empty()) until = parse_date_option(options.observed_until, "--observed-until");
  if (options.format == "generic") return calibration::read_generic_episodes(options.episodes, strictness, until);
  if (options.header.empty() || options.mapping.empty())
    throw CLI::ValidationError("--format ssda903", "needs --header FILE and --mapping FILE");
  calibration::Ssda903Mapping mapping = calibration::read_ssda903_mapping(options.mapping);
  return calibration::read_ssda903(options.episodes, options.header, mapping, strictness, until);
}

calibration::CalibrationSettings calibration_settings(const CalibrationOptions& options,
                                                      std::optional<engine::Date> fit_until) {
  calibration::CalibrationSettings settings;
  settings.bands.age_edges = options.age_bands;
  settings.bands.duration_edges = options.duration_bands;
  for (const std::string& text : options.period_breaks)
    settings.bands.period_breaks.push_back(parse_date_option(text, "--period-breaks"));
  settings.bands.min_exposure = options.min_exposure;
  settings.bands.pool_along =
      options.pool_along == "age" ? calibration::PoolAlong::age : calibration::PoolAlong::duration;
  settings.exposure.fit_until = fit_until;
  settings.exposure.ageing_out_state = options.ageing_out_state;
  settings.exposure.prior_breakdown_cap = options.prior_breakdown_cap;
  settings.estimate_prior_breakdown_factor = !options.no_breakdown_factor;
  settings.entries.age_edges = options.entry_age_bands.empty() ? whole_years(options.age_bands) : options.entry_age_bands;
  if (!options.observed_from.empty()) settings.entries.observed_from = parse_date_option(options.observed_from, "--observed-from");
  settings.entries.fit_until = fit_until;
  settings.entries.ageing_out_age = options.ageing_out_age;
  if (!options.school_ages.empty())
    settings.school = calibration::SchoolChangeOptions{school_age(options, 0), school_age(options, 1), fit_until};
  return settings;
}

std::optional<models::PopulationTable> read_population_option(const CalibrationOptions& options) {
  if (options.population.empty()) return std::nullopt;
  return models::PopulationTable::read_csv(options.population);
}

std::vector<std::string> input_files(const CalibrationOptions& options) {
  std::vector<std::string> files;
  for (const std::string* file : {&options.episodes, &options.header, &options.mapping, &options.population})
    if (!file->empty()) files.push_back(*file);
  return files;
}

}  // namespace carecast::cli
