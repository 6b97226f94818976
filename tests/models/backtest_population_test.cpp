// The population table of a back-test's forward run (backtest_population.hpp): the flat notional
// table stops below the ageing-out age; a user's table that misses a year the compared months
// need is an error naming that table, the age and year, and what it must cover; the months the
// simulation runs past the horizon read the last needed year, carried forward.
#include <gtest/gtest.h>

#include <string>

#include "models/calibration/backtest_population.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using test_support::input_error_of;
using test_support::ScratchFolder;

engine::Date day(const char* iso) { return *engine::parse_iso_date(iso); }

/// A back-test cut on 2024-07-01 with `horizon` months: the simulation runs whole years.
ForwardYears forward(int horizon, double ageing_out_age = 18.0) {
  int years = (horizon + 11) / 12;
  return ForwardYears{day("2024-07-01"), horizon, 2024 + years, ageing_out_age};
}

/// Entry rates fitted on one band [0, inf) at 2 per 1000, from a table of ages 0-17 in 2023-2024.
EntryEstimates fitted_entries() {
  EpisodeData data;
  data.observed_until = day("2024-06-30");
  Episode e;
  e.child = "A";
  e.birth = day("2015-01-01");
  e.start = day("2023-03-01");
  e.state = "foster";
  data.episodes = {e};
  PopulationTable table;
  for (int age = 0; age < 18; ++age)
    for (int year : {2023, 2024}) table.set(age, year, 1000.0);
  EntryOptions options;
  options.observed_from = day("2023-01-01");
  return EntryEstimates::estimate(data, table, options);
}

PopulationTable read_table(const ScratchFolder& folder, int last_year) {
  std::string text = "age,year,population\n";
  for (int year = 2023; year <= last_year; ++year)
    for (int age = 0; age <= 40; ++age) text += std::to_string(age) + "," + std::to_string(year) + ",500\n";
  return PopulationTable::read_csv(folder.write("my_population.csv", text));
}

TEST(BacktestPopulation, TheFlatTableHasEveryAgeBelowTheAgeingOutAgeAndNoOther) {
  PopulationTable flat = flat_population(2019, forward(24));
  EXPECT_EQ(flat.first_year(), 2019);
  EXPECT_EQ(flat.last_year(), 2026);  // two whole years from 2024-07-01 end on 2026-06-30
  EXPECT_EQ(flat.at(17, 2026), 1000.0);
  EXPECT_FALSE(flat.at(18, 2026)) << "children of the ageing-out age never enter";
  PopulationTable fractional = flat_population(2019, forward(24, 17.5));
  EXPECT_EQ(fractional.at(17, 2024), 1000.0);  // the simulator brings in 17-year-olds below 17.5
  EXPECT_FALSE(fractional.at(18, 2024));
}

TEST(BacktestPopulation, ATableMissingAYearTheHorizonNeedsIsAnErrorNamingIt) {
  ScratchFolder folder;
  PopulationTable table = read_table(folder, 2024);  // the horizon of 12 months reaches 2025-07-01
  auto error = input_error_of([&] { check_population_covers_horizon(table, fitted_entries(), forward(12)); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, (folder.path() / "my_population.csv").string());
  EXPECT_NE(error->problem().find("the population table has no row for age 0 in 2025"), std::string::npos)
      << error->what();
  EXPECT_NE(error->problem().find("in every year from 2023 (the earlier of the cut's year and the table's first) to "
                                  "2025 (the horizon's last year)"),
            std::string::npos)
      << error->what();
  // Six months need only 2024, although the simulation runs to mid-2025.
  EXPECT_FALSE(input_error_of([&] { check_population_covers_horizon(table, fitted_entries(), forward(6)); }));
}

TEST(BacktestPopulation, MonthsPastTheHorizonReadTheLastNeededYearCarriedForward) {
  ScratchFolder folder;
  PopulationTable table = read_table(folder, 2024);
  PopulationTable extended = extended_past_horizon(table, forward(6));  // simulated to 2025-06-30
  EXPECT_EQ(extended.at(0, 2025), 500.0);
  EXPECT_EQ(extended.at(17, 2025), 500.0);
  EXPECT_FALSE(extended.at(18, 2025)) << "only ages that can enter are carried forward";
  EXPECT_FALSE(extended.at(0, 2026));
  // A table that goes on is kept as it is.
  PopulationTable longer = read_table(folder, 2026);
  longer.set(3, 2025, 777.0);
  EXPECT_EQ(extended_past_horizon(longer, forward(6)).at(3, 2025), 777.0);
}

TEST(BacktestPopulation, TheWrittenTableReadsBackTheSame) {
  ScratchFolder folder;
  PopulationTable table = read_table(folder, 2024);
  table.set(5, 2024, 1234.5678);
  write_population_csv(table, folder.path() / "copy.csv");
  PopulationTable copy = PopulationTable::read_csv(folder.path() / "copy.csv");
  for (int year = 2023; year <= 2024; ++year)
    for (int age = 0; age <= 40; ++age) EXPECT_EQ(copy.at(age, year), table.at(age, year)) << age << " " << year;
}

}  // namespace
}  // namespace carecast::models::calibration
