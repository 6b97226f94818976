// `carecast run --analytic`: on a Markov scenario (hazards by state, age band and period, none by
// time in state) it writes the expected stock to /analytic/stock; on a scenario whose hazards
// depend on time in state it fails with exit status 1, a clear message, and no file.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "e2e_test_support.hpp"
#include "output/result_file.hpp"

namespace carecast::e2e {
namespace {

std::string markov(const char* file = "markov.yaml") { return quoted((e2e_data_dir() / file).string()); }

TEST(AnalyticMode, WritesTheExpectedStockOfAMarkovScenario) {
  TestFolder folder;
  CommandResult result = folder.carecast("run " + markov() + " --analytic -o analytic.h5");
  ASSERT_EQ(result.status, 0) << result;
  EXPECT_EQ(folder.files(), std::set<std::string>{"analytic.h5"}) << joined(folder.files());
  output::ResultFile file(folder.work() / "analytic.h5");
  ASSERT_TRUE(file.has_analytic_stock());
  output::ResultArray<double> stock = file.read_analytic_stock();
  ASSERT_EQ(stock.shape, (std::vector<std::size_t>{37, 4}));  // monthly over three years; four states
  EXPECT_EQ(file.grid_dates().size(), 37u);
  for (double value : stock.values) {
    EXPECT_TRUE(std::isfinite(value));
    EXPECT_GE(value, 0.0);
  }
  // About 70 entries a year staying some two years: on the order of a hundred in care.
  double in_care = stock.values[36 * 4 + 0] + stock.values[36 * 4 + 1];
  EXPECT_GT(in_care, 50.0);
  EXPECT_LT(in_care, 200.0);
}

TEST(AnalyticMode, AgreesWithTheMonteCarloMean) {
  TestFolder folder;
  ASSERT_EQ(folder.carecast("run " + markov() + " --analytic -q -o analytic.h5").status, 0);
  CommandResult mc = folder.carecast("run " + markov() + " --replicates 40 -q -o mc.h5");
  ASSERT_EQ(mc.status, 0) << mc;
  output::ResultFile analytic(folder.work() / "analytic.h5");
  output::ResultFile simulated(folder.work() / "mc.h5");
  output::ResultArray<double> expected = analytic.read_analytic_stock();
  output::ResultArray<std::int64_t> stock = simulated.read_counts("stock");
  ASSERT_EQ(stock.shape.size(), 3u);
  std::size_t replicates = stock.shape[0], points = stock.shape[1], states = stock.shape[2];
  ASSERT_EQ(points, 37u);
  ASSERT_EQ(states, 4u);
  // The total in care at the last grid date, averaged over 40 replicates (fixed seed): its
  // standard error is about 1.5 children, so 10 % of about 110 is a wide margin.
  for (std::size_t point : {std::size_t{0}, std::size_t{18}, std::size_t{36}}) {
    double mean = 0.0;
    for (std::size_t r = 0; r < replicates; ++r)
      for (std::size_t s = 0; s < 2; ++s) mean += static_cast<double>(stock.values[(r * points + point) * states + s]);
    mean /= static_cast<double>(replicates);
    double analytic_total = expected.values[point * states + 0] + expected.values[point * states + 1];
    EXPECT_NEAR(mean, analytic_total, 0.1 * analytic_total) << "grid point " << point;
  }
}

TEST(AnalyticMode, AHazardWrittenAsOneNumberIsStillMarkov) {
  // markov_scalar.yaml differs from markov.yaml only in writing one age-independent hazard as a
  // single number instead of a one-band list.
  TestFolder folder;
  CommandResult result = folder.carecast("run " + markov("markov_scalar.yaml") + " --analytic -q -o analytic.h5");
  EXPECT_EQ(result.status, 0) << result;
  EXPECT_EQ(folder.files(), std::set<std::string>{"analytic.h5"}) << joined(folder.files());
}

TEST(AnalyticMode, IsRefusedForAScenarioWithTimeInStateHazards) {
  TestFolder folder;
  CommandResult result =
      folder.carecast("run " + quoted((scenarios_dir() / "baseline.yaml").string()) + " --analytic -o out.h5");
  EXPECT_EQ(result.status, 1) << result;
  EXPECT_NE(result.err.find("baseline.yaml"), std::string::npos) << result;
  EXPECT_NE(result.err.find("analytic mode needs hazards that depend only on state, age and period"),
            std::string::npos)
      << result;
  EXPECT_NE(result.err.find("time in state"), std::string::npos) << result;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

}  // namespace
}  // namespace carecast::e2e
