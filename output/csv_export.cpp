#include "output/csv_export.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

#include "output/budget_measures.hpp"
#include "output/csv_writer.hpp"
#include "output/export_contents.hpp"
#include "output/money_facts.hpp"
#include "output/provenance_csv.hpp"
#include "output/output_error.hpp"
#include "output/tidy_table.hpp"

namespace carecast::output {

namespace fs = std::filesystem;

namespace {

inline constexpr char analytic_stock_file_name[] = "analytic_stock.csv";
inline constexpr char budget_file_name[] = "budget.csv";
inline constexpr char budget_horizon_file_name[] = "budget_horizon.csv";

bool has_costs(const ResultFile& file) { return file.find_array("costs") != nullptr; }

/// The names of an array's tables: its summary, and its replicates.
fs::path summary_table_name(const std::string& array) { return array + ".csv"; }
fs::path replicate_table_name(const std::string& array) { return fs::path(replicates_folder) / (array + ".csv"); }

/// The files of one export, relative to its folder; each name may be taken once.
class ExportFiles {
 public:
  explicit ExportFiles(fs::path folder) : folder_(std::move(folder)) {}

  /// The full path of `name`, recorded as written.
  fs::path add(const fs::path& name) {
    if (std::find(written_.begin(), written_.end(), name) != written_.end())
      throw OutputError(
          fmt::format("two tables of the export would both be written to '{}'", name.string()));
    written_.push_back(name);
    return folder_ / name;
  }
  const fs::path& folder() const { return folder_; }
  std::vector<fs::path> written() const { return written_; }

