#include "models/scenario/scenario_reader.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "engine/reporting_grid.hpp"
#include "models/config/config_loader.hpp"
#include "models/scenario/cost_doubts.hpp"
#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

std::string sha256_hex(const std::vector<std::string>& parts) {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  EVP_DigestInit_ex(context, EVP_sha256(), nullptr);
  for (const auto& part : parts) EVP_DigestUpdate(context, part.data(), part.size());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context, digest, &length);
  EVP_MD_CTX_free(context);
  std::ostringstream hex;
  for (unsigned int i = 0; i < length; ++i) hex << std::hex << std::setw(2) << std::setfill('0') << int{digest[i]};
  return hex.str();
}

namespace {

constexpr char sweep_key[] = "sweep";

std::string file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string scenario_hash(const Scenario& scenario) {
  std::vector<std::string> parts{scenario.resolved_text, file_bytes(scenario.population.file())};
  if (scenario.initial.from_snapshot) parts.push_back(file_bytes(scenario.initial.snapshot.file));
  return sha256_hex(parts);
}

/// "04-01": a month and a day that every year has.
std::chrono::month_day read_month_day(const ConfigValue& value) {
  std::string text = value.text();
  auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
  bool shaped = text.size() == 5 && digit(0) && digit(1) && text[2] == '-' && digit(3) && digit(4);
  auto two_digits = [&](std::size_t i) { return static_cast<unsigned>((text[i] - '0') * 10 + (text[i + 1] - '0')); };
  std::chrono::month_day md{std::chrono::month{shaped ? two_digits(0) : 0u}, std::chrono::day{shaped ? two_digits(3) : 0u}};
  if (!shaped || !md.ok())
    value.fail("expected a month and a day as MM-DD, e.g. 01-01 for calendar years or 04-01 for the English "
               "financial year (no year), found '" + text + "'");
  return md;
}

/// Every reporting year must begin on a grid date, so that its stock and flows are the grid's.
void check_year_starts_on_grid(const ConfigMap& map, const SimulationSpec& spec) {
  auto off_the_grid = engine::year_start_off_the_grid(spec.start, spec.grid, spec.span, spec.year_begins);
  if (!off_the_grid) return;
  std::string problem = fmt::format(
      "reporting years begin on {}{}, but {} is not a date of the {} grid from {}. Start the simulation on the "
      "day of a month the years begin on, use a finer grid, or set simulation.year_begins to the start's month "
      "and day ({})",
      engine::format_month_day(spec.year_begins), map.has("year_begins") ? "" : " (calendar years, the default)",
      engine::format_iso_date(*off_the_grid), engine::grid_step_name(spec.grid), engine::format_iso_date(spec.start),
      engine::format_month_day(spec.start.month() / spec.start.day()));
  map.fail_at_key(map.has("year_begins") ? "year_begins" : "start", problem);
}

/// The months from `start` to the first grid date on or after `date`.
int months_to_grid_date(const engine::Date& start, engine::GridStep grid, const engine::Date& date) {
  int step = engine::grid_step_months(grid), months = step;
  while (months < 1200 * 2 && engine::add_months(start, months) < date) months += step;
  return months;
}

/// The horizon as `end`: a date of the grid after the start, at most 100 years on.
std::chrono::months read_end(const ConfigValue& value, const SimulationSpec& spec) {
  engine::Date end = value.date();
  auto grid_name = [&] { return fmt::format("the {} grid from {}", engine::grid_step_name(spec.grid), engine::format_iso_date(spec.start)); };
  if (end <= spec.start)
    value.fail(fmt::format("expected a date after the start ({}), found {}", engine::format_iso_date(spec.start),
                           engine::format_iso_date(end)));
  if (end > engine::add_months(spec.start, 1200))
    value.fail(fmt::format("expected a date at most 100 years after the start ({}), found {}",
                           engine::format_iso_date(spec.start), engine::format_iso_date(end)));
  int months = months_to_grid_date(spec.start, spec.grid, end), step = engine::grid_step_months(spec.grid);
  engine::Date on_grid = engine::add_months(spec.start, months);
  if (on_grid != end) {
    std::string or_before =
        months > step ? " (or " + engine::format_iso_date(engine::add_months(spec.start, months - step)) + ")" : "";
    value.fail(fmt::format("expected a date of {}: the simulation ends on a grid date, the day after the last day it "
                           "counts; found {}. Did you mean {}{}?",
                           grid_name(), engine::format_iso_date(end), engine::format_iso_date(on_grid), or_before));
  }
  return std::chrono::months{engine::months_from(spec.start, end)};
}

/// How long the simulation runs: `years` from the start, or until `end`; exactly one of them.
/// Either may be `~` (not given), so that a scenario extending one with years can end on a date.
std::chrono::months read_span(const ConfigMap& map, SimulationSpec& spec) {
  auto years = map.optional("years"), end = map.optional("end");
  if (years && years->is_null()) years.reset();
  if (end && end->is_null()) end.reset();
  if (years && end)
    map.fail_at_key("end", "give either years (whole years from the start) or end (the date the simulation ends "
                           "on), not both; to end on a date a scenario that extends one with years, write years: ~ "
                           "next to end");
  if (end) {
    spec.span_key = "end";
    return read_end(*end, spec);
  }
  if (!years)
    map.fail("the key 'years' is missing: give years (whole years from the start, e.g. years: 10) or end (the "
             "date the simulation ends on, a grid date, e.g. end: 2036-01-01)");
  return std::chrono::years{years->integer_in(1, 100)};
}

}  // namespace

