// PopulationTable: children in the population by single year of age and calendar year, read from
// a CSV with columns age, year, population (in any order; extra columns ignored; # comments).
// Every problem in the file is an InputError naming the file and the line.
#include "models/scenario/population_table.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "models/config/input_error.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::data_dir;
using test_support::input_error_of;

std::filesystem::path table(const std::string& name) { return data_dir() / "tables" / name; }

TEST(PopulationTable, ReadsAgesYearsAndPopulations) {
  PopulationTable population = PopulationTable::read_csv(table("population.csv"));
  EXPECT_FALSE(population.empty());
  EXPECT_EQ(population.file(), table("population.csv"));
  EXPECT_EQ(population.at(0, 2025), 100.0);
  EXPECT_EQ(population.at(1, 2025), 110.5);
  EXPECT_EQ(population.at(0, 2026), 120.0);
  EXPECT_EQ(population.at(1, 2026), 130.0);
  EXPECT_FALSE(population.at(2, 2025).has_value());
  EXPECT_FALSE(population.at(0, 2027).has_value());
  EXPECT_EQ(population.first_year(), 2025);
  EXPECT_EQ(population.last_year(), 2026);
}

TEST(PopulationTable, ColumnsMayComeInAnyOrder) {
  PopulationTable population = PopulationTable::read_csv(table("population_reordered.csv"));
  EXPECT_EQ(population.at(3, 2025), 7.0);
}

TEST(PopulationTable, YearsBeforeTheTableUseItsFirstYear) {
  PopulationTable population = PopulationTable::read_csv(table("population.csv"));
  EXPECT_EQ(population.for_year_or_first(1, 2000), 110.5);
  EXPECT_EQ(population.for_year_or_first(1, 2024), 110.5);
  EXPECT_EQ(population.for_year_or_first(1, 2025), 110.5);
  EXPECT_EQ(population.for_year_or_first(1, 2026), 130.0);
  EXPECT_EQ(population.for_year_or_first(5, 2026), 0.0);  // an age the table does not hold
}

TEST(PopulationTable, SetAddsAndReplacesValues) {
  PopulationTable population;
  EXPECT_TRUE(population.empty());
  population.set(4, 2030, 12.0);
  population.set(4, 2028, 10.0);
  population.set(4, 2030, 13.0);
  EXPECT_EQ(population.at(4, 2030), 13.0);
  EXPECT_EQ(population.first_year(), 2028);
  EXPECT_EQ(population.last_year(), 2030);
}

struct BadTable {
  std::string file;
  int line;
  std::string fragment;
};

void PrintTo(const BadTable& bad, std::ostream* out) { *out << bad.file; }

class PopulationTableErrors : public ::testing::TestWithParam<BadTable> {};

TEST_P(PopulationTableErrors, AreLocatedAtTheFileAndLine) {
  const BadTable& bad = GetParam();
  auto error = input_error_of([&] { PopulationTable::read_csv(table(bad.file)); });
  ASSERT_TRUE(error.has_value()) << bad.file;
  EXPECT_EQ(error->where().file, table(bad.file).string());
  EXPECT_EQ(error->where().line, bad.line) << error->what();
  EXPECT_NE(error->problem().find(bad.fragment), std::string::npos) << error->what();
  std::string what = error->what();
  EXPECT_NE(what.find(bad.file + (bad.line > 0 ? ":" + std::to_string(bad.line) : "")), std::string::npos) << what;
}

INSTANTIATE_TEST_SUITE_P(
    Files, PopulationTableErrors,
    ::testing::Values(BadTable{"population_duplicate.csv", 6, "age 0 in 2025 appears twice"},
                      BadTable{"population_negative.csv", 3, "the population must be a number that is zero or more"},
                      BadTable{"population_age_range.csv", 2, "age 121 is outside 0-120"},
                      BadTable{"population_not_a_number.csv", 3, "population"},
                      BadTable{"population_too_few_columns.csv", 3, "Too few columns"},
                      BadTable{"population_empty.csv", 0, "the population table has no rows"},
                      // The header is on line 2 (after a comment); a missing column is a
                      // problem of the header, so the error should name that line.
                      BadTable{"population_missing_column.csv", 2, "population"}),
    [](const ::testing::TestParamInfo<BadTable>& info) {
      std::string name = info.param.file.substr(0, info.param.file.find('.'));
      return name;
    });

TEST(PopulationTable, AMissingFileIsAnInputError) {
  auto error = input_error_of([&] { PopulationTable::read_csv(table("no_such_population.csv")); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string(error->what()).find("no_such_population.csv"), std::string::npos) << error->what();
}

}  // namespace
}  // namespace carecast::models
