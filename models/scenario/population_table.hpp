#pragma once
// Children in the population by single year of age and calendar year: the demographic
// pressure behind entries. Read from a CSV with columns age, year, population.
#include <filesystem>
#include <map>
#include <optional>
#include <utility>

namespace carecast::models {

class PopulationTable {
 public:
  static PopulationTable read_csv(const std::filesystem::path& file);

  void set(int age, int year, double population) { values_[{age, year}] = population; }
  std::optional<double> at(int age, int year) const;
  int first_year() const;
  int last_year() const;
  bool empty() const { return values_.empty(); }
  /// The population of `age` in `year`; years before the table use its first year.
  double for_year_or_first(int age, int year) const;
  const std::filesystem::path& file() const { return file_; }

 private:
  std::map<std::pair<int, int>, double> values_;
  std::filesystem::path file_;
};

}  // namespace carecast::models
