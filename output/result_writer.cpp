#include "output/result_writer.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "engine/replicate_statistics.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "output/replicate_summary.hpp"
#include "output/reporting_years.hpp"
#include "output/result_schema.hpp"
#include "output/result_validation.hpp"

namespace carecast::output {

namespace {

using models::RunResult;

std::vector<std::string> prefixed(std::string first, const std::vector<std::string>& rest) {
  std::vector<std::string> all{std::move(first)};
  all.insert(all.end(), rest.begin(), rest.end());
  return all;
}

std::vector<std::size_t> prefixed(std::size_t first, const std::vector<std::size_t>& rest) {
  std::vector<std::size_t> all{first};
  all.insert(all.end(), rest.begin(), rest.end());
  return all;
}

std::vector<std::string> statistic_names() {
  return {engine::summary_statistic_names.begin(), engine::summary_statistic_names.end()};
}

void write_provenance(hid_t root, const RunResult& result) {
  const models::Provenance& p = result.provenance;
  hdf5::write_string_attribute(root, schema::schema_version, schema::version);
  hdf5::write_string_attribute(root, schema::scenario_path, p.scenario_path);
  hdf5::write_string_attribute(root, schema::scenario_text, p.scenario_text);
  hdf5::write_string_attribute(root, schema::scenario_sha256, p.scenario_sha256);
  hdf5::write_number_attribute<std::uint64_t>(root, schema::seed, p.seed);
  hdf5::write_number_attribute<std::uint64_t>(root, schema::replicates, result.replicates.size());
  hdf5::write_number_attribute<std::int64_t>(root, schema::parameter_uncertainty, p.parameter_uncertainty ? 1 : 0);
  hdf5::write_string_attribute(root, schema::engine_version, p.engine_version);
  hdf5::write_string_attribute(root, schema::git_commit, p.git_commit);
  hdf5::write_string_attribute(root, schema::grid_step, result.grid_step);
}

void write_grid(hid_t root, const RunResult& result) {
  hdf5::Group group = hdf5::create_group(root, schema::grid);
  hdf5::write_string_dataset(group.get(), schema::grid_date, result.grid_dates);
  hdf5::write_number_dataset<double>(group.get(), schema::grid_day, result.grid_days,
                                     {result.grid_days.size()});
  hdf5::write_string_dataset(group.get(), schema::grid_year_start,
                             reporting_years_of(result).first_dates(result.grid_dates));
}

void write_states(hid_t root, const std::vector<models::StateDescription>& states) {
  std::vector<std::string> names, labels, kinds;
  for (const models::StateDescription& state : states) {
    names.push_back(state.name);
    labels.push_back(state.label);
    kinds.push_back(state.kind);
  }
  hdf5::Group group = hdf5::create_group(root, schema::states);
  hdf5::write_string_dataset(group.get(), schema::state_name, names);
  hdf5::write_string_dataset(group.get(), schema::state_label, labels);
  hdf5::write_string_dataset(group.get(), schema::state_kind, kinds);
}

template <class T>
std::span<const T> values_of(const engine::Tally& tally, std::size_t handle) {
  if constexpr (std::is_same_v<T, std::int64_t>)
    return tally.counts(handle);
  else
    return tally.sums(handle);
}

template <class T>
void write_replicate_array(hid_t group, const RunResult& result, std::size_t handle,
                           const engine::TallyArray& array) {
  std::vector<std::size_t> shape = prefixed(result.replicates.size(), array.shape);
  hdf5::Dataset dataset = hdf5::create_number_dataset<T>(group, array.name, shape);
  for (std::size_t r = 0; r < result.replicates.size(); ++r)
    hdf5::write_row<T>(dataset.get(), r, values_of<T>(result.replicates[r], handle));
  hdf5::write_string_list_attribute(dataset.get(), schema::dimensions,
                                    prefixed(schema::replicate_dimension, array.dimensions));
}

void write_replicate_arrays(hid_t root, const RunResult& result) {
  hdf5::Group group = hdf5::create_group(root, schema::replicates);
  const engine::TallyLayout& layout = *result.layout;
  for (std::size_t h = 0; h < layout.counts().size(); ++h)
    write_replicate_array<std::int64_t>(group.get(), result, h, layout.counts()[h]);
  for (std::size_t h = 0; h < layout.sums().size(); ++h)
    write_replicate_array<double>(group.get(), result, h, layout.sums()[h]);
}

void write_summary_array(hid_t group, const engine::TallyArray& array,
                         const std::vector<double>& summary) {
  std::vector<std::string> statistics = statistic_names();
  std::vector<std::size_t> shape = prefixed(statistics.size(), array.shape);
  hdf5::Dataset dataset = hdf5::write_number_dataset<double>(group, array.name, summary, shape);
  hdf5::write_string_list_attribute(dataset.get(), schema::statistics, statistics);
  hdf5::write_string_list_attribute(dataset.get(), schema::dimensions,
                                    prefixed(schema::statistic_dimension, array.dimensions));
}

void write_summaries(hid_t root, const RunResult& result) {
  hdf5::Group group = hdf5::create_group(root, schema::summary);
  const engine::TallyLayout& layout = *result.layout;
  for (std::size_t h = 0; h < layout.counts().size(); ++h)
    write_summary_array(group.get(), layout.counts()[h], summarize_counts(result.replicates, h));
  for (std::size_t h = 0; h < layout.sums().size(); ++h)
    write_summary_array(group.get(), layout.sums()[h], summarize_sums(result.replicates, h));
}

void write_axis_labels(hid_t root, const engine::TallyLayout& layout) {
  hdf5::Group group = hdf5::create_group(root, schema::axes);
  for (const auto& [axis, labels] : layout.axis_labels()) hdf5::write_string_dataset(group.get(), axis, labels);
}

void write_analytic_stock(hid_t root, const RunResult& result) {
  if (result.analytic_stock.empty()) return;
  hdf5::Group group = hdf5::create_group(root, schema::analytic);
  hdf5::Dataset dataset =
      hdf5::write_number_dataset<double>(group.get(), schema::analytic_stock, result.analytic_stock,
                                         {result.grid_dates.size(), result.states.size()});
  hdf5::write_string_list_attribute(dataset.get(), schema::dimensions, {"time", "state"});
}

void write_result_file(const RunResult& result, const std::filesystem::path& path) {
  hdf5::File file = hdf5::create_file(path);
  {
    hdf5::Group root = hdf5::open_group(file.get(), "/");
    write_result_into(root.get(), result);
  }
  hdf5::close_file(file);
}

}  // namespace

void write_run_info(hid_t root, const models::Provenance& p) {
  hdf5::Group group = hdf5::create_group(root, schema::run_info);
  hdf5::write_number_attribute<std::int64_t>(group.get(), schema::threads, p.threads);
  hdf5::write_number_attribute<std::int64_t>(group.get(), schema::ranks, p.ranks);
  hdf5::write_string_attribute(group.get(), schema::command_line, p.command_line);
  hdf5::write_string_attribute(group.get(), schema::host, p.host);
  hdf5::write_string_attribute(group.get(), schema::started_at, p.started_at);
  hdf5::write_string_attribute(group.get(), schema::finished_at, p.finished_at);
  hdf5::write_number_attribute<double>(group.get(), schema::wall_seconds, p.wall_seconds);
}

void write_result_into(hid_t location, const models::RunResult& result) {
  validate_result(result);
  write_provenance(location, result);
  write_run_info(location, result.provenance);
  write_grid(location, result);
  write_states(location, result.states);
  write_replicate_arrays(location, result);
  write_summaries(location, result);
  write_axis_labels(location, *result.layout);
  write_analytic_stock(location, result);
}

void write_result(const models::RunResult& result, const std::filesystem::path& target,
                  bool overwrite) {
  check_result_target(target, overwrite);
  validate_result(result);
  FileToWrite file = result_file_to_write(result, target);
  write_atomically(file.target, overwrite, file.write);
}

FileToWrite result_file_to_write(const models::RunResult& result, const std::filesystem::path& target) {
  return {target, [&result, target](const std::filesystem::path& temporary) {
            try {
              write_result_file(result, temporary);
            } catch (const OutputError& error) {
              throw OutputError(
                  fmt::format("cannot write result file '{}': {}", target.string(), error.what()));
            }
          }};
}

}  // namespace carecast::output
