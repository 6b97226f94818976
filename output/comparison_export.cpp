#include "output/comparison_export.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "output/comparison_tables.hpp"
#include "output/csv_writer.hpp"
#include "output/money_facts.hpp"
#include "output/output_error.hpp"
#include "output/result_schema.hpp"
#include "output/tidy_table.hpp"

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

/// What a table holds: the summary over replicates (a statistic column), or every replicate.
enum class TableValues { summary, replicates };

/// A figure of one group with every axis labelled, the statistic or replicate axis first.
struct LabelledFigure {
  ResultArray<double> array;
  std::vector<LabelledAxis> axes;
};

/// One group's rows of a table, over the values they read.
struct GroupRows {
  TidyTable table;
  std::vector<double> values;
};

std::vector<std::string> index_labels(std::size_t extent) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < extent; ++i) labels.push_back(std::to_string(i));
  return labels;
}

[[noreturn]] void mismatch(const ComparisonFile& file, const std::string& axis, const std::string& name,
                           std::size_t extent, std::size_t labels) {
  throw OutputError(fmt::format("'{}': the axis '{}' of the figures of '{}' has {} entries, but {} labels",
                                file.path().string(), axis, name, extent, labels));
}

/// Each year's first day and its end (the next year's first day, the horizon for the last), as
/// in the export of a result: a short year shows as such.
LabelledAxis year_spans(const ComparisonFile& file, const std::string& name, std::size_t extent) {
  const std::vector<std::string>& starts = file.year_starts();
  if (starts.size() != extent) mismatch(file, "year", name, extent, starts.size());
  LabelledAxis axis{{"year_start", "year_end"}, {}};
  for (std::size_t k = 0; k < extent; ++k) axis.fields.push_back({starts[k], file.year_ends()[k]});
  return axis;
}

/// The entries of `axis` of a figure of the group `name`: the years, the states, the group's own
/// categories, or 0, 1, … for any other axis.
LabelledAxis comparison_axis(const ComparisonFile& file, ComparisonPart part, const std::string& name,
                             const std::string& axis, std::size_t extent) {
  if (axis == "year") return year_spans(file, name, extent);
  std::vector<std::string> labels;
  if (axis == "state") labels = file.states();
  else if (axis == "category") labels = file.categories(part, name);
  else labels = index_labels(extent);
  if (labels.size() != extent) mismatch(file, axis, name, extent, labels.size());
  return named_entries(axis, labels);
}

LabelledFigure read_figure(const ComparisonFile& file, ComparisonPart part, const std::string& name,
                           const std::string& figure, TableValues values) {
  LabelledFigure labelled;
  std::string first_axis;
  if (values == TableValues::summary) {
    SummaryArray summary = file.read_summary(part, name, figure);
    labelled.axes.push_back(named_entries(schema::statistic_dimension, summary.statistics));
    labelled.array = std::move(summary);
    first_axis = schema::statistic_dimension;
  } else {
    labelled.array = file.read_replicates(part, name, figure);
    std::size_t replicates = labelled.array.shape.empty() ? 0 : labelled.array.shape.front();
    labelled.axes.push_back(named_entries(schema::replicate_dimension, index_labels(replicates)));
    first_axis = schema::replicate_dimension;
  }
  const ResultArray<double>& array = labelled.array;
  if (array.shape.empty() || array.dimensions.size() != array.shape.size() || array.dimensions.front() != first_axis)
    throw OutputError(fmt::format("'{}': the figure '{}' of '{}' does not have the axes {}, …",
                                  file.path().string(), figure, name, first_axis));
  for (std::size_t d = 1; d < array.shape.size(); ++d)
    labelled.axes.push_back(comparison_axis(file, part, name, array.dimensions[d], array.shape[d]));
  return labelled;
}

