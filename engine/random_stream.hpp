#pragma once
// Counter-based random streams. A stream is keyed by what a draw is for: the master seed and
// replicate (Philox key), the entity (e.g. a child id), the purpose, and that entity's own event
// number (Philox counter). Nothing is keyed by thread, rank or memory slot, so results do not
// depend on how the work is scheduled.
#include <Random123/philox.h>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cstdint>

namespace carecast::engine {

using Philox = r123::Philox4x64;

/// A Boost.Random-compatible generator over one Philox counter. It yields exactly what
/// Random123's MicroURNG<Philox4x64> yields (which the engine used before): block n is Philox of
/// the counter with n in the high 32 bits of its last word, and each block's four words come
/// out last first. Unlike MicroURNG it can start from a first block computed beforehand, so that
/// the blocks of many independent streams can be computed together (they then overlap in the
/// processor, where one at a time they wait on each other).
class RandomStream {
 public:
  using result_type = std::uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type{0}; }

  RandomStream(Philox::ctr_type counter, Philox::ukey_type key) : counter_(counter), key_(key) {}
  /// The same stream, whose first block (first_block(counter, key)) is already known.
  RandomStream(Philox::ctr_type counter, Philox::ukey_type key, Philox::ctr_type first)
      : counter_(counter), key_(key), block_(first), blocks_(1), left_(words) {}

  result_type operator()() {
    if (left_ == 0) next_block();
    return block_[--left_];
  }

  static Philox::ctr_type first_block(Philox::ctr_type counter, Philox::ukey_type key) {
    return Philox()(counter, key);  // block 0: nothing in the high bits
  }

 private:
  static constexpr unsigned words = Philox::ctr_type::static_size;
  void next_block() {
    Philox::ctr_type counter = counter_;
    counter[words - 1] |= blocks_ << 32;
    block_ = Philox()(counter, key_);
    blocks_ += 1;
    left_ = words;
  }

  Philox::ctr_type counter_;
  Philox::key_type key_;
  Philox::ctr_type block_{};
  std::uint64_t blocks_ = 0;
  unsigned left_ = 0;
};

struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
};

/// Purposes of the draws the engine makes. Domain code numbers its own purposes from
/// `first_domain_purpose` upward so that the two never collide.
enum class Purpose : std::uint64_t {
  arrival_count = 1,    // how many arrivals in one (day, group)
  arrival_profile = 2,  // an arrival's time of day, exact age and first state
  transition = 3,       // the time and destination of a child's next transition
  initial_profile = 4,  // an initial-stock child's exact age
  parameter_draw = 5,   // per-replicate parameter uncertainty
  pool_unit = 6,        // when an idle unit of a resource pool leaves it
  pool_recruitment = 7, // when the next unit joins a resource pool
  arrival_rule = 8,     // whether a rule reaches and diverts an arrival (counted by rule)
  load_feedback = 9,    // whether a move by an exit that responds to load happens (by event number)
};
inline constexpr std::uint64_t first_domain_purpose = 64;

inline Philox::ctr_type stream_counter(std::uint64_t entity, std::uint64_t purpose, std::uint64_t event) {
  return Philox::ctr_type{{entity, purpose, event, 0}};
}

inline Philox::ukey_type stream_key(StreamKey key) { return Philox::ukey_type{{key.seed, key.replicate}}; }

inline RandomStream make_stream(StreamKey key, std::uint64_t entity, std::uint64_t purpose,
                                std::uint64_t event = 0) {
  return RandomStream(stream_counter(entity, purpose, event), stream_key(key));
}

inline RandomStream make_stream(StreamKey key, std::uint64_t entity, Purpose purpose,
                                std::uint64_t event = 0) {
  return make_stream(key, entity, static_cast<std::uint64_t>(purpose), event);
}

/// Streams of `purpose` for each entity, event 0, with their first blocks computed in one loop:
/// independent blocks overlap in the processor, where one stream at a time waits on each.
template <class Entities, class Streams>
void make_streams(StreamKey key, const Entities& entities, std::uint64_t purpose, Streams& out) {
  out.clear();
  const Philox::ukey_type philox_key = stream_key(key);
  for (std::uint64_t entity : entities) {
    Philox::ctr_type counter = stream_counter(entity, purpose, 0);
    out.emplace_back(counter, philox_key, RandomStream::first_block(counter, philox_key));
  }
}

inline double draw_uniform(RandomStream& stream) {
  return boost::random::uniform_01<double>{}(stream);
}

inline double draw_unit_exponential(RandomStream& stream) {
  return boost::random::exponential_distribution<double>{1.0}(stream);
}

}  // namespace carecast::engine
