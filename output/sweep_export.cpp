#include "output/sweep_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "output/csv_writer.hpp"
#include "output/provenance_csv.hpp"
#include "output/output_error.hpp"
#include "output/result_schema.hpp"

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

constexpr char table_file_name[] = "sweep.csv";
constexpr char replicates_file_name[] = "sweep_replicates.csv";
constexpr const char* table_statistics[] = {"mean", "q05", "q95"};

std::string number_text(double value) { return fmt::format("{}", value); }

/// The folder of a combination's export: its group without the leading '/' ("combinations/03").
fs::path folder_of(const std::string& group) {
  std::size_t first = group.find_first_not_of('/');
  fs::path folder = first == std::string::npos ? fs::path() : fs::path(group.substr(first));
  bool inside = !folder.empty() && std::none_of(folder.begin(), folder.end(), [](const fs::path& part) {
    return part == ".." || part == ".";
  });
  if (!inside) throw OutputError(fmt::format("'{}' is not a group name a sweep file writes", group));
  return folder;
}

void create_folder(const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) throw OutputError(fmt::format("cannot create folder '{}': {}", folder.string(), error.message()));
}

std::vector<std::string> value_fields(const SweepFile& sweep, std::size_t combination) {
  std::vector<std::string> fields = sweep.values(combination);
  for (std::size_t k = 0; k < fields.size(); ++k)
    if (auto number = sweep.number(combination, k)) fields[k] = number_text(*number);
  return fields;
}

void write_provenance(const SweepFile& sweep, const fs::path& path) {
  write_provenance_csv(path, sweep.provenance(),
                       {{"grid_step", sweep.grid_step()},
                        {"schema_version", sweep.schema_version()},
                        {"kind", schema::sweep_file_kind},
                        {"combinations", std::to_string(sweep.combinations())}});
}

/// The value of `statistic` for each combination, from a summary [statistic, combination].
std::vector<double> statistic_row(const SummaryArray& summary, const char* statistic, std::size_t combinations) {
  auto found = std::find(summary.statistics.begin(), summary.statistics.end(), statistic);
  if (found == summary.statistics.end() || summary.values.size() != summary.statistics.size() * combinations)
    throw OutputError(fmt::format("a sweep summary lacks the statistic '{}' for every combination", statistic));
  auto first = summary.values.begin() + (found - summary.statistics.begin()) * static_cast<long>(combinations);
  return {first, first + static_cast<long>(combinations)};
}

void write_table(const SweepFile& sweep, const fs::path& path) {
  std::size_t combinations = sweep.combinations();
  std::vector<std::string> header{"combination", "folder"};
  header.insert(header.end(), sweep.keys().begin(), sweep.keys().end());
  std::vector<std::vector<double>> columns;
  for (bool differences : {false, true})
    for (const std::string& figure : sweep.figures()) {
      SummaryArray summary = differences ? sweep.difference_summary(figure) : sweep.figure_summary(figure);
      for (const char* statistic : table_statistics) {
        header.push_back(figure + (differences ? "_difference_" : "_") + statistic);
        columns.push_back(statistic_row(summary, statistic, combinations));
      }
    }
  CsvFile csv(path);
  csv.write_row(header);
  for (std::size_t c = 0; c < combinations; ++c) {
    std::vector<std::string> row{std::to_string(c), folder_of(sweep.groups()[c]).string()};
    for (std::string& value : value_fields(sweep, c)) row.push_back(std::move(value));
    for (const std::vector<double>& column : columns) row.push_back(number_text(column[c]));
    csv.write_row(row);
  }
  csv.close();
}

void write_replicates(const SweepFile& sweep, const fs::path& path) {
  std::size_t combinations = sweep.combinations();
  std::vector<std::string> header{"combination"};
  header.insert(header.end(), sweep.keys().begin(), sweep.keys().end());
  header.push_back("replicate");
  std::vector<ResultArray<double>> columns;
  for (bool differences : {false, true})
    for (const std::string& figure : sweep.figures()) {
      header.push_back(differences ? figure + "_difference" : figure);
      columns.push_back(differences ? sweep.difference_replicates(figure) : sweep.figure_replicates(figure));
      if (columns.back().values.size() != sweep.provenance().replicates * combinations)
        throw OutputError(fmt::format("the sweep figure '{}' does not hold every replicate of every combination", figure));
    }
  CsvFile csv(path);
  csv.write_row(header);
  for (std::size_t c = 0; c < combinations; ++c) {
    std::vector<std::string> values = value_fields(sweep, c);
    for (std::size_t r = 0; r < sweep.provenance().replicates; ++r) {
      std::vector<std::string> row{std::to_string(c)};
      row.insert(row.end(), values.begin(), values.end());
      row.push_back(std::to_string(r));
      for (const ResultArray<double>& column : columns) row.push_back(number_text(column.values[r * combinations + c]));
      csv.write_row(row);
    }
  }
  csv.close();
}

std::vector<fs::path> write_sweep_export(const SweepFile& sweep, const fs::path& folder,
                                         const CsvExportOptions& options) {
  std::vector<fs::path> written{provenance_file_name, table_file_name};
  write_provenance(sweep, folder / provenance_file_name);
  write_table(sweep, folder / table_file_name);
  if (options.replicates) {
    write_replicates(sweep, folder / replicates_file_name);
    written.push_back(replicates_file_name);
  }
  for (std::size_t c = 0; c < sweep.combinations(); ++c) {
    fs::path own = folder_of(sweep.groups()[c]);
    create_folder(folder / own);
    for (const fs::path& file : write_result_export(sweep.combination(c), folder / own, options))
      written.push_back(own / file);
  }
  return written;
}

/// Every file an export of `sweep` writes, with or without its replicates.
ExportContents sweep_export_contents(const SweepFile& sweep) {
  ExportContents contents;
  for (const char* name : {provenance_file_name, table_file_name, replicates_file_name}) contents.add_file(name);
  for (std::size_t c = 0; c < sweep.combinations(); ++c)
    contents.add_under(folder_of(sweep.groups()[c]), result_export_contents(sweep.combination(c)));
  return contents;
}

}  // namespace

std::vector<fs::path> export_sweep_csv(const SweepFile& sweep, const fs::path& folder,
                                       const CsvExportOptions& options) {
  std::vector<fs::path> written;
  write_export_folder(sweep.path(), sweep_export_contents(sweep), folder, options.overwrite,
                      [&](const fs::path& temporary) { written = write_sweep_export(sweep, temporary, options); });
  return written;
}

}  // namespace carecast::output
