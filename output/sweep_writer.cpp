#include "output/sweep_writer.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "engine/replicate_statistics.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_types.hpp"
#include "output/output_error.hpp"
#include "output/result_schema.hpp"
#include "output/result_target.hpp"
#include "output/result_writer.hpp"
#include "output/sweep_schema.hpp"

namespace carecast::output {

namespace {

namespace ss = sweep_schema;

void write_dimensions(hid_t dataset, std::vector<std::string> dimensions) {
  hdf5::write_string_list_attribute(dataset, schema::dimensions, dimensions);
}

/// A two-axis string dataset [rows, columns], values row by row.
void write_string_table(hid_t parent, const std::string& name, const std::vector<std::string>& values,
                        std::size_t rows, std::size_t columns, std::vector<std::string> dimensions) {
  hdf5::Datatype type = hdf5::utf8_string_type();
  hdf5::Dataspace space = hdf5::simple_space({rows, columns});
  hdf5::PropertyList creation = hdf5::untimed_creation_list(H5P_DATASET_CREATE);
  hdf5::Dataset dataset(hdf5::check(
      H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT, creation.get(), H5P_DEFAULT),
      "create dataset", parent, name));
  std::vector<const char*> pointers = hdf5::c_strings(values);
  if (!values.empty())
    hdf5::check_status(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
                       "write dataset", parent, name);
  write_dimensions(dataset.get(), std::move(dimensions));
}

void write_root(hid_t root, const models::Provenance& run, const std::string& grid_step,
                const SweepSummary& summary) {
  hdf5::write_string_attribute(root, schema::schema_version, schema::version);
  hdf5::write_string_attribute(root, schema::file_kind, schema::sweep_file_kind);
  hdf5::write_string_attribute(root, schema::scenario_path, run.scenario_path);
  hdf5::write_string_attribute(root, schema::scenario_text, run.scenario_text);
  hdf5::write_string_attribute(root, schema::scenario_sha256, run.scenario_sha256);
  hdf5::write_number_attribute<std::uint64_t>(root, schema::seed, run.seed);
  hdf5::write_number_attribute<std::uint64_t>(root, schema::replicates, summary.replicates);
  hdf5::write_number_attribute<std::int64_t>(root, schema::parameter_uncertainty, run.parameter_uncertainty ? 1 : 0);
  hdf5::write_string_attribute(root, schema::engine_version, run.engine_version);
  hdf5::write_string_attribute(root, schema::git_commit, run.git_commit);
  hdf5::write_string_attribute(root, schema::grid_step, grid_step);
  hdf5::write_number_attribute<std::uint64_t>(root, ss::combinations_attribute, summary.table.values.size());
  hdf5::write_string_attribute(root, ss::mode, summary.table.grid ? "grid" : "list");
  write_run_info(root, run);
}

void write_table(hid_t sweep, const SweepTable& table, const std::vector<std::string>& groups) {
  std::size_t combinations = table.values.size(), keys = table.keys.size();
  hdf5::write_string_dataset(sweep, ss::keys, table.keys);
  hdf5::write_string_dataset(sweep, ss::groups, groups);
  std::vector<std::string> values;
  std::vector<double> numbers;
  for (std::size_t c = 0; c < combinations; ++c)
    for (std::size_t k = 0; k < keys; ++k) {
      values.push_back(table.values[c][k]);
      numbers.push_back(table.numbers[c][k].value_or(std::numeric_limits<double>::quiet_NaN()));
    }
  write_string_table(sweep, ss::values, values, combinations, keys, {ss::combination_dimension, ss::key_dimension});
  hdf5::Dataset data =
      hdf5::write_number_dataset<double>(sweep, ss::numbers, numbers, {combinations, keys});
  write_dimensions(data.get(), {ss::combination_dimension, ss::key_dimension});
}

void write_figure(hid_t replicates_group, hid_t summary_group, const std::string& name,
                  const std::vector<double>& values, std::size_t replicates, std::size_t combinations) {
  {
    hdf5::Dataset data =
        hdf5::write_number_dataset<double>(replicates_group, name, values, {replicates, combinations});
    write_dimensions(data.get(), {schema::replicate_dimension, ss::combination_dimension});
  }
  std::vector<std::string> statistics(engine::summary_statistic_names.begin(), engine::summary_statistic_names.end());
  std::vector<double> summary = engine::summarize_columns(values, replicates, combinations);
  hdf5::Dataset data =
      hdf5::write_number_dataset<double>(summary_group, name, summary, {statistics.size(), combinations});
  hdf5::write_string_list_attribute(data.get(), schema::statistics, statistics);
  write_dimensions(data.get(), {schema::statistic_dimension, ss::combination_dimension});
}

void write_figures(hid_t parent, const SweepSummary& summary, bool differences) {
  hdf5::Group replicates = hdf5::create_group(parent, schema::replicates);
  hdf5::Group statistics = hdf5::create_group(parent, schema::summary);
  for (const SweepFigure& figure : summary.figures)
    write_figure(replicates.get(), statistics.get(), figure.name, differences ? figure.differences : figure.values,
                 summary.replicates, summary.table.values.size());
}

}  // namespace

