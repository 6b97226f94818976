#pragma once
// The population table of a back-test's forward run: the user's table (read from the user's own
// file, so that its errors name that file and line) or, without one, a flat notional population
// of 1000 at each single year of age below the ageing-out age in every year.
//
// The forward scenario reads the table as a scenario does (entries_section.cpp,
// check_population_coverage): every age below the ageing-out age whose fitted entry rate is not 0
// must have a row in every year from the earlier of the cut's year and the table's first year to
// the last simulated year. The comparison needs only the years up to the horizon, so a missing
// row there is an InputError naming the user's table, the age and year, and what the table must
// cover; the simulation runs on to the end of its last whole year, and for those months, which
// are not compared, the last needed year's rows are carried forward where the table has none.
#include <filesystem>

#include "engine/calendar.hpp"
#include "models/calibration/entry_estimates.hpp"
#include "models/scenario/population_table.hpp"

namespace carecast::models::calibration {

/// The years a back-test's forward run reads, and the ages entries can come in at.
struct ForwardYears {
  engine::Date cut{};
  int horizon_months = 24;
  int last_simulated_year = 0;  // the year of the simulation's last day
  double ageing_out_age = 18.0;
};

/// 1000 at each age below the ageing-out age in every year from `first_year` to the last simulated one.
PopulationTable flat_population(int first_year, const ForwardYears& years);

/// Checks that `table` covers what the compared months need (see above); `entries` are the
/// rates fitted before the cut. Throws InputError at the table's file.
void check_population_covers_horizon(const PopulationTable& table, const EntryEstimates& entries,
                                     const ForwardYears& years);

/// The table with the rows the uncompared months after the horizon read, carried forward from
/// the last needed year where the table has none.
PopulationTable extended_past_horizon(PopulationTable table, const ForwardYears& years);

/// Writes the table as a population CSV (age, year, population); throws FileWriteError.
void write_population_csv(const PopulationTable& table, const std::filesystem::path& file);

}  // namespace carecast::models::calibration
