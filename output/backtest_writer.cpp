#include "output/backtest_writer.hpp"

#include <fmt/format.h>

#include "engine/replicate_statistics.hpp"
#include "output/backtest_schema.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"
#include "output/output_error.hpp"
#include "output/result_schema.hpp"
#include "output/result_target.hpp"
#include "output/result_writer.hpp"

namespace carecast::output {

namespace {

void write_root(hid_t root, const BacktestFacts& facts) {
  hdf5::write_string_attribute(root, schema::schema_version, schema::version);
  hdf5::write_string_attribute(root, schema::file_kind, schema::backtest_file_kind);
  hdf5::write_string_attribute(root, backtest_schema::episodes, facts.episodes);
  hdf5::write_string_attribute(root, backtest_schema::cut, facts.cut);
  hdf5::write_string_attribute(root, backtest_schema::observed_until, facts.observed_until);
  hdf5::write_number_attribute<std::uint64_t>(root, schema::seed, facts.run.seed);
  hdf5::write_number_attribute<std::uint64_t>(root, schema::replicates, facts.run.replicates);
  hdf5::write_string_attribute(root, schema::engine_version, facts.run.engine_version);
  hdf5::write_string_attribute(root, schema::git_commit, facts.run.git_commit);
  hdf5::write_string_attribute(root, schema::scenario_text, facts.run.scenario_text);
  write_run_info(root, facts.run);
}

void write_state_summaries(hid_t group, const BacktestReport& report) {
  for (const backtest_schema::SummaryColumn& column : backtest_schema::summary_columns) {
    std::vector<double> values;
    for (const BacktestStateSummary& s : report.by_state) values.push_back(s.*column.field);
    hdf5::write_number_dataset<double>(group, column.name, values, {values.size()});
    hdf5::write_number_attribute<double>(group, column.name, report.overall.*column.field);
  }
}

void write_report(hid_t root, const BacktestReport& report) {
  hdf5::Group group = hdf5::create_group(root, backtest_schema::group);
  std::size_t dates = report.dates.size(), states = report.states.size();
  hdf5::write_string_dataset(group.get(), backtest_schema::dates, report.dates);
  hdf5::write_string_dataset(group.get(), backtest_schema::states, report.states);
  hdf5::write_number_dataset<double>(group.get(), backtest_schema::observed, report.observed, {dates, states});
  hdf5::write_number_dataset<double>(group.get(), backtest_schema::inside50, report.inside50, {dates, states});
  hdf5::write_number_dataset<double>(group.get(), backtest_schema::inside90, report.inside90, {dates, states});
  const auto& levels = engine::summary_quantile_levels;
  hdf5::Dataset quantiles = hdf5::write_number_dataset<double>(group.get(), backtest_schema::quantiles, report.quantiles,
                                                               {dates, states, levels.size()});
  std::vector<std::string> names(engine::summary_statistic_names.begin() + 2, engine::summary_statistic_names.end());
  hdf5::write_string_list_attribute(quantiles.get(), "levels", names);
  write_state_summaries(group.get(), report);
}

}  // namespace

void write_backtest(const BacktestReport& report, const BacktestFacts& facts, const std::filesystem::path& target,
                    bool overwrite) {
  check_result_target(target, overwrite);
  write_atomically(target, overwrite, [&](const std::filesystem::path& temporary) {
    try {
      hdf5::File file = hdf5::create_file(temporary);
      {
        hdf5::Group root = hdf5::open_group(file.get(), "/");
        write_root(root.get(), facts);
        write_report(root.get(), report);
      }
      hdf5::close_file(file);
    } catch (const OutputError& error) {
      throw OutputError(fmt::format("cannot write back-test file '{}': {}", target.string(), error.what()));
    }
  });
}

}  // namespace carecast::output
