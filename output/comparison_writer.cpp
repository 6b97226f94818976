#include "output/comparison_writer.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "engine/replicate_statistics.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "output/result_schema.hpp"
#include "output/result_target.hpp"
#include "output/result_writer.hpp"

namespace carecast::output {

namespace {

template <class T>
std::vector<T> prefixed(T first, const std::vector<T>& rest) {
  std::vector<T> all{first};
  all.insert(all.end(), rest.begin(), rest.end());
  return all;
}

/// The summary statistics of each cell over replicates; for a one-cell figure with a value that
/// means "none", over the replicates that have another value (NaN if none has).
std::vector<double> summary_of(const Metric& metric) {
  if (!metric.none || metric.cells() != 1)
    return engine::summarize_columns(metric.values, metric.replicates, metric.cells());
  std::vector<double> kept;
  for (double value : metric.values)
    if (value != *metric.none) kept.push_back(value);
  if (kept.empty()) return std::vector<double>(engine::summary_statistic_names.size(), std::nan(""));
  std::array<double, 7> stats = engine::summarize(std::move(kept));
  return {stats.begin(), stats.end()};
}

void write_metric(hid_t replicates, hid_t summary, const Metric& metric) {
  {
    hdf5::Dataset data = hdf5::write_number_dataset<double>(replicates, metric.name, metric.values,
                                                           prefixed(metric.replicates, metric.shape));
    hdf5::write_string_list_attribute(data.get(), schema::dimensions,
                                      prefixed<std::string>(schema::replicate_dimension, metric.dimensions));
  }
  std::vector<double> stats = summary_of(metric);
  std::vector<std::string> names(engine::summary_statistic_names.begin(), engine::summary_statistic_names.end());
  hdf5::Dataset data = hdf5::write_number_dataset<double>(summary, metric.name, stats,
                                                         prefixed(names.size(), metric.shape));
  hdf5::write_string_list_attribute(data.get(), schema::statistics, names);
  hdf5::write_string_list_attribute(data.get(), schema::dimensions,
                                    prefixed<std::string>(schema::statistic_dimension, metric.dimensions));
}

void write_metrics(hid_t parent, const std::vector<Metric>& metrics) {
  hdf5::Group replicates = hdf5::create_group(parent, schema::replicates);
  hdf5::Group summary = hdf5::create_group(parent, schema::summary);
  for (const Metric& metric : metrics) write_metric(replicates.get(), summary.get(), metric);
}

void write_root(hid_t root, const ComparisonResult& result) {
  const models::Provenance& p = result.run;
  hdf5::write_string_attribute(root, schema::schema_version, schema::version);
  hdf5::write_string_attribute(root, schema::file_kind, schema::comparison_file_kind);
  hdf5::write_number_attribute<std::uint64_t>(root, schema::seed, p.seed);
  hdf5::write_number_attribute<std::uint64_t>(root, schema::replicates, p.replicates);
  hdf5::write_string_attribute(root, schema::engine_version, p.engine_version);
  hdf5::write_string_attribute(root, schema::git_commit, p.git_commit);
  hdf5::write_string_attribute(root, "base", result.scenarios.front().name);
  write_run_info(root, p);
}

void write_axes(hid_t root, const ComparisonResult& result) {
  const ScenarioMetrics& base = result.scenarios.front().metrics;
  if (base.year_ends.size() != base.year_starts.size())
    throw OutputError(fmt::format("the base has {} reporting years but {} year ends", base.year_starts.size(),
                                  base.year_ends.size()));
  hdf5::Group years = hdf5::create_group(root, "years");
  hdf5::write_string_dataset(years.get(), "start", base.year_starts);
  hdf5::write_string_dataset(years.get(), "end", base.year_ends);
  hdf5::Group axes = hdf5::create_group(root, schema::axes);
  hdf5::write_string_dataset(axes.get(), "state", base.states);
  std::vector<std::string> categories = base.categories;
  for (const PairedComparison& c : result.comparisons)
    if (c.categories.size() > categories.size()) categories = c.categories;
  hdf5::write_string_dataset(axes.get(), "category", categories);
}

void write_scenarios(hid_t root, const ComparisonResult& result) {
  hdf5::Group scenarios = hdf5::create_group(root, "scenarios");
  for (const ComparedScenario& s : result.scenarios) {
    hdf5::Group group = hdf5::create_group(scenarios.get(), s.name);
    hdf5::write_string_attribute(group.get(), schema::scenario_path, s.provenance.scenario_path);
    hdf5::write_string_attribute(group.get(), schema::scenario_text, s.provenance.scenario_text);
    hdf5::write_string_attribute(group.get(), schema::scenario_sha256, s.provenance.scenario_sha256);
    hdf5::write_string_attribute(group.get(), "intervention_combination", s.intervention_combination);
    hdf5::write_string_dataset(group.get(), "categories", s.metrics.categories);  // of its cost_by_category
    write_metrics(group.get(), s.metrics.metrics);
  }
}

void write_comparisons(hid_t root, const ComparisonResult& result) {
  hdf5::Group comparisons = hdf5::create_group(root, "comparisons");
  for (const PairedComparison& c : result.comparisons) {
    hdf5::Group group = hdf5::create_group(comparisons.get(), c.alternative);
    hdf5::write_string_attribute(group.get(), "base", c.base);
    hdf5::write_string_attribute(group.get(), "alternative", c.alternative);
    hdf5::write_number_attribute<std::int64_t>(group.get(), "mean_payback_year",
                                               static_cast<std::int64_t>(c.mean_payback_year.value_or(0)));
    hdf5::write_number_attribute<double>(group.get(), "share_paying_back", c.share_paying_back);
    hdf5::write_string_dataset(group.get(), "categories", c.categories);  // of this comparison's cost_by_category
    write_metrics(group.get(), c.differences);
  }
}

void write_file(const ComparisonResult& result, const std::filesystem::path& path) {
  hdf5::File file = hdf5::create_file(path);
  {
    hdf5::Group root = hdf5::open_group(file.get(), "/");
    write_root(root.get(), result);
    write_axes(root.get(), result);
    write_scenarios(root.get(), result);
    write_comparisons(root.get(), result);
  }
  hdf5::close_file(file);
}

}  // namespace

void write_comparison(const ComparisonResult& result, const std::filesystem::path& target, bool overwrite) {
  check_result_target(target, overwrite);
  write_atomically(target, overwrite, [&](const std::filesystem::path& temporary) {
    try {
      write_file(result, temporary);
    } catch (const OutputError& error) {
      throw OutputError(fmt::format("cannot write comparison file '{}': {}", target.string(), error.what()));
    }
  });
}

}  // namespace carecast::output
