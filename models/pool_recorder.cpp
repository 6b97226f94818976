#include "models/pool_recorder.hpp"

namespace carecast::models {

PoolRecorder::Handles PoolRecorder::register_arrays(engine::TallyLayout& layout, std::size_t points) {
  layout.label_axis("measure", {"families", "free", "waiting"});
  layout.label_axis("flow", {"diverted", "returned"});
  return {layout.add_counts("carer_pool", {points, measures}, {"time", "measure"}),
          layout.add_counts("carer_pool_flows", {points - 1, flows}, {"interval", "flow"})};
}

PoolRecorder::PoolRecorder(const engine::ReportingGrid& grid, Handles handles, engine::Tally& tally)
    : grid_(grid), handles_(handles), tally_(tally) {}

void PoolRecorder::on_pool_change(double time, const engine::PoolCensus& census) {
  auto pool = tally_.counts(handles_.census);
  while (next_point_ < grid_.points() && grid_.offset(next_point_) < time) {
    pool[next_point_ * measures + 0] = current_.units;
    pool[next_point_ * measures + 1] = current_.idle;
    pool[next_point_ * measures + 2] = current_.waiting;
    next_point_ += 1;
  }
  std::size_t interval = grid_.interval_of(time);
  if (interval < grid_.intervals()) {
    auto flow = tally_.counts(handles_.flows);
    flow[interval * flows + 0] += census.diverted - current_.diverted;
    flow[interval * flows + 1] += census.returned - current_.returned;
  }
  current_ = census;
}

}  // namespace carecast::models
