#include "output/backtest_file.hpp"

#include "output/backtest_schema.hpp"
#include "output/file_kind.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_handles.hpp"
#include "output/result_schema.hpp"

namespace carecast::output {

namespace {

/// The per-state summaries (datasets) and the overall one (attributes of /backtest).
void read_state_summaries(hid_t group, BacktestReport& report) {
  report.by_state.resize(report.states.size());
  for (std::size_t s = 0; s < report.states.size(); ++s) report.by_state[s].state = report.states[s];
  report.overall.state = "all";  // as make_backtest_report names it
  for (const backtest_schema::SummaryColumn& column : backtest_schema::summary_columns) {
    std::vector<double> values = hdf5::read_number_dataset<double>(group, column.name).values;
    for (std::size_t s = 0; s < report.by_state.size() && s < values.size(); ++s)
      report.by_state[s].*column.field = values[s];
    report.overall.*column.field = hdf5::read_number_attribute<double>(group, column.name);
  }
}

std::vector<double> numbers(hid_t group, const char* name) {
  return hdf5::read_number_dataset<double>(group, name).values;
}

BacktestReport read_report(hid_t root) {
  hdf5::Group group = hdf5::open_group(root, backtest_schema::group);
  BacktestReport report;
  report.dates = hdf5::read_string_dataset(group.get(), backtest_schema::dates);
  report.states = hdf5::read_string_dataset(group.get(), backtest_schema::states);
  report.observed = numbers(group.get(), backtest_schema::observed);
  report.quantiles = numbers(group.get(), backtest_schema::quantiles);
  report.inside50 = numbers(group.get(), backtest_schema::inside50);
  report.inside90 = numbers(group.get(), backtest_schema::inside90);
  read_state_summaries(group.get(), report);
  return report;
}

}  // namespace

bool is_backtest_file(const std::filesystem::path& path) { return is_file_of_kind(path, schema::backtest_file_kind); }

BacktestFileContents read_backtest_file(const std::filesystem::path& path) {
  hdf5::File file = open_file_of_kind(path, schema::backtest_file_kind, "back-test");
  hid_t root = file.get();
  readable_schema_version(root, path);
  BacktestFileContents contents;
  contents.episodes = hdf5::read_string_attribute(root, backtest_schema::episodes);
  contents.cut = hdf5::read_string_attribute(root, backtest_schema::cut);
  contents.observed_until = hdf5::read_string_attribute(root, backtest_schema::observed_until);
  contents.seed = hdf5::read_number_attribute<std::uint64_t>(root, schema::seed);
  contents.replicates = hdf5::read_number_attribute<std::uint64_t>(root, schema::replicates);
  contents.report = read_report(root);
  return contents;
}

}  // namespace carecast::output
