#include "output/sweep_figures.hpp"

#include <fmt/format.h>

#include "output/output_error.hpp"
#include "output/scenario_metrics.hpp"

namespace carecast::output {

namespace {

/// Per replicate, the sum of a metric over all its cells (its years, and any other axis).
HorizonFigure total_of(const ScenarioMetrics& metrics, const std::string& metric, std::string name) {
  const Metric* m = metrics.find(metric);
  if (m == nullptr) throw OutputError(fmt::format("a run has no '{}' figure", metric));
  HorizonFigure figure{std::move(name), std::vector<double>(m->replicates, 0.0)};
  for (std::size_t r = 0; r < m->replicates; ++r)
    for (std::size_t c = 0; c < m->cells(); ++c) figure.values[r] += m->values[r * m->cells() + c];
  return figure;
}

HorizonFigure placed_at_end(const models::RunResult& result) {
  const std::vector<engine::TallyArray>& counts = result.layout->counts();
  std::size_t handle = 0;
  while (handle < counts.size() && counts[handle].name != "stock") ++handle;
  if (handle == counts.size()) throw OutputError("a run has no 'stock' array");
  std::size_t states = result.states.size(), last = result.grid_dates.size() - 1;
  HorizonFigure figure{"placed_at_end", {}};
  for (const engine::Tally& tally : result.replicates) {
    auto stock = tally.counts(handle);
    double placed = 0.0;
    for (std::size_t s = 0; s < states; ++s)
      if (result.states[s].kind == "placement") placed += static_cast<double>(stock[last * states + s]);
    figure.values.push_back(placed);
  }
  return figure;
}

}  // namespace

std::vector<HorizonFigure> horizon_figures(const models::RunResult& result) {
  ScenarioMetrics metrics = scenario_metrics(result);
  return {placed_at_end(result), total_of(metrics, "new_placements", "new_placements"),
          total_of(metrics, "breakdowns", "breakdowns"), total_of(metrics, "cost", "cost"),
          total_of(metrics, "cost_discounted", "cost_discounted")};
}

bool is_money_figure(const std::string& name) { return name == "cost" || name == "cost_discounted"; }

}  // namespace carecast::output