/// The figures of `table` that the group `name` has, in the table's order.
std::vector<std::string> figures_of_group(const ComparisonFile& file, const ComparisonTable& table,
                                          const std::string& name) {
  std::vector<std::string> own = file.figures(table.part, name), present;
  for (const std::string& figure : table.figures)
    if (std::find(own.begin(), own.end(), figure) != own.end()) present.push_back(figure);
  return present;
}

/// The axes of the stacked figures: the group (one entry), the measure if the table has that
/// column, then the figures' own axes.
std::vector<LabelledAxis> stacked_axes(const ComparisonTable& table, const std::string& name,
                                       const std::vector<std::string>& figures, const LabelledFigure& first) {
  std::vector<LabelledAxis> axes{named_entries(group_column(table.part), {name})};
  if (table.shape != ComparisonTableShape::own) axes.push_back(named_entries("measure", figures));
  axes.insert(axes.end(), first.axes.begin(), first.axes.end());
  return axes;
}

/// The group, then the figure's axes after the first, then the measure, then the statistic or
/// replicate: the order of the columns.
std::vector<std::size_t> stacked_column_order(std::size_t rank, bool measured) {
  std::size_t row_axis = measured ? 2 : 1;
  std::vector<std::size_t> order{0};
  for (std::size_t d = row_axis + 1; d < rank; ++d) order.push_back(d);
  if (measured) order.push_back(1);
  order.push_back(row_axis);
  return order;
}

GroupRows group_rows(const ComparisonFile& file, const ComparisonTable& table, const std::string& name,
                     const std::vector<std::string>& figures, TableValues values) {
  std::vector<LabelledFigure> labelled;
  for (const std::string& figure : figures) labelled.push_back(read_figure(file, table.part, name, figure, values));
  const LabelledFigure& first = labelled.front();
  std::vector<double> stacked;
  for (std::size_t f = 0; f < labelled.size(); ++f) {
    const ResultArray<double>& array = labelled[f].array;
    if (array.shape != first.array.shape || array.dimensions != first.array.dimensions)
      throw OutputError(fmt::format("'{}': the figures '{}' and '{}' of '{}' do not have the same axes",
                                    file.path().string(), figures.front(), figures[f], name));
    stacked.insert(stacked.end(), array.values.begin(), array.values.end());
  }
  bool measured = table.shape != ComparisonTableShape::own;
  std::vector<std::size_t> shape{1};
  if (measured) shape.push_back(figures.size());
  shape.insert(shape.end(), first.array.shape.begin(), first.array.shape.end());
  std::vector<std::size_t> order = stacked_column_order(shape.size(), measured);
  return {TidyTable(stacked_axes(table, name, figures, first), std::move(shape), std::move(order)),
          std::move(stacked)};
}

/// One table: a header, then the rows of each group of its part that has any of its figures.
void write_table(const ComparisonFile& file, const ComparisonTable& table, TableValues values, const fs::path& path) {
  CsvFile csv(path);
  std::optional<std::vector<std::string>> header;
  for (const std::string& name : file.names(table.part)) {
    std::vector<std::string> figures = figures_of_group(file, table, name);
    if (figures.empty()) continue;
    GroupRows rows = group_rows(file, table, name, figures, values);
    if (!header) {
      header = rows.table.header();
      csv.write_row(*header);
    }
    if (rows.table.header() != *header)
      throw OutputError(fmt::format("'{}': the figures of '{}' in {} do not have the axes of the other groups'",
                                    file.path().string(), name, table.file));
    write_tidy_rows(csv, rows.table, rows.values);
  }
  csv.close();
}

inline constexpr char payback_file_name[] = "comparison_payback.csv";

