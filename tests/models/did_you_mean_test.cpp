// closest_name: the known name closest to a misspelt one, if the distance is small enough to be
// a likely typo (at most a third of the word's length, and at least 1). closest_column_name, for
// a table's columns: case ignored, and a name that is one word of a column's name (or has it as
// one of its words) is close too.
#include "models/config/did_you_mean.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carecast::models {
namespace {

const std::vector<std::string> top_level{"name", "description", "simulation", "states", "ageing_out",
                                         "population", "entries", "transitions", "initial_stock"};

TEST(DidYouMean, SuggestsTheKeyATypoWasMeantFor) {
  EXPECT_EQ(closest_name("transitons", top_level), "transitions");  // a letter dropped
  EXPECT_EQ(closest_name("simulaton", top_level), "simulation");
  EXPECT_EQ(closest_name("entires", top_level), "entries");         // two letters swapped
  EXPECT_EQ(closest_name("state", top_level), "states");            // singular for plural
  EXPECT_EQ(closest_name("aging_out", top_level), "ageing_out");    // American spelling
  EXPECT_EQ(closest_name("initial-stock", top_level), "initial_stock");
  EXPECT_EQ(closest_name("Population", top_level), "population");   // case counts as one edit
}

TEST(DidYouMean, AnExactMatchIsItsOwnClosestName) {
  EXPECT_EQ(closest_name("states", top_level), "states");
}

TEST(DidYouMean, NothingIsSuggestedForAnUnrelatedWord) {
  EXPECT_FALSE(closest_name("zebra", top_level).has_value());
  EXPECT_FALSE(closest_name("capacity", top_level).has_value());
  EXPECT_FALSE(closest_name("costs", top_level).has_value());
}

TEST(DidYouMean, NothingIsSuggestedFromNoCandidates) {
  EXPECT_FALSE(closest_name("states", {}).has_value());
}

TEST(DidYouMean, TheAllowedDistanceIsAThirdOfTheWordAndAtLeastOne) {
  // 9 letters: three edits allowed, four not.
  EXPECT_EQ(closest_name("abcdefghi", {"abcdefXXX"}), "abcdefXXX");
  EXPECT_FALSE(closest_name("abcdefghi", {"abcdeXXXX"}).has_value());
  // 2 letters: one edit allowed (a third rounds down to 0, raised to 1), two not.
  EXPECT_EQ(closest_name("ag", {"age"}), "age");
  EXPECT_FALSE(closest_name("to", {"from"}).has_value());
  // 6 letters: two edits allowed.
  EXPECT_EQ(closest_name("reatee", {"rate"}), "rate");
  EXPECT_FALSE(closest_name("rxxxxx", {"rate"}).has_value());
}

TEST(DidYouMean, TheClosestOfSeveralWinsAndTiesGoToTheFirst) {
  EXPECT_EQ(closest_name("seeds", {"speed", "seed", "needs"}), "seed");
  EXPECT_EQ(closest_name("cat", {"bat", "hat"}), "bat");
  EXPECT_EQ(closest_name("cat", {"hat", "bat"}), "hat");
}

const std::vector<std::string> episode_columns{"child_id", "birth_date", "start", "end",
                                               "state", "reason", "school_change", "sex"};

TEST(DidYouMean, AColumnNamedByOneOfItsWordsIsSuggested) {
  EXPECT_EQ(closest_column_name("child", episode_columns), "child_id");
  EXPECT_EQ(closest_column_name("id", episode_columns), "child_id");
  EXPECT_EQ(closest_column_name("school", episode_columns), "school_change");
  EXPECT_EQ(closest_column_name("start_date", episode_columns), "start");
  EXPECT_EQ(closest_column_name("end_date", episode_columns), "end");
}

TEST(DidYouMean, ColumnsIgnoreCaseAndStillTakeTypos) {
  EXPECT_EQ(closest_column_name("Child_ID", episode_columns), "child_id");
  EXPECT_EQ(closest_column_name("BIRTH_DATE", episode_columns), "birth_date");
  EXPECT_EQ(closest_column_name("shool_change", episode_columns), "school_change");
  EXPECT_FALSE(closest_column_name("postcode", episode_columns).has_value());
}

}  // namespace
}  // namespace carecast::models