 private:
  fs::path folder_;
  std::vector<fs::path> written_;
};

std::vector<LabelledAxis> label_axes(const ResultFile& file, const std::string& array,
                                     const std::vector<std::string>& dimensions,
                                     const std::vector<std::size_t>& shape) {
  if (dimensions.size() != shape.size())
    throw OutputError(fmt::format("'{}': array '{}' has {} axes but {} axis names",
                                  file.path().string(), array, shape.size(), dimensions.size()));
  std::vector<LabelledAxis> axes;
  for (std::size_t d = 0; d < shape.size(); ++d)
    axes.push_back(label_axis(file, dimensions[d], shape[d]));
  return axes;
}

template <class T>
void write_table(const fs::path& path, const TidyTable& table, const std::vector<T>& values) {
  if (values.size() != table.row_count())
    throw OutputError(fmt::format("'{}' would have {} rows but its array holds {} values",
                                  path.filename().string(), table.row_count(), values.size()));
  CsvFile csv(path);
  csv.write_row(table.header());
  write_tidy_rows(csv, table, values);
  csv.close();
}

void write_summary_table(const ResultFile& file, const std::string& name, const fs::path& path) {
  SummaryArray summary = file.read_summary(name);
  std::vector<LabelledAxis> axes = label_axes(file, name, summary.dimensions, summary.shape);
  std::vector<std::size_t> order = order_with_last(summary.dimensions, "statistic");
  axes[order.back()] = named_entries("statistic", summary.statistics);
  write_table(path, TidyTable(std::move(axes), summary.shape, order), summary.values);
}

template <class T>
void write_replicate_table(const ResultFile& file, const ResultArray<T>& array,
                           const std::string& name, const fs::path& path) {
  TidyTable table(label_axes(file, name, array.dimensions, array.shape), array.shape,
                  order_with_last(array.dimensions, "replicate"));
  write_table(path, table, array.values);
}

void write_replicate_tables(const ResultFile& file, ExportFiles& files) {
  fs::create_directory(files.folder() / replicates_folder);
  for (const ArrayInfo& array : file.replicate_arrays()) {
    fs::path path = files.add(replicate_table_name(array.name));
    if (array.kind == ArrayKind::counts)
      write_replicate_table(file, file.read_counts(array.name), array.name, path);
    else
      write_replicate_table(file, file.read_sums(array.name), array.name, path);
  }
}

void write_analytic_stock(const ResultFile& file, const fs::path& path) {
  ResultArray<double> stock = file.read_analytic_stock();
  std::vector<std::size_t> order(stock.shape.size());
  for (std::size_t d = 0; d < order.size(); ++d) order[d] = d;
  TidyTable table(label_axes(file, "analytic stock", stock.dimensions, stock.shape), stock.shape,
                  order);
  write_table(path, table, stock.values);
}

/// The facts that a table's numbers need to be read: the span, the reporting years, and how
/// money is counted (as the summary's budget table states them).
void write_provenance(const ResultFile& file, const fs::path& path) {
  ProvenanceRows rows{{"grid_step", file.grid_step()},
                      {"schema_version", file.schema_version()},
                      {"start", file.grid_dates().front()},
                      {"horizon", file.grid_dates().back()},
                      {"year_starts", fmt::format("{}", fmt::join(file.year_starts(), " "))}};
  MoneyFacts money = money_facts(file.provenance(), file.grid_dates().front());
  if (money.has_costs)
    rows.insert(rows.end(), {{"currency", money.currency},
                             {"price_year", money.price_year},
                             {"prices", money.prices},
                             {"discount_rate", money.discount_rate}});
  write_provenance_csv(path, file.provenance(), rows);
}

/// True if `inner` is `outer` or lies somewhere below it.
bool lies_within(const fs::path& inner, const fs::path& outer) {
  std::error_code error;
  fs::path a = fs::weakly_canonical(inner, error);
  if (error) a = fs::absolute(inner).lexically_normal();
  fs::path b = fs::weakly_canonical(outer, error);
  if (error) b = fs::absolute(outer).lexically_normal();
  auto [in_b, in_a] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
  return in_b == b.end() || (in_b->empty() && std::next(in_b) == b.end());
}

/// Throws OutputError, naming the first file or folder in `listed` that is not one of
/// `contents`, if there is one. `folder` is the export folder as the user named it; `listed` is
/// that folder, or the same folder moved aside just before it is replaced.
void refuse_foreign_files(const ExportContents& contents, const fs::path& listed, const fs::path& folder,
                          const fs::path& result_path) {
  std::optional<fs::path> foreign = contents.first_foreign(listed);
  if (!foreign) return;
  std::error_code error;
  bool is_folder = fs::is_directory(fs::symlink_status(listed / *foreign, error));
  throw OutputError(fmt::format(
      "export folder '{}' holds {}'{}', which an export of '{}' does not write; --force replaces only a "
      "folder that holds nothing but an earlier export, so nothing was changed: move '{}' out of the "
      "folder, or choose another folder",
      folder.string(), is_folder ? "the folder " : "", foreign->string(), result_path.string(),
      (folder / *foreign).string()));
}

}  // namespace

std::vector<fs::path> write_result_export(const ResultFile& file, const fs::path& folder,
                                          const CsvExportOptions& options) {
  ExportFiles files(folder);
  write_provenance(file, files.add(provenance_file_name));
  for (const ArrayInfo& array : file.replicate_arrays())
    write_summary_table(file, array.name, files.add(summary_table_name(array.name)));
  if (file.has_analytic_stock()) write_analytic_stock(file, files.add(analytic_stock_file_name));
  if (has_costs(file)) {
    write_budget_csv(file, files.add(budget_file_name));
    write_budget_horizon_csv(file, files.add(budget_horizon_file_name));
  }
  if (options.replicates && !file.replicate_arrays().empty()) write_replicate_tables(file, files);
  return files.written();
}

ExportContents result_export_contents(const ResultFile& file) {
  ExportContents contents;
  contents.add_file(provenance_file_name);
  for (const ArrayInfo& array : file.replicate_arrays()) {
    contents.add_file(summary_table_name(array.name));
    contents.add_file(replicate_table_name(array.name));
  }
  if (file.has_analytic_stock()) contents.add_file(analytic_stock_file_name);
  if (has_costs(file)) {
    contents.add_file(budget_file_name);
    contents.add_file(budget_horizon_file_name);
  }
  return contents;
}

void check_export_target(const ResultFile& result, const fs::path& folder, bool overwrite) {
  check_export_target(result.path(), result_export_contents(result), folder, overwrite);
}

void check_export_target(const fs::path& result_path, const ExportContents& contents, const fs::path& folder,
                         bool overwrite) {
  check_folder_target(folder, overwrite);
  if (!overwrite || !is_non_empty_folder(folder)) return;
  if (lies_within(result_path, folder))
    throw OutputError(fmt::format("result file '{}' lies in export folder '{}'; replacing the "
                                  "folder would remove it",
                                  result_path.string(), folder.string()));
  refuse_foreign_files(contents, folder, folder, result_path);
  if (!fs::is_regular_file(folder / provenance_file_name))
    throw OutputError(fmt::format(
        "export folder '{}' is not empty and holds no earlier export (no {}); --force replaces "
        "only an earlier export, so remove the folder yourself or choose another",
        folder.string(), provenance_file_name));
}

void write_export_folder(const fs::path& result_path, const ExportContents& contents, const fs::path& folder,
                         bool overwrite, const std::function<void(const fs::path&)>& write) {
  check_export_target(result_path, contents, folder, overwrite);
  write_folder_atomically(folder, overwrite, write, [&](const fs::path& moved_aside) {
    refuse_foreign_files(contents, moved_aside, folder, result_path);
  });
}

std::vector<fs::path> export_csv(const ResultFile& result, const fs::path& folder,
                                 const CsvExportOptions& options) {
  std::vector<fs::path> written;
  write_export_folder(result.path(), result_export_contents(result), folder, options.overwrite,
                      [&](const fs::path& temporary) { written = write_result_export(result, temporary, options); });
  return written;
}

}  // namespace carecast::output
