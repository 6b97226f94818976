// CounterProfiles: the tabulated totals and multipliers are exactly (bit for bit) what the
// sampler computed rate by rate.
#include "engine/counter_profiles.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/state_hazards.hpp"

namespace carecast::engine {
namespace {

TEST(CounterProfiles, TotalsEqualTheRatesAddedOneByOne) {
  std::vector<Exit> exits(4);
  exits[0].counter = 1, exits[0].counter_factor = 1.8, exits[0].counter_cap = 5;
  exits[1].counter = -1;
  exits[2].counter = 1, exits[2].counter_factor = 0.7, exits[2].counter_cap = 3;
  exits[3].counter = 2, exits[3].counter_factor = 1.3, exits[3].counter_cap = 2;
  const std::size_t cells = 5;
  std::vector<double> rates;
  for (std::size_t c = 0; c < cells; ++c)
    for (std::size_t j = 0; j < exits.size(); ++j) rates.push_back(0.001 * static_cast<double>(1 + 3 * c + j) / 7.0);
  CounterProfiles profiles(exits, rates, cells);
  ASSERT_TRUE(profiles.tabulated());
  for (std::uint16_t a = 0; a < 8; ++a)
    for (std::uint16_t b = 0; b < 4; ++b) {
      CounterProfiles::History history{0, a, b, 9};
      std::size_t p = profiles.profile_of(history);
      for (std::size_t c = 0; c < cells; ++c) {
        double total = 0.0;
        for (std::size_t j = 0; j < exits.size(); ++j) {
          double rate = rates[c * exits.size() + j];
          if (exits[j].counter >= 0)
            rate *= std::pow(exits[j].counter_factor,
                             std::min(history[static_cast<std::size_t>(exits[j].counter)], exits[j].counter_cap));
          EXPECT_EQ(profiles.multipliers(p)[j] * rates[c * exits.size() + j], rate);
          total += rate;
        }
        EXPECT_EQ(profiles.total(p, c), total) << "counters " << a << ", " << b << ", cell " << c;
      }
    }
}

}  // namespace
}  // namespace carecast::engine
