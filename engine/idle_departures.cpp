#include "engine/idle_departures.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace carecast::engine {

namespace {

std::size_t blocks_between(double start, double horizon, double block_days) {
  if (!(horizon < INFINITY) || !(start <= horizon))
    throw std::invalid_argument("idle departures: the span must be finite and not reversed");
  return static_cast<std::size_t>(std::ceil((horizon - start) / block_days));
}

}  // namespace

IdleDepartures::IdleDepartures(double start, double horizon)
    : start_(start), horizon_(horizon), blocks_(blocks_between(start, horizon, block_days)),
      later_(blocks_), reached_end_(start) {}

bool IdleDepartures::add(std::uint32_t unit, std::uint32_t spell, double time) {
  if (!(time < horizon_)) return false;  // never reached
  if (time < reached_end_) {
    push(unit, time);
    return true;
  }
  auto block = std::min(static_cast<std::size_t>((time - start_) / block_days), blocks_ - 1);
  // A block is reached once a time reaches its start, computed as here (whatever the rounding).
  while (block > 0 && time < block_start(block)) --block;
  later_.append(block, QueuedEvent{time, 0, unit, spell});
  return false;
}

void IdleDepartures::push(std::uint32_t unit, double time) {
  if (unit >= place_of_.size()) place_of_.resize(static_cast<std::size_t>(unit) + 1, absent);
  if (place_of_[unit] != absent) throw std::logic_error("idle departures: a unit added twice");
  heap_.push_back(Departure{time, unit});
  place_of_[unit] = static_cast<std::uint32_t>(heap_.size() - 1);
  sift_up(heap_.size() - 1);
}

void IdleDepartures::withdraw(std::uint32_t unit) {
  if (unit >= place_of_.size() || place_of_[unit] == absent) return;
  std::size_t at = place_of_[unit];
  place_of_[unit] = absent;
  Departure last = heap_.back();
  heap_.pop_back();
  if (at == heap_.size()) return;  // it was the last
  place(at, last);
  // The last leaf moves into the hole: it may belong above it or below it.
  if (at > 0 && heap_[at] < heap_[(at - 1) / 2])
    sift_up(at);
  else
    sift_down(at);
}

void IdleDepartures::place(std::size_t at, const Departure& departure) {
  heap_[at] = departure;
  place_of_[departure.unit] = static_cast<std::uint32_t>(at);
}

void IdleDepartures::sift_up(std::size_t at) {
  Departure moving = heap_[at];
  while (at > 0) {
    std::size_t parent = (at - 1) / 2;
    if (!(moving < heap_[parent])) break;
    place(at, heap_[parent]);
    at = parent;
  }
  place(at, moving);
}

void IdleDepartures::sift_down(std::size_t at) {
  Departure moving = heap_[at];
  const std::size_t n = heap_.size();
  for (;;) {
    std::size_t child = 2 * at + 1;
    if (child >= n) break;
    if (child + 1 < n && heap_[child + 1] < heap_[child]) child += 1;
    if (!(heap_[child] < moving)) break;
    place(at, heap_[child]);
    at = child;
  }
  place(at, moving);
}

}  // namespace carecast::engine