SimulationSpec read_simulation(const ConfigValue& value) {
  ConfigMap map = value.map();
  SimulationSpec spec;
  spec.start = map.required("start").date();
  if (auto grid = map.optional("grid")) {
    std::string step = grid->text();
    if (step != "monthly" && step != "quarterly" && step != "yearly")
      grid->fail("expected monthly, quarterly or yearly, found '" + step + "'");
    spec.grid = engine::parse_grid_step(step);
  }
  spec.span = read_span(map, spec);
  if (auto begins = map.optional("year_begins")) spec.year_begins = read_month_day(*begins);
  check_year_starts_on_grid(map, spec);
  if (auto replicates = map.optional("replicates"))
    spec.replicates = static_cast<std::size_t>(replicates->integer_in(1, 1000000));
  if (auto seed = map.optional("seed")) spec.seed = seed->unsigned_integer();
  if (auto uncertain = map.optional("parameter_uncertainty")) spec.parameter_uncertainty = uncertain->flag();
  map.reject_unknown();
  return spec;
}

namespace {

/// A sweep describes several scenarios (models/scenario/sweep_reader.hpp); `sweep: ~` none.
void refuse_sweep(const ConfigNode& root) {
  for (std::size_t i = 0; i < root.entries.size(); ++i)
    if (root.entries[i].first == sweep_key && root.entries[i].second.kind != ConfigNode::Kind::null)
      throw InputError(root.key_where[i], sweep_key,
                       "this file is a sweep: it describes one scenario for each combination of the values it "
                       "lists; 'carecast run' runs a sweep, and 'carecast compare' takes one as an alternative "
                       "(each combination against the base), not as the base. For one scenario, drop 'sweep', "
                       "or set it to ~ in a file that extends this one");
}

}  // namespace

Scenario read_scenario(const std::filesystem::path& file) {
  ConfigLoader loader;
  ConfigNode root = loader.load(file);
  refuse_sweep(root);
  root.erase(sweep_key);
  Scenario scenario = read_scenario_tree(root, file);
  record_input_files(scenario, loader.files_read());
  return scenario;
}

void record_input_files(Scenario& scenario, const std::vector<std::filesystem::path>& loaded) {
  scenario.input_files.assign(loaded.begin(), loaded.end());
  scenario.input_files.push_back(scenario.population.file().string());
  if (scenario.initial.from_snapshot) scenario.input_files.push_back(scenario.initial.snapshot.file.string());
}

Scenario read_scenario_tree(const ConfigNode& root, const std::filesystem::path& file) {
  ConfigMap top(root, "");
  // extends, include and sweep are read (and removed) before; they are named here for a typo of them.
  top.reject_keys_other_than({"ageing_out", "breakdowns", "calibration", "caseload", "costs", "description",
                              "entries", "extends", "foster_carers", "include", "initial_stock", "interventions",
                              "name", "population", "school", "simulation", "states", "sweep", "transitions"});
  Scenario scenario;
  scenario.path = file.string();
  scenario.resolved_text = to_yaml(root);
  scenario.written_at = KeyLocations(root);
  scenario.name = top.has("name") ? top.required("name").text() : file.stem().string();
  if (top.has("description")) scenario.description = top.required("description").text();
  scenario.simulation = read_simulation(top.required("simulation"));
  scenario.states = read_states(top.required("states"));
  scenario.ageing_out = read_ageing_out(top.required("ageing_out"), scenario);
  ConfigValue population = top.required("population");
  scenario.population = read_population(population);
  scenario.entries = read_entries(top.required("entries"), scenario);
  check_population_coverage(scenario, population.map().required("table"));
  scenario.transitions = read_transitions(top.required("transitions"), scenario);
  // An optional section set to ~ (null) is absent: that is how a scenario drops one it inherits.
  auto section = [&](const char* key) {
    auto value = top.optional(key);
    return value && !value->is_null() ? value : std::nullopt;
  };
  if (auto breakdowns = section("breakdowns")) scenario.breakdowns = read_breakdowns(*breakdowns);
  if (auto school = section("school")) scenario.school = read_school(*school, scenario);
  if (auto pool = section("foster_carers")) scenario.carer_pool = read_carer_pool(*pool, scenario);
  scenario.initial = read_initial_stock(top.required("initial_stock"), scenario);
  if (auto costs = section("costs")) {
    scenario.costs = read_costs(*costs, scenario);
    scenario.warnings = doubts_about_costs(*costs, scenario);
  }
  if (auto caseload = section("caseload")) scenario.caseload = read_caseload(*caseload, scenario);
  if (scenario.costs.caseworker_per_year > 0.0 && !scenario.caseload.enabled)
    section("costs")->map().fail_at_key(
        "caseworker_per_year", "caseworkers are counted by the caseload section (caseload.weights and caseload.norm "
                               "give the FTE needed); add one, or drop costs.caseworker_per_year");
  if (auto interventions = section("interventions"))
    scenario.interventions = read_interventions(*interventions, scenario);
  // A calibrated model file's report (source, bands, pooling) is informational: it stays in the
  // resolved scenario text, and nothing is simulated from it.
  top.optional("calibration");
  top.reject_unknown();
  scenario.sha256 = scenario_hash(scenario);
  return scenario;
}

}  // namespace carecast::models
