// csv_line: fields counted as the parser splits a line (commas inside double quotes are text, ""
// inside quotes is a quote), the column of a quote never closed, and a line read back by number.
#include "models/scenario/csv_line.hpp"

#include <gtest/gtest.h>

#include "models_test_support.hpp"

namespace carecast::models {
namespace {

TEST(CsvLine, CountsFieldsAsTheParserSplitsThem) {
  EXPECT_EQ(count_fields(""), 1u);
  EXPECT_EQ(count_fields("a"), 1u);
  EXPECT_EQ(count_fields("a,b,,d"), 4u);
  EXPECT_EQ(count_fields("a,b,"), 3u);
  EXPECT_EQ(count_fields("\"K, 1\",2020-01-01"), 2u);
  EXPECT_EQ(count_fields("\"say \"\"hi, there\"\"\",x"), 2u);
  EXPECT_EQ(count_fields("a;b;c"), 1u);
}

TEST(CsvLine, FindsTheQuoteThatIsNeverClosed) {
  EXPECT_EQ(unclosed_quote_column("a,\"b\",c"), 0u);
  EXPECT_EQ(unclosed_quote_column("a,b,\"c,d"), 5u);
  EXPECT_EQ(unclosed_quote_column("\"a\"\"\",\"b"), 7u);
}

TEST(CsvLine, ReadsALineBackWithoutItsLineEnding) {
  test_support::ScratchFolder scratch;
  auto file = scratch.write("t.csv", "one\r\ntwo\nthree");
  EXPECT_EQ(line_of(file, 1), "one");
  EXPECT_EQ(line_of(file, 3), "three");
  EXPECT_EQ(line_of(file, 4), "");
}

}  // namespace
}  // namespace carecast::models
