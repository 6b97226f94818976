#include "models/calibration/backtest_population.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "models/calibration/text_file_writer.hpp"
#include "models/config/input_error.hpp"

namespace carecast::models::calibration {

namespace {

constexpr int oldest_table_age = 120;  // PopulationTable::read_csv accepts ages 0-120

/// One past the oldest single year of age children enter at (the scenario's arrival groups).
int entry_ages(const ForwardYears& years) { return static_cast<int>(std::ceil(years.ageing_out_age)); }

/// The year of the last day before the last compared date (cut + horizon months).
int last_compared_year(const ForwardYears& years) {
  engine::Date horizon_end = engine::add_months(years.cut, years.horizon_months);
  return static_cast<int>(engine::Date{std::chrono::sys_days{horizon_end} - std::chrono::days{1}}.year());
}

double fitted_rate_at(const EntryEstimates& entries, int age) {
  const auto& edges = entries.age_edges();
  auto band = static_cast<std::size_t>(std::upper_bound(edges.begin() + 1, edges.end(), age) - edges.begin()) - 1;
  return band < entries.rates().size() ? entries.rates()[band].per_1000.rate : 0.0;
}

}  // namespace

PopulationTable flat_population(int first_year, const ForwardYears& years) {
  PopulationTable table;
  for (int year = first_year; year <= years.last_simulated_year; ++year)
    for (int age = 0; age < entry_ages(years); ++age) table.set(age, year, 1000.0);
  return table;
}

void check_population_covers_horizon(const PopulationTable& table, const EntryEstimates& entries,
                                     const ForwardYears& years) {
  int first_year = std::min(static_cast<int>(years.cut.year()), table.first_year());
  int last_year = last_compared_year(years);
  for (int age = 0; age < entry_ages(years); ++age) {
    if (fitted_rate_at(entries, age) == 0.0) continue;
    for (int year = first_year; year <= last_year; ++year)
      if (!table.at(age, year))
        throw InputError(
            SourceLocation{table.file().string(), 0, 0}, "",
            fmt::format("the population table has no row for age {} in {}; a back-test from {} over {} months needs "
                        "a row for every age from 0 to {} (below the ageing-out age {}, where the fitted entry rate "
                        "is not 0) in every year from {} (the earlier of the cut's year and the table's first) to {} "
                        "(the horizon's last year)",
                        age, year, engine::format_iso_date(years.cut), years.horizon_months, entry_ages(years) - 1,
                        years.ageing_out_age, first_year, last_year));
  }
}

PopulationTable extended_past_horizon(PopulationTable table, const ForwardYears& years) {
  for (int year = last_compared_year(years) + 1; year <= years.last_simulated_year; ++year)
    for (int age = 0; age < entry_ages(years); ++age)
      if (!table.at(age, year))
        if (auto before = table.at(age, year - 1)) table.set(age, year, *before);
  return table;
}

void write_population_csv(const PopulationTable& table, const std::filesystem::path& file) {
  std::string text = "age,year,population\n";
  for (int year = table.first_year(); year <= table.last_year(); ++year)
    for (int age = 0; age <= oldest_table_age; ++age)
      if (auto population = table.at(age, year)) text += fmt::format("{},{},{}\n", age, year, *population);
  write_text_file(file, text);
}

}  // namespace carecast::models::calibration
