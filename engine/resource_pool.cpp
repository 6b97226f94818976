#include "engine/resource_pool.hpp"

namespace carecast::engine {

ResourcePool::ResourcePool(const ResourcePoolSpec& spec, StreamKey key) : spec_(spec), key_(key) {}

std::uint64_t ResourcePool::add_unit() {
  units_.push_back(Unit{});
  alive_ += 1;
  return units_.size() - 1;
}

std::optional<std::uint64_t> ResourcePool::take_idle() {
  while (!idle_queue_.empty()) {
    std::uint64_t unit = idle_queue_.front();
    idle_queue_.pop_front();
    Unit& u = units_[unit];
    if (!u.alive || !u.idle) continue;
    u.idle = false;
    idle_count_ -= 1;
    if (!idle_queue_.empty()) prefetch(idle_queue_.front());  // the next to be taken
    return unit;
  }
  return std::nullopt;
}

double ResourcePool::make_idle(std::uint64_t unit, bool strained, double time) {
  Unit& u = units_[unit];
  u.idle = true;
  u.version += 1;
  idle_count_ += 1;
  idle_queue_.push_back(unit);
  double rate = strained ? spec_.strained_attrition_per_day : spec_.attrition_per_day;
  if (rate <= 0.0) return infinity;
  auto stream = make_stream(key_, unit, Purpose::pool_unit, u.version);
  return time + draw_unit_exponential(stream) / rate;
}

bool ResourcePool::retire_if_idle(std::uint64_t unit, std::uint32_t version) {
  Unit& u = units_[unit];
  if (!u.alive || !u.idle || u.version != version) return false;
  u.alive = false;
  u.idle = false;
  alive_ -= 1;
  idle_count_ -= 1;
  return true;
}

double ResourcePool::next_recruitment(double after) const {
  if (spec_.recruitment_per_day <= 0.0) return infinity;
  auto stream = make_stream(key_, units_.size(), Purpose::pool_recruitment);
  return after + draw_unit_exponential(stream) / spec_.recruitment_per_day;
}

}  // namespace carecast::engine
