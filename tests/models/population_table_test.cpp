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
using test_support::ScratchFolder;
using namespace std::string_literals;

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
                      BadTable{"population_too_few_columns.csv", 3,
                               "expected 3 fields, one for each column of the header, found 2"},
                      BadTable{"population_empty.csv", 0, "the population table has no rows"},
                      // The header is on line 2 (after a comment); a missing column is a
                      // problem of the header, so the error should name that line.
                      BadTable{"population_missing_column.csv", 2, "population"}),
    [](const ::testing::TestParamInfo<BadTable>& info) {
      std::string name = info.param.file.substr(0, info.param.file.find('.'));
      return name;
    });

// A cell must hold its number from its first to its last character: an empty cell, a thousands
// separator, a decimal comma or a NUL byte is an error naming the line, the column and the text.
struct BadText {
  std::string name;
  std::string text;  // the whole file
  int line;
  int column;  // 0 where the error names the column by its header name
  std::string fragment;
};

void PrintTo(const BadText& bad, std::ostream* out) { *out << bad.name; }

class PopulationTableTextErrors : public ::testing::TestWithParam<BadText> {};

TEST_P(PopulationTableTextErrors, NameTheFileLineColumnAndText) {
  const BadText& bad = GetParam();
  ScratchFolder scratch;
  auto file = scratch.write("p.csv", bad.text);
  auto error = input_error_of([&] { PopulationTable::read_csv(file); });
  ASSERT_TRUE(error.has_value()) << bad.name;
  EXPECT_EQ(error->where().file, file.string());
  EXPECT_EQ(error->where().line, bad.line) << error->what();
  EXPECT_EQ(error->where().column, bad.column) << error->what();
  EXPECT_NE(error->problem().find(bad.fragment), std::string::npos) << error->what();
}

INSTANTIATE_TEST_SUITE_P(
    Cells, PopulationTableTextErrors,
    ::testing::Values(
        BadText{"empty_population", "age,year,population\n0,2025,\n", 2, 0,
                "population is empty; expected a number"},
        BadText{"empty_age", "age,year,population\n0,2025,700\n,2025,700\n", 3, 0,
                "age is empty; expected a whole number"},
        BadText{"empty_quoted_year", "age,year,population\n0,\"\",700\n", 2, 0, "year is empty"},
        BadText{"thousands_separator", "age,year,population\n0,2025,\"1,000\"\n", 2, 0,
                "population '1,000' is not a number; expected digits with an optional decimal point"},
        BadText{"decimal_comma", "age,year,population\n0,2025,\"800,4\"\n", 2, 0,
                "population '800,4' is not a number"},
        BadText{"trailing_text", "age,year,population\n0,2025,700 children\n", 2, 0,
                "population '700 children' is not a number"},
        BadText{"infinite", "age,year,population\n0,2025,inf\n", 2, 0, "population 'inf' is not a number"},
        BadText{"age_not_whole", "age,year,population\n1.5,2025,700\n", 2, 0,
                "age '1.5' is not a whole number; expected digits only"},
        BadText{"quoted_age_with_comma", "age,year,population\n\"1,5\",2025,700\n", 2, 0,
                "age '1,5' is not a whole number"},
        BadText{"age_beyond_64_bits", "age,year,population\n99999999999999999999,2025,700\n", 2, 0,
                "age '99999999999999999999' has too many digits"},
        BadText{"age_that_wraps_in_32_bits", "age,year,population\n4294967296,2025,700\n", 2, 0,
                "age 4294967296 is outside 0-120"},
        BadText{"year_of_five_digits", "age,year,population\n0,20250,700\n", 2, 0, "year 20250 is outside 0-9999"},
        BadText{"nul_in_a_cell", "age,year,population\n0,2025,10\0 00\n"s, 2, 10,
                "a NUL byte (code 0) follows '0,2025,10' on this line; expected text only"},
        BadText{"nul_in_the_first_cell", "age,year,population\n0,2025,700\n1\0,2025,700\n"s, 3, 2,
                "a NUL byte"},
        BadText{"old_mac_line_endings", "age,year,population\r0,2025,700\r1,2025,700\r", 1, 20,
                "the line 'age,year,population' ends in a carriage return (CR) alone, as in old Mac files; "
                "expected lines ending in LF or CRLF"},
        BadText{"a_lone_cr_later", "age,year,population\r\n0,2025,700\r1,2025,700\r\n", 2, 11,
                "the line '0,2025,700' ends in a carriage return (CR) alone"}),
    [](const ::testing::TestParamInfo<BadText>& info) { return info.param.name; });

TEST(PopulationTable, ReadsQuotedNumbersAndWindowsLineEndings) {
  ScratchFolder scratch;
  auto file = scratch.write("p.csv", "age,year,population\r\n\"0\",2025,\"1000\"\r\n 1 ,2025,\t980.5\r\n");
  PopulationTable population = PopulationTable::read_csv(file);
  EXPECT_EQ(population.at(0, 2025), 1000.0);
  EXPECT_EQ(population.at(1, 2025), 980.5);
}

TEST(PopulationTable, ATableSavedWithSemicolonsIsRefusedWithAHintAtTheSeparator) {
  ScratchFolder scratch;
  auto file = scratch.write("p.csv", "# Danish Excel\nage;year;population\n0;2025;980,5\n");
  auto error = input_error_of([&] { PopulationTable::read_csv(file); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_NE(error->problem().find("the header 'age;year;population' is one column: the file seems separated by "
                                  "semicolons (;), but carecast reads commas"),
            std::string::npos)
      << error->what();
}

TEST(PopulationTable, ATableSavedAsUtf16IsRefusedAsSuch) {
  ScratchFolder scratch;
  auto file = scratch.write("p.csv", std::string("\xFF\xFE" "a\0g\0e\0", 8));
  auto error = input_error_of([&] { PopulationTable::read_csv(file); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 1);
  EXPECT_NE(error->problem().find("the file is UTF-16 text"), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find("save it as CSV UTF-8"), std::string::npos) << error->what();
}

TEST(PopulationTable, AnEmptyFileIsRefusedAtItsFirstLine) {
  ScratchFolder scratch;
  auto file = scratch.write("p.csv", "");
  auto error = input_error_of([&] { PopulationTable::read_csv(file); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 1);
  EXPECT_EQ(error->problem(), "the file is empty; expected a header line naming the columns, then one line per row");
}

TEST(PopulationTable, AMissingColumnOfACommaSeparatedTableGetsNoSeparatorHint) {
  ScratchFolder scratch;
  auto file = scratch.write("p.csv", "age,year;population\n0,2025;980\n");
  auto error = input_error_of([&] { PopulationTable::read_csv(file); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem().find("is one column"), std::string::npos) << error->what();
}

TEST(PopulationTable, AFolderIsAnInputErrorThatSaysSo) {
  ScratchFolder scratch;
  auto error = input_error_of([&] { PopulationTable::read_csv(scratch.path()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, scratch.path().string());
  EXPECT_NE(error->problem().find("(it is a folder, not a file)"), std::string::npos) << error->what();
}

TEST(PopulationTable, AMissingFileIsAnInputError) {
  auto error = input_error_of([&] { PopulationTable::read_csv(table("no_such_population.csv")); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string(error->what()).find("no_such_population.csv"), std::string::npos) << error->what();
}

}  // namespace
}  // namespace carecast::models