std::string SweepWriter::group_of(std::size_t index, std::size_t combinations) {
  std::size_t width = fmt::format("{}", combinations > 0 ? combinations - 1 : 0).size();
  return fmt::format("/{}/{:0{}}", ss::combinations_group, index, width);
}

SweepWriter::SweepWriter(const std::filesystem::path& file, std::size_t combinations)
    : file_(hdf5::create_file(file)), count_(combinations), added_(combinations, false) {
  hdf5::create_group(file_.get(), ss::combinations_group);
}

std::string SweepWriter::add_combination(std::size_t index, const models::RunResult& result) {
  hdf5::silence_error_printing();  // errors become exceptions on whichever thread writes
  if (finished() || index >= count_ || added_[index])
    throw OutputError(fmt::format("sweep combination {} cannot be written (of {})", index, count_));
  if (grid_step_.empty()) grid_step_ = result.grid_step;
  std::string path = group_of(index, count_);
  hdf5::Group group = hdf5::create_group(file_.get(), path);
  write_result_into(group.get(), result);
  added_[index] = true;
  return path;
}

void SweepWriter::finish(const SweepSummary& summary, const models::Provenance& run) {
  hdf5::silence_error_printing();
  for (std::size_t c = 0; c < count_; ++c)
    if (!added_[c]) throw OutputError(fmt::format("sweep combination {} was never written", c));
  if (summary.table.values.size() != count_)
    throw OutputError(fmt::format("a sweep of {} combinations has a table of {}", count_, summary.table.values.size()));
  std::vector<std::string> groups;
  for (std::size_t c = 0; c < count_; ++c) groups.push_back(group_of(c, count_));
  {
    hdf5::Group root = hdf5::open_group(file_.get(), "/");
    write_root(root.get(), run, grid_step_, summary);
    hdf5::Group sweep = hdf5::create_group(root.get(), ss::sweep);
    write_table(sweep.get(), summary.table, groups);
    write_figures(sweep.get(), summary, false);
    hdf5::Group differences = hdf5::create_group(sweep.get(), ss::differences);
    write_figures(differences.get(), summary, true);
  }
  hdf5::close_file(file_);
}

void write_sweep_file(const std::filesystem::path& target, bool overwrite, std::size_t combinations,
                      const std::function<void(SweepWriter&)>& fill) {
  check_result_target(target, overwrite);
  write_atomically(target, overwrite, [&](const std::filesystem::path& temporary) {
    try {
      SweepWriter writer(temporary, combinations);
      fill(writer);
      if (!writer.finished()) throw OutputError("the sweep was not finished");
    } catch (const OutputError& error) {
      throw OutputError(fmt::format("cannot write sweep file '{}': {}", target.string(), error.what()));
    }
  });
}

}  // namespace carecast::output
