#pragma once
// The order in which a std::unordered_map<std::uint64_t, T> would visit its elements, kept up
// to date as keys come and go, without the map.
//
// Why: the interacting replicate used to keep its children in such a map, and at the horizon it
// reported each child's last stay in the map's order. Real-valued tallies (costs, days in care)
// depend on the order they are added in, so keeping results bit-identical means visiting the
// children alive at the horizon in that same order. (A fixed order, e.g. by child id, would be
// simpler and independent of the standard library; switching to it changes the last bits of
// those sums, so it is a deliberate results change for another day.)
//
// How the map orders its elements (libstdc++, whose hash of an integer is the integer itself):
// one list, made of one run of nodes per non-empty bucket (bucket = key mod bucket count). A key
// that lands in an empty bucket starts a new run at the front of the list; otherwise it goes to
// the front of its bucket's run. A run stays in place until its bucket empties. So the list is:
// runs by the moment their bucket last became non-empty, latest first; within a run, nodes by
// insertion, latest first. Rehashing re-inserts every node in list order into the new buckets.
// This class keeps, per bucket, its node count and when it last opened, and per element its
// insertion number; sorting by those gives the list. The bucket count follows the map's own
// rehash policy.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/prefetch.hpp"

#if defined(__GLIBCXX__)
#include <unordered_map>  // std::__detail::_Prime_rehash_policy
#endif

namespace carecast::engine {

class UnorderedMapOrder {
 public:
  /// Calls `visit(handle, key)` for every element present, in any order (for a rehash).
  using Visit = std::function<void(std::uint32_t handle, std::uint64_t key)>;
  using ForEachElement = std::function<void(const Visit& visit)>;

  /// As a default-constructed map on which reserve(`elements`) was called. Elements are named
  /// by the owner's handles (small integers, e.g. slots), reused once erased.
  UnorderedMapOrder(std::size_t elements, ForEachElement for_each_element);

  /// `key` is inserted under `handle` (it must not be present, nor visited by for_each yet).
  void insert(std::uint32_t handle, std::uint64_t key);
  /// `key` leaves. Its bucket's count is only needed at the next insertion, so erasures are
  /// queued and applied together then (their order does not matter), not each with a cache miss.
  void erase(std::uint64_t key) {
    erased_.push_back(key);
    elements_ -= 1;
  }
  /// A number for each element present: the map visits elements in decreasing order of it.
  std::uint64_t visit_rank(std::uint32_t handle, std::uint64_t key) const {
    return (std::uint64_t{buckets_[bucket_of(key)].opened} << 32) | numbers_[handle];
  }
  /// Starts loading what inserting `key` will touch.
  void prefetch(std::uint64_t key) const { engine::prefetch(&buckets_[bucket_of(key)]); }

  std::size_t bucket_count() const { return bucket_count_; }

 private:
  struct Bucket {
    std::uint32_t nodes = 0;
    std::uint32_t opened = 0;  // insertion number of the node that last made it non-empty
  };

  /// key mod bucket count, without a 64-bit division for large counts.
  std::uint32_t bucket_of(std::uint64_t key) const {
    if (bucket_count_ < few_buckets) return static_cast<std::uint32_t>(key % bucket_count_);
    // A floating-point quotient is within a few units of the true one (keys below 2^63), and
    // the remainder is corrected exactly.
    auto quotient = static_cast<std::uint64_t>(static_cast<double>(key) * inverse_count_);
    auto remainder = static_cast<std::int64_t>(key - quotient * bucket_count_);
    const auto divisor = static_cast<std::int64_t>(bucket_count_);
    while (remainder < 0) remainder += divisor;
    while (remainder >= divisor) remainder -= divisor;
    return static_cast<std::uint32_t>(remainder);
  }
  void apply_erasures();
  void rehash(std::size_t buckets);
  void place(std::uint32_t handle, std::uint64_t key, std::uint32_t number);
  std::uint32_t next_number();

  /// Below this many buckets the floating-point quotient in bucket_of could be off by too much.
  static constexpr std::size_t few_buckets = 4096;

  ForEachElement for_each_element_;
#if defined(__GLIBCXX__)
  std::__detail::_Prime_rehash_policy policy_;  // the map's own: same bucket counts, same moments
#endif
  std::size_t bucket_count_ = 1;  // a default-constructed map has one bucket
  std::size_t elements_ = 0;
  double inverse_count_ = 1.0;  // 1 / bucket_count_
  std::vector<Bucket> buckets_;
  std::vector<std::uint32_t> numbers_;  // [handle]: insertion number (a rehash renumbers in list order)
  std::vector<std::uint64_t> erased_;   // keys erased since the last insertion
  std::uint32_t inserted_ = 0;          // insertions (and renumberings) so far
};

}  // namespace carecast::engine
