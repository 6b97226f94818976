// Counter-based streams: keyed by (seed, replicate) and counted by (entity, purpose, event).
#include "engine/random_stream.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace carecast::engine {
namespace {

std::vector<std::uint64_t> raw(RandomStream stream, std::size_t n) {
  std::vector<std::uint64_t> out(n);
  for (auto& x : out) x = stream();
  return out;
}

std::vector<std::uint64_t> raw(StreamKey key, std::uint64_t entity, std::uint64_t purpose,
                               std::uint64_t event, std::size_t n = 64) {
  return raw(make_stream(key, entity, purpose, event), n);
}

TEST(RandomStream, SameKeysGiveTheSameSequence) {
  StreamKey key{20240601, 7};
  for (std::uint64_t event : {0ull, 1ull, 1000000ull}) {
    auto a = raw(key, 12345, 3, event, 1000);
    auto b = raw(key, 12345, 3, event, 1000);
    EXPECT_EQ(a, b);
  }
  auto s = make_stream(key, 99, Purpose::transition, 4);
  auto t = make_stream(key, 99, Purpose::transition, 4);
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(draw_uniform(s), draw_uniform(t));
    ASSERT_EQ(draw_unit_exponential(s), draw_unit_exponential(t));
  }
}

TEST(RandomStream, PurposeEnumMatchesItsNumber) {
  StreamKey key{1, 2};
  EXPECT_EQ(raw(make_stream(key, 5, Purpose::arrival_profile, 3), 16), raw(key, 5, 2, 3, 16));
  EXPECT_EQ(raw(make_stream(key, 5, Purpose::transition), 16), raw(key, 5, 3, 0, 16));
}

TEST(RandomStream, ACopyContinuesFromTheSamePlace) {
  auto stream = make_stream(StreamKey{3, 4}, 5, Purpose::transition, 6);
  for (int i = 0; i < 7; ++i) stream();
  auto copy = stream;
  EXPECT_EQ(raw(stream, 20), raw(copy, 20));
}

TEST(RandomStream, AnyDifferenceInTheKeyGivesADifferentSequence) {
  const StreamKey key{42, 3};
  const auto base = raw(key, 1000, 3, 5);
  auto differs_everywhere = [&](const std::vector<std::uint64_t>& other) {
    for (std::size_t i = 0; i < base.size(); ++i)
      if (base[i] == other[i]) return false;
    return true;
  };
  EXPECT_TRUE(differs_everywhere(raw(StreamKey{43, 3}, 1000, 3, 5))) << "seed";
  EXPECT_TRUE(differs_everywhere(raw(StreamKey{42, 4}, 1000, 3, 5))) << "replicate";
  EXPECT_TRUE(differs_everywhere(raw(key, 1001, 3, 5))) << "entity";
  EXPECT_TRUE(differs_everywhere(raw(key, 1000, 4, 5))) << "purpose";
  EXPECT_TRUE(differs_everywhere(raw(key, 1000, 3, 6))) << "event";
  // The fields are not interchangeable.
  EXPECT_TRUE(differs_everywhere(raw(StreamKey{3, 42}, 1000, 3, 5))) << "seed <-> replicate";
  EXPECT_TRUE(differs_everywhere(raw(key, 5, 3, 1000))) << "entity <-> event";
  EXPECT_TRUE(differs_everywhere(raw(key, 3, 1000, 5))) << "entity <-> purpose";
  // High bits matter too (child ids use the top bits).
  EXPECT_TRUE(differs_everywhere(raw(key, 1000 | (std::uint64_t{1} << 62), 3, 5)))
      << "entity high bit";
  EXPECT_TRUE(differs_everywhere(raw(StreamKey{42 | (std::uint64_t{1} << 63), 3}, 1000, 3, 5)))
      << "seed high bit";
}

TEST(RandomStream, NoRepeatsAmongManyNeighbouringStreams) {
  // First outputs of 20000 streams that differ in one field by small amounts: all distinct.
  StreamKey key{7, 0};
  std::vector<std::uint64_t> firsts;
  for (std::uint64_t i = 0; i < 5000; ++i) {
    firsts.push_back(make_stream(key, i, 3, 0)());
    firsts.push_back(make_stream(key, 0, 3, i + 1)());
    firsts.push_back(make_stream(StreamKey{7, i + 1}, 0, 3, 0)());
    firsts.push_back(make_stream(key, 0, 100 + i, 0)());
  }
  std::sort(firsts.begin(), firsts.end());
  EXPECT_EQ(std::adjacent_find(firsts.begin(), firsts.end()), firsts.end());
}

// Mean and variance of n values against those of U(0,1), within 4 standard errors.
void expect_uniform_moments(const std::vector<double>& u) {
  const double n = static_cast<double>(u.size());
  double sum = 0.0;
  for (double x : u) {
    ASSERT_GE(x, 0.0);
    ASSERT_LT(x, 1.0);
    sum += x;
  }
  double mean = sum / n;
  double ss = 0.0;
  for (double x : u) ss += (x - mean) * (x - mean);
  double variance = ss / (n - 1.0);
  // SE of the mean: sqrt(1/12 / n). SE of the sample variance: sqrt((mu4 - sigma^4) / n),
  // with mu4 = 1/80 and sigma^4 = 1/144 for U(0,1).
  EXPECT_NEAR(mean, 0.5, 4.0 * std::sqrt(1.0 / 12.0 / n));
  EXPECT_NEAR(variance, 1.0 / 12.0, 4.0 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
}

TEST(RandomStream, UniformsAlongOneStreamHaveUniformMoments) {
  auto stream = make_stream(StreamKey{2024, 1}, 77, Purpose::transition, 0);
  std::vector<double> u(400000);
  for (double& x : u) x = draw_uniform(stream);
  expect_uniform_moments(u);
}

TEST(RandomStream, FirstUniformsAcrossEntitiesHaveUniformMomentsAndNoLagCorrelation) {
  // The engine mostly draws a few values from very many streams: check that usage pattern.
  const std::size_t n = 200000;
  std::vector<double> u(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto stream = make_stream(StreamKey{2024, 1}, i, Purpose::transition, 0);
    u[i] = draw_uniform(stream);
  }
  expect_uniform_moments(u);
  // Correlation between neighbouring entities: SE 1/sqrt(n) under independence.
  double sxy = 0.0;
  for (std::size_t i = 0; i + 1 < n; ++i) sxy += (u[i] - 0.5) * (u[i + 1] - 0.5);
  double correlation = sxy / static_cast<double>(n - 1) / (1.0 / 12.0);
  EXPECT_NEAR(correlation, 0.0, 4.0 / std::sqrt(static_cast<double>(n)));
}

TEST(RandomStream, UnitExponentialHasMeanAndVarianceOne) {
  const std::size_t n = 200000;
  double sum = 0.0, sum2 = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    auto stream = make_stream(StreamKey{5, 6}, i, Purpose::transition, 2);
    double e = draw_unit_exponential(stream);
    ASSERT_GE(e, 0.0);
    sum += e;
    sum2 += e * e;
  }
  double mean = sum / n;
  double variance = (sum2 - n * mean * mean) / (n - 1.0);
  // Exp(1): SE of the mean 1/sqrt(n); SE of the sample variance sqrt((mu4 - 1) / n), mu4 = 9.
  EXPECT_NEAR(mean, 1.0, 4.0 / std::sqrt(static_cast<double>(n)));
  EXPECT_NEAR(variance, 1.0, 4.0 * std::sqrt(8.0 / n));
}

}  // namespace
}  // namespace carecast::engine
