#include "output/comparison_from_file.hpp"

#include "output/money_facts.hpp"

namespace carecast::output {

namespace {

/// A figure of a group as compare computed it: per replicate, the replicate axis first.
Metric metric_of(const ComparisonFile& file, ComparisonPart part, const std::string& name, const std::string& figure) {
  ResultArray<double> array = file.read_replicates(part, name, figure);
  Metric metric;
  metric.name = figure;
  metric.replicates = array.shape.empty() ? 0 : array.shape.front();
  metric.dimensions.assign(array.dimensions.begin() + (array.dimensions.empty() ? 0 : 1), array.dimensions.end());
  metric.shape.assign(array.shape.begin() + (array.shape.empty() ? 0 : 1), array.shape.end());
  metric.values = std::move(array.values);
  if (figure == "payback_year") metric.none = 0.0;
  return metric;
}

std::vector<Metric> metrics_of(const ComparisonFile& file, ComparisonPart part, const std::string& name) {
  std::vector<Metric> metrics;
  for (const std::string& figure : file.figures(part, name)) metrics.push_back(metric_of(file, part, name, figure));
  return metrics;
}

ComparedScenario scenario_of(const ComparisonFile& file, const std::string& name) {
  ComparedScenario scenario;
  scenario.name = name;
  ComparisonFile::Source source = file.source(name);
  scenario.provenance.scenario_path = source.path;
  scenario.provenance.scenario_sha256 = source.sha256;
  scenario.provenance.scenario_text = source.text;
  scenario.metrics.metrics = metrics_of(file, ComparisonPart::scenario, name);
  scenario.metrics.year_starts = file.year_starts();
  scenario.metrics.year_ends = file.year_ends();
  scenario.metrics.states = file.states();
  scenario.metrics.categories = file.categories(ComparisonPart::scenario, name);
  return scenario;
}

PairedComparison comparison_of(const ComparisonFile& file, const std::string& alternative) {
  PairedComparison c;
  c.base = file.base();
  c.alternative = alternative;
  c.differences = metrics_of(file, ComparisonPart::comparison, alternative);
  c.categories = file.categories(ComparisonPart::comparison, alternative);
  ComparisonFile::Payback payback = file.payback(alternative);
  c.mean_payback_year = payback.mean_path_year;
  c.share_paying_back = payback.share_paying_back;
  return c;
}

}  // namespace

ComparisonResult read_comparison_result(const ComparisonFile& file) {
  ComparisonResult result;
  for (const std::string& name : file.scenarios()) result.scenarios.push_back(scenario_of(file, name));
  for (const std::string& alternative : file.alternatives()) result.comparisons.push_back(comparison_of(file, alternative));
  result.run.seed = file.seed();
  result.run.replicates = file.replicates();
  result.run.engine_version = file.engine_version();
  result.run.git_commit = file.git_commit();
  return result;
}

std::string comparison_currency(const ComparisonFile& file) {
  models::Provenance base;
  base.scenario_text = file.source(file.base()).text;
  MoneyFacts money = money_facts(base, file.year_starts().empty() ? "" : file.year_starts().front());
  return money.has_costs ? money.currency : "";
}

}  // namespace carecast::output
