#include "output/text_table.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace carecast::output {
namespace {

TEST(DisplayWidthTest, CountsCharactersNotBytes) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("Døgn"), 4u);
  EXPECT_EQ(display_width("1 (0–2)"), 7u);
  EXPECT_EQ(display_width(""), 0u);
}

TEST(PadTest, PadsOnTheRequestedSide) {
  EXPECT_EQ(pad("ø", 3, Align::left), "ø  ");
  EXPECT_EQ(pad("7", 3, Align::right), "  7");
  EXPECT_EQ(pad("long", 2, Align::right), "long");
}

TEST(TextTableTest, AlignsColumnsUnderARule) {
  TextTable table({{"state", Align::left}, {"n", Align::right}});
  table.add_row({"Døgninstitution", "7"});
  table.add_row({"foster", "1234"});
  EXPECT_EQ(table.render(),
            "state               n\n"
            "---------------  ----\n"
            "Døgninstitution     7\n"
            "foster           1234\n");
}

TEST(TextTableTest, TrimsTrailingSpaces) {
  TextTable table({{"a", Align::left}, {"b", Align::left}});
  table.add_row({"x", ""});
  EXPECT_EQ(table.render(), "a  b\n-  -\nx\n");
}

TEST(TextTableTest, RejectsRowsOfTheWrongLength) {
  TextTable table({{"a", Align::left}});
  EXPECT_THROW(table.add_row({"x", "y"}), std::invalid_argument);
}

}  // namespace
}  // namespace carecast::output
