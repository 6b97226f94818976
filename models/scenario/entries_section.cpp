#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "models/scenario/csv_table.hpp"
#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

BandBox age_domain(const Scenario& scenario) {
  BandBox domain;
  domain.age = {0.0, scenario.ageing_out.age};
  return domain;
}

void require_whole_year_edges(const std::vector<BandBox>& boxes, const ConfigValue& owner) {
  for (const BandBox& box : boxes)
    for (double edge : {box.age.lower, box.age.upper})
      if (std::isfinite(edge) && edge != std::floor(edge))
        throw InputError(box.where, box.path, "entry age bands must start and end at whole years");
  (void)owner;
}

std::vector<double> read_shares(const ConfigValue& value, const Scenario& scenario) {
  std::vector<double> shares(scenario.states.size(), 0.0);
  double total = 0.0;
  for (const auto& [name, share] : value.map().entries()) {
    int state = resolve_state_name(name, share, scenario);
    if (scenario.is_exit(state)) share.fail("children cannot enter care into an exit state");
    shares[static_cast<std::size_t>(state)] = share.probability();
    total += shares[static_cast<std::size_t>(state)];
  }
  if (std::fabs(total - 1.0) > 1e-6)
    value.fail(fmt::format("the shares must sum to 1; they sum to {:.6g}", total));
  return shares;
}

/// What a calibrated model file gives next to estimated shares: the standard error of each
/// share and the number of entries behind them. Checked, and kept only in the scenario text.
void read_share_estimates(ConfigMap& map, const Scenario& scenario) {
  if (auto errors = map.optional("se"))
    for (const auto& [name, se] : errors->map().entries()) {
      resolve_state_name(name, se, scenario);
      se.non_negative();
    }
  if (auto events = map.optional("events")) events->integer_in(0, 1L << 52);
}

std::vector<EntryMixBand> read_mix(const ConfigValue& value, const Scenario& scenario) {
  engine::Calendar calendar(scenario.simulation.start);
  std::vector<EntryMixBand> mix;
  std::vector<BandBox> boxes;
  for (const ConfigValue& item : value.list()) {
    ConfigMap map = item.map();
    BandBox box = read_band_box(map, BandAxes{}, calendar);
    mix.push_back(EntryMixBand{box.age, read_shares(map.required("shares"), scenario)});
    boxes.push_back(box);
    read_share_estimates(map, scenario);
    map.reject_unknown();
  }
  if (boxes.empty()) value.fail("expected at least one band of entry shares");
  check_tiling(boxes, age_domain(scenario), value);
  require_whole_year_edges(boxes, value);
  return mix;
}

}  // namespace

PopulationTable read_population(const ConfigValue& value) {
  ConfigMap map = value.map();
  ConfigValue table_key = map.required("table");
  auto file = table_key.file_path();
  require_readable(file, table_key.where(), table_key.path());
  PopulationTable table = PopulationTable::read_csv(file);
  double scale = map.has("scale") ? map.required("scale").positive() : 1.0;
  map.reject_unknown();
  if (scale == 1.0) return table;
  PopulationTable scaled = table;
  for (int year = table.first_year(); year <= table.last_year(); ++year)
    for (int age = 0; age <= 120; ++age)
      if (auto n = table.at(age, year)) scaled.set(age, year, *n * scale);
  return scaled;
}

EntrySpec read_entries(const ConfigValue& value, const Scenario& scenario) {
  engine::Calendar calendar(scenario.simulation.start);
  ConfigMap map = value.map();
  EntrySpec spec;
  spec.rate_per_1000 = read_banded_rate(map.required("rate_per_1000"), BandAxes{},
                                        age_domain(scenario), calendar);
  require_whole_year_edges(spec.rate_per_1000.boxes, value);
  if (auto trend = map.optional("trend_per_year")) {
    spec.trend_per_year = trend->number();
    if (spec.trend_per_year <= -1.0 || spec.trend_per_year >= 1.0)
      trend->fail(fmt::format("expected a yearly change between -1 and 1, a fraction (-0.02 for 2 % fewer a "
                              "year), found {:g}",
                              spec.trend_per_year));
  }
  spec.mix = read_mix(map.required("mix"), scenario);
  map.reject_unknown();
  return spec;
}

void check_population_coverage(const Scenario& scenario, const ConfigValue& table) {
  engine::Calendar calendar(scenario.simulation.start);
  // Years before the start matter too: a warm-up reads them (before the table's first year it
  // uses the first year), so a gap anywhere from there on is an error, not a silent zero.
  int first_year = std::min(static_cast<int>(scenario.simulation.start.year()), scenario.population.first_year());
  int last_year = calendar.year_at(calendar.offset_of(horizon_date(scenario.simulation)) - 1.0);
  const BandedRate& rates = scenario.entries.rate_per_1000;
  for (int age = 0; age < static_cast<int>(std::ceil(scenario.ageing_out.age)); ++age) {
    int box = box_containing(rates.boxes, age + 0.5, 0.0, 0.0);
    if (box < 0 || rates.values[static_cast<std::size_t>(box)] == 0.0) continue;
    for (int year = first_year; year <= last_year; ++year)
      if (!scenario.population.at(age, year))
        table.fail(fmt::format("the population table '{}' has no row for age {} in {}, which the "
                               "scenario needs (entries at that age are not zero; the table must cover "
                               "every year from {} to {}: the earlier of the start year and its first "
                               "year, to the last simulated year)",
                               scenario.population.file().string(), age, year, first_year, last_year));
  }
}

}  // namespace carecast::models
