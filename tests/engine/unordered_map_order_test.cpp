// UnorderedMapOrder: the order in which std::unordered_map<std::uint64_t, T> visits its
// elements, kept without the map. Checked against a real map through random insertions and
// erasures, with and without rehashing, with keys laid out as child ids are.
#include "engine/unordered_map_order.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <unordered_map>
#include <vector>

#include "engine/child_id.hpp"

namespace carecast::engine {
namespace {

/// Elements by handle, as an owner keeps them.
struct Elements {
  std::vector<std::uint64_t> key;
  std::vector<bool> present;
};

std::vector<std::uint64_t> visited_order(const UnorderedMapOrder& order, const Elements& e) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranked;  // (rank, key)
  for (std::uint32_t h = 0; h < e.key.size(); ++h)
    if (e.present[h]) ranked.emplace_back(order.visit_rank(h, e.key[h]), e.key[h]);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::uint64_t> keys;
  for (const auto& [rank, key] : ranked) keys.push_back(key);
  return keys;
}

void check_against_map(std::size_t reserve, std::size_t steps, double erase_share, std::uint64_t seed) {
  std::unordered_map<std::uint64_t, int> map;
  map.reserve(reserve);
  Elements e;
  std::vector<std::uint32_t> free_handles;
  UnorderedMapOrder order(reserve, [&](const UnorderedMapOrder::Visit& visit) {
    for (std::uint32_t h = 0; h < e.key.size(); ++h)
      if (e.present[h]) visit(h, e.key[h]);
  });
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<std::uint32_t> live;
  for (std::size_t step = 0; step < steps; ++step) {
    if (!live.empty() && u(rng) < erase_share) {
      std::size_t i = rng() % live.size();
      std::uint32_t h = live[i];
      live[i] = live.back();
      live.pop_back();
      map.erase(e.key[h]);
      order.erase(e.key[h]);
      e.present[h] = false;
      free_handles.push_back(h);
    } else {
      // Keys as child ids: arrivals by day, group and index, or rows of the initial stock.
      std::uint64_t key = u(rng) < 0.3 ? initial_child_id(step) : arrival_child_id(static_cast<long>(step / 50), step % 7, step % 50);
      if (map.count(key)) continue;
      std::uint32_t h;
      if (!free_handles.empty()) {
        h = free_handles.back();
        free_handles.pop_back();
      } else {
        h = static_cast<std::uint32_t>(e.key.size());
        e.key.push_back(0);
        e.present.push_back(false);
      }
      e.key[h] = key;
      order.insert(h, key);  // before the element counts as present
      e.present[h] = true;
      map.emplace(key, 0);
      live.push_back(h);
    }
    if (step % 997 == 0 || step + 1 == steps) {
      ASSERT_EQ(order.bucket_count(), map.bucket_count()) << "step " << step;
      std::vector<std::uint64_t> expected;
      for (const auto& [key, value] : map) expected.push_back(key);
      ASSERT_EQ(visited_order(order, e), expected) << "step " << step;
    }
  }
}

TEST(UnorderedMapOrder, FollowsTheMapThroughInsertionsAndErasures) {
  check_against_map(2048, 20000, 0.45, 1);
}

TEST(UnorderedMapOrder, FollowsTheMapThroughRehashing) {
  // Reserved for few: the map grows through several rehashes, with erasures in between.
  check_against_map(10, 60000, 0.3, 2);
}

TEST(UnorderedMapOrder, FollowsTheMapWithManyBuckets) {
  // Past 4096 buckets the bucket is found without a division.
  check_against_map(200000, 40000, 0.4, 3);
}

}  // namespace
}  // namespace carecast::engine
