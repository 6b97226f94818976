// RandomStream yields exactly what Random123's MicroURNG<Philox4x64> yields (the engine's
// generator before), also when its first block was computed beforehand.
// philox.h defines Random123's feature macros, which MicroURNG.hpp needs: keep this order.
// clang-format off
#include <Random123/philox.h>
#include <Random123/MicroURNG.hpp>
// clang-format on
#include "engine/random_stream.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace carecast::engine {
namespace {

TEST(RandomStream, YieldsWhatMicroUrngYields) {
  std::mt19937_64 rng(11);
  for (int k = 0; k < 2000; ++k) {
    StreamKey key{rng(), rng() % 1000};
    std::uint64_t entity = rng(), purpose = rng() % 100, event = rng() % 100000;
    r123::MicroURNG<Philox> reference(stream_counter(entity, purpose, event), stream_key(key));
    RandomStream stream = make_stream(key, entity, purpose, event);
    Philox::ctr_type counter = stream_counter(entity, purpose, event);
    RandomStream prepared(counter, stream_key(key), RandomStream::first_block(counter, stream_key(key)));
    for (int i = 0; i < 23; ++i) {  // several blocks
      auto expected = reference();
      ASSERT_EQ(stream(), expected) << k << ", word " << i;
      ASSERT_EQ(prepared(), expected) << k << ", word " << i;
    }
  }
}

TEST(RandomStream, MadeInABatchAsOneByOne) {
  StreamKey key{99, 3};
  std::vector<std::uint64_t> entities{1, 5, 1ull << 62, 77, 12345678901ull};
  std::vector<RandomStream> streams;
  make_streams(key, entities, 3, streams);
  ASSERT_EQ(streams.size(), entities.size());
  for (std::size_t i = 0; i < entities.size(); ++i) {
    RandomStream single = make_stream(key, entities[i], 3);
    for (int w = 0; w < 9; ++w) ASSERT_EQ(streams[i](), single());
  }
}

}  // namespace
}  // namespace carecast::engine
