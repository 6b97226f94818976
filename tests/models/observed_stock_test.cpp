// The observed stock: a child counts in a state on the dates from its episode's start up to,
// not including, its end; ongoing episodes count up to the data's last date.
#include "models/calibration/observed_stock.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace carecast::models::calibration {
namespace {

engine::Date date(int y, unsigned m, unsigned d) {
  return engine::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Episode episode(const std::string& child, engine::Date start, std::optional<engine::Date> end, const std::string& state,
                EpisodeEnding ending) {
  Episode e;
  e.child = child;
  e.birth = date(2010, 1, 1);
  e.start = start;
  e.end = end;
  e.state = state;
  e.ending = ending;
  if (ending == EpisodeEnding::exit) e.exit_state = "home";
  return e;
}

TEST(ObservedStock, CountsEpisodesOpenOnEachDate) {
  EpisodeData data;
  data.observed_until = date(2021, 12, 31);
  data.episodes = {
      episode("a", date(2020, 1, 15), date(2020, 3, 1), "foster", EpisodeEnding::breakdown_carer),
      episode("a", date(2020, 3, 1), std::nullopt, "residential", EpisodeEnding::ongoing),
      episode("b", date(2020, 2, 1), date(2020, 2, 2), "foster", EpisodeEnding::exit),
      episode("c", date(2019, 6, 1), date(2020, 1, 1), "kinship", EpisodeEnding::exit),
  };
  std::vector<engine::Date> dates{date(2020, 1, 1), date(2020, 2, 1), date(2020, 3, 1), date(2021, 12, 31)};
  auto stock = observed_stock(data, {"foster", "residential"}, dates);
  // 1 Jan: nobody in foster or residential (c is in kinship, not asked for, and leaves that day).
  EXPECT_EQ(stock[0], (std::vector<long>{0, 0}));
  // 1 Feb: a in foster, b starts foster that day.
  EXPECT_EQ(stock[1], (std::vector<long>{2, 0}));
  // 1 Mar: a moved to residential that day; its foster episode no longer counts.
  EXPECT_EQ(stock[2], (std::vector<long>{0, 1}));
  EXPECT_EQ(stock[3], (std::vector<long>{0, 1}));
}

TEST(ObservedStock, RefusesDatesAfterTheData) {
  EpisodeData data;
  data.observed_until = date(2020, 12, 31);
  EXPECT_THROW(observed_stock(data, {"foster"}, {date(2021, 1, 1)}), std::invalid_argument);
}

}  // namespace
}  // namespace carecast::models::calibration
