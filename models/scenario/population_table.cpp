#include "models/scenario/population_table.hpp"

#include <fmt/format.h>

#include "models/scenario/csv_cell.hpp"
#include "models/scenario/csv_table.hpp"

namespace carecast::models {

namespace {

/// Calendar years are written with four digits, as in the scenario's dates.
constexpr long latest_year = 9999;

}  // namespace

PopulationTable PopulationTable::read_csv(const std::filesystem::path& file) {
  PopulationTable table;
  table.file_ = file;
  try {
    CsvReader<3> in(file);
    in.read_header(io::ignore_extra_column, "age", "year", "population");
    char *age_text = nullptr, *year_text = nullptr, *population_text = nullptr;
    while (in.read_row(age_text, year_text, population_text)) {
      int line = static_cast<int>(in.get_file_line());
      auto age = static_cast<int>(whole_number_in(CsvCell{file, line, "age", age_text}, 0, 120));
      auto year = static_cast<int>(whole_number_in(CsvCell{file, line, "year", year_text}, 0, latest_year));
      double population = number(CsvCell{file, line, "population", population_text});
      SourceLocation here{file.string(), line, 0};
      if (population < 0) throw InputError(here, "", "the population must be a number that is zero or more");
      if (table.at(age, year))
        throw InputError(here, "", fmt::format("age {} in {} appears twice", age, year));
      table.set(age, year, population);
    }
  } catch (const io::error::base& error) {
    rethrow_csv_error(error, file);
  }
  if (table.empty()) throw InputError(SourceLocation{file.string(), 0, 0}, "", "the population table has no rows");
  return table;
}

std::optional<double> PopulationTable::at(int age, int year) const {
  auto found = values_.find({age, year});
  if (found == values_.end()) return std::nullopt;
  return found->second;
}

int PopulationTable::first_year() const {
  int first = values_.begin()->first.second;
  for (const auto& [key, value] : values_) first = std::min(first, key.second);
  return first;
}

int PopulationTable::last_year() const {
  int last = values_.begin()->first.second;
  for (const auto& [key, value] : values_) last = std::max(last, key.second);
  return last;
}

double PopulationTable::for_year_or_first(int age, int year) const {
  auto value = at(age, std::max(year, first_year()));
  return value.value_or(0.0);
}

}  // namespace carecast::models
