#pragma once
// Counter-based random streams. A stream is keyed by what a draw is for: the master seed and
// replicate (Philox key), the entity (e.g. a child id), the purpose, and that entity's own event
// number (Philox counter). Nothing is keyed by thread, rank or memory slot, so results do not
// depend on how the work is scheduled.
// philox.h defines Random123's feature macros, which MicroURNG.hpp needs: keep this order.
// clang-format off
#include <Random123/philox.h>
#include <Random123/MicroURNG.hpp>
// clang-format on
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cstdint>

namespace carecast::engine {

using Philox = r123::Philox4x64;
/// A Boost.Random-compatible generator over one Philox counter (Random123's adapter).
using RandomStream = r123::MicroURNG<Philox>;

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
};
inline constexpr std::uint64_t first_domain_purpose = 64;

inline RandomStream make_stream(StreamKey key, std::uint64_t entity, std::uint64_t purpose,
                                std::uint64_t event = 0) {
  Philox::ctr_type counter = {{entity, purpose, event, 0}};
  Philox::ukey_type philox_key = {{key.seed, key.replicate}};
  return RandomStream(counter, philox_key);
}

inline RandomStream make_stream(StreamKey key, std::uint64_t entity, Purpose purpose,
                                std::uint64_t event = 0) {
  return make_stream(key, entity, static_cast<std::uint64_t>(purpose), event);
}

inline double draw_uniform(RandomStream& stream) {
  return boost::random::uniform_01<double>{}(stream);
}

inline double draw_unit_exponential(RandomStream& stream) {
  return boost::random::exponential_distribution<double>{1.0}(stream);
}

}  // namespace carecast::engine
