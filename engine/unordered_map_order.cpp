#include "engine/unordered_map_order.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace carecast::engine {

namespace {

#if !defined(__GLIBCXX__)
/// Another library's map orders its elements differently anyway; this policy keeps the run
/// deterministic there (reserve sizes for the elements, growth doubles).
std::size_t grown_count(std::size_t buckets) { return 2 * buckets + 1; }
#endif

}  // namespace

UnorderedMapOrder::UnorderedMapOrder(std::size_t elements, ForEachElement for_each_element)
    : for_each_element_(std::move(for_each_element)), buckets_(1) {
  // What reserve(elements) does: rehash(bucket count for the elements), which keeps the count
  // if the policy's next size equals it.
#if defined(__GLIBCXX__)
  auto saved = policy_._M_state();
  std::size_t wanted =
      std::max(policy_._M_bkt_for_elements(elements_ + 1), policy_._M_bkt_for_elements(elements));
  wanted = policy_._M_next_bkt(wanted);
  if (wanted != bucket_count_)
    rehash(wanted);
  else
    policy_._M_reset(saved);
#else
  if (elements + 1 > bucket_count_) rehash(elements + 1);
#endif
}

void UnorderedMapOrder::insert(std::uint32_t handle, std::uint64_t key) {
  if (!erased_.empty()) apply_erasures();
#if defined(__GLIBCXX__)
  auto [needed, buckets] = policy_._M_need_rehash(bucket_count_, elements_, 1);
  if (needed) rehash(buckets);
#else
  if (elements_ + 1 > bucket_count_) rehash(grown_count(bucket_count_));
#endif
  if (handle >= numbers_.size()) numbers_.resize(std::max<std::size_t>(handle + 1, 2 * numbers_.size()));
  place(handle, key, next_number());
  elements_ += 1;
}

void UnorderedMapOrder::apply_erasures() {
  constexpr std::size_t ahead = 8;
  for (std::size_t i = 0; i < erased_.size(); ++i) {
    if (i + ahead < erased_.size()) prefetch(erased_[i + ahead]);
    buckets_[bucket_of(erased_[i])].nodes -= 1;
  }
  erased_.clear();
}

void UnorderedMapOrder::rehash(std::size_t buckets) {
  if (buckets > UINT32_MAX) throw std::length_error("unordered map order: too many buckets");
  // The map walks its list and re-inserts each element into the new buckets, in that order.
  std::vector<std::tuple<std::uint64_t, std::uint32_t, std::uint64_t>> in_order;  // (rank, handle, key)
  in_order.reserve(elements_);
  if (elements_ > 0)
    for_each_element_([&](std::uint32_t handle, std::uint64_t key) {
      in_order.emplace_back(visit_rank(handle, key), handle, key);
    });
  std::sort(in_order.begin(), in_order.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  bucket_count_ = buckets;
  inverse_count_ = 1.0 / static_cast<double>(buckets);
  buckets_.assign(buckets, Bucket{});
  for (const auto& [rank, handle, key] : in_order) place(handle, key, next_number());
}

void UnorderedMapOrder::place(std::uint32_t handle, std::uint64_t key, std::uint32_t number) {
  numbers_[handle] = number;
  Bucket& bucket = buckets_[bucket_of(key)];
  if (bucket.nodes++ == 0) bucket.opened = number;
}

std::uint32_t UnorderedMapOrder::next_number() {
  if (inserted_ == UINT32_MAX) throw std::overflow_error("unordered map order: too many insertions");
  return ++inserted_;
}

}  // namespace carecast::engine
