#include "models/pool_recorder.hpp"

namespace carecast::models {

PoolRecorder::Handles PoolRecorder::register_arrays(engine::TallyLayout& layout, std::size_t points) {
  layout.label_axis("measure", {"families", "free", "waiting"});
  layout.label_axis("flow", {"diverted", "returned"});
  return {layout.add_counts("carer_pool", {points, measures}, {"time", "measure"}),
          layout.add_counts("carer_pool_flows", {points - 1, flows}, {"interval", "flow"})};
}

PoolRecorder::PoolRecorder(const engine::ReportingGrid& grid, Handles handles, engine::Tally& tally)
    : grid_(grid), census_(tally.counts(handles.census).data()), flows_(tally.counts(handles.flows).data()) {}

void PoolRecorder::on_pool_change(double time, const engine::PoolCensus& census) {
  while (next_point_ < grid_.points() && grid_.offset(next_point_) < time) {
    census_[next_point_ * measures + 0] = current_.units;
    census_[next_point_ * measures + 1] = current_.idle;
    census_[next_point_ * measures + 2] = current_.waiting;
    next_point_ += 1;
  }
  std::size_t interval = grid_.interval_of(time);
  if (interval < grid_.intervals()) {
    flows_[interval * flows + 0] += census.diverted - current_.diverted;
    flows_[interval * flows + 1] += census.returned - current_.returned;
  }
  current_ = census;
}

}  // namespace carecast::models
