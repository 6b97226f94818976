#include "output/backtest_file.hpp"

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
  auto column = [&](const char* name, double BacktestStateSummary::*field) {
    std::vector<double> values = hdf5::read_number_dataset<double>(group, name).values;
    for (std::size_t s = 0; s < report.by_state.size() && s < values.size(); ++s) report.by_state[s].*field = values[s];
    report.overall.*field = hdf5::read_number_attribute<double>(group, name);
  };
  column("mean_observed", &BacktestStateSummary::mean_observed);
  column("mean_error", &BacktestStateSummary::mean_error);
  column("mean_absolute_error", &BacktestStateSummary::mean_absolute_error);
  column("coverage50", &BacktestStateSummary::inside50);
  column("coverage90", &BacktestStateSummary::inside90);
}

BacktestReport read_report(hid_t root) {
  hdf5::Group group = hdf5::open_group(root, "backtest");
  BacktestReport report;
  report.dates = hdf5::read_string_dataset(group.get(), "dates");
  report.states = hdf5::read_string_dataset(group.get(), "states");
  report.observed = hdf5::read_number_dataset<double>(group.get(), "observed").values;
  report.quantiles = hdf5::read_number_dataset<double>(group.get(), "quantiles").values;
  report.inside50 = hdf5::read_number_dataset<double>(group.get(), "inside50").values;
  report.inside90 = hdf5::read_number_dataset<double>(group.get(), "inside90").values;
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
  contents.episodes = hdf5::read_string_attribute(root, "episodes");
  contents.cut = hdf5::read_string_attribute(root, "cut");
  contents.observed_until = hdf5::read_string_attribute(root, "observed_until");
  contents.seed = hdf5::read_number_attribute<std::uint64_t>(root, schema::seed);
  contents.replicates = hdf5::read_number_attribute<std::uint64_t>(root, schema::replicates);
  contents.report = read_report(root);
  return contents;
}

}  // namespace carecast::output
