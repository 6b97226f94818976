#include "engine/resource_pool.hpp"

#include <stdexcept>

namespace carecast::engine {

ResourcePool::ResourcePool(const ResourcePoolSpec& spec, StreamKey key, double start, double horizon)
    : spec_(spec), key_(key), departures_(start, horizon) {}

std::uint64_t ResourcePool::add_unit() {
  if (units_.size() >= UINT32_MAX) throw std::length_error("resource pool: too many units");
  units_.push_back(Unit{});
  alive_ += 1;
  return units_.size() - 1;
}

std::uint64_t ResourcePool::add_unit_in_use() {
  std::uint64_t unit = add_unit();
  units_[unit].version += 1;  // its idle spell, of no length
  return unit;
}

std::optional<std::uint64_t> ResourcePool::take_idle() {
  while (!idle_queue_.empty()) {
    std::uint64_t unit = idle_queue_.front();
    idle_queue_.pop_front();
    Unit& u = units_[unit];
    if (!u.alive || !u.idle) continue;
    u.idle = false;
    idle_count_ -= 1;
    if (u.departure_reached) departures_.withdraw(static_cast<std::uint32_t>(unit));
    u.departure_reached = false;
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
  double leaves = time + draw_unit_exponential(stream) / rate;
  u.departure_reached = departures_.add(static_cast<std::uint32_t>(unit), u.version, leaves);
  return leaves;
}

/// Departures up to `time` join the heap, unless their idle spell has ended (in use or retired).
void ResourcePool::reach(double time) {
  departures_.reach(time, [this](std::uint32_t unit, std::uint32_t spell) {
    Unit& u = units_[unit];
    if (!u.alive || !u.idle || u.version != spell) return false;  // a spell that has ended
    u.departure_reached = true;
    return true;
  });
}

void ResourcePool::retire_next() {
  Unit& u = units_[departures_.first().unit];
  departures_.pop_first();
  u.alive = false;
  u.idle = false;
  alive_ -= 1;
  idle_count_ -= 1;
}

double ResourcePool::next_recruitment(double after) const {
  if (spec_.recruitment_per_day <= 0.0) return infinity;
  auto stream = make_stream(key_, units_.size(), Purpose::pool_recruitment);
  return after + draw_unit_exponential(stream) / spec_.recruitment_per_day;
}

}  // namespace carecast::engine