/// One row per alternative: the payback of the mean path (year and its first date, or "none")
/// and the share of replicates paying back, as `compare` prints them.
void write_payback(const ComparisonFile& file, const fs::path& path) {
  CsvFile csv(path);
  csv.write_row({"alternative", "mean_path_payback_year", "mean_path_payback_year_start", "share_paying_back"});
  for (const std::string& alternative : file.alternatives()) {
    ComparisonFile::Payback payback = file.payback(alternative);
    std::string year = "none", start = "none";
    if (payback.mean_path_year && *payback.mean_path_year <= file.year_starts().size()) {
      year = std::to_string(*payback.mean_path_year);
      start = file.year_starts()[*payback.mean_path_year - 1];
    }
    csv.write_row({alternative, year, start, fmt::format("{}", payback.share_paying_back)});
  }
  csv.close();
}

void write_provenance(const ComparisonFile& file, const fs::path& path) {
  CsvFile csv(path);
  csv.write_row({"key", "value"});
  csv.write_row({"kind", schema::comparison_file_kind});
  csv.write_row({"schema_version", file.schema_version()});
  csv.write_row({"seed", std::to_string(file.seed())});
  csv.write_row({"replicates", std::to_string(file.replicates())});
  csv.write_row({"engine_version", file.engine_version()});
  csv.write_row({"git_commit", file.git_commit()});
  auto write_scenario = [&](const std::string& key, const std::string& name) {
    ComparisonFile::Source source = file.source(name);
    csv.write_row({key, name});
    csv.write_row({key + "_path", source.path});
    csv.write_row({key + "_sha256", source.sha256});
  };
  write_scenario("base", file.base());
  for (std::size_t a = 0; a < file.alternatives().size(); ++a)
    write_scenario(fmt::format("alternative_{}", a + 1), file.alternatives()[a]);
  csv.write_row({"year_starts", fmt::format("{}", fmt::join(file.year_starts(), " "))});
  if (!file.year_ends().empty() && !file.year_ends().back().empty())
    csv.write_row({"horizon", file.year_ends().back()});
  models::Provenance base;
  base.scenario_text = file.source(file.base()).text;
  MoneyFacts money = money_facts(base, file.year_starts().empty() ? "" : file.year_starts().front());
  if (money.has_costs)  // every scenario counts money as the base does (compare checks it)
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"currency", money.currency}, {"price_year", money.price_year}, {"prices", money.prices},
             {"discount_rate", money.discount_rate}})
      csv.write_row({key, value});
  csv.close();
}

std::vector<fs::path> write_comparison_export(const ComparisonFile& file, const fs::path& folder,
                                              const CsvExportOptions& options) {
  std::vector<fs::path> written{provenance_file_name};
  write_provenance(file, folder / provenance_file_name);
  std::vector<ComparisonTable> tables = comparison_tables(file);
  for (const ComparisonTable& table : tables) {
    write_table(file, table, TableValues::summary, folder / table.file);
    written.push_back(table.file);
  }
  write_payback(file, folder / payback_file_name);
  written.push_back(payback_file_name);
  if (!options.replicates) return written;
  fs::create_directory(folder / replicates_folder);
  for (const ComparisonTable& table : tables) {
    fs::path name = fs::path(replicates_folder) / table.file;
    write_table(file, table, TableValues::replicates, folder / name);
    written.push_back(name);
  }
  return written;
}

}  // namespace

ExportContents comparison_export_contents(const ComparisonFile& comparison) {
  ExportContents contents;
  contents.add_file(provenance_file_name);
  contents.add_file(payback_file_name);
  for (const ComparisonTable& table : comparison_tables(comparison)) {
    contents.add_file(table.file);
    contents.add_file(fs::path(replicates_folder) / table.file);
  }
  return contents;
}

std::vector<fs::path> export_comparison_csv(const ComparisonFile& comparison, const fs::path& folder,
                                            const CsvExportOptions& options) {
  std::vector<fs::path> written;
  write_export_folder(comparison.path(), comparison_export_contents(comparison), folder, options.overwrite,
                      [&](const fs::path& temporary) {
                        written = write_comparison_export(comparison, temporary, options);
                      });
  return written;
}

}  // namespace carecast::output
