// A cell printed with its mean outside its own 90 % interval ("0.2 (0.0–0.0)": the same value in
// most replicates, far from it in a few) is marked '*', and its table gets one note explaining
// the mark; a table with no such cell gets none. The rule reads the cell as printed, so a mean
// that only rounding or the last bit puts outside is not marked.
#include "output/mean_outside_interval.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "output/yearly_summary.hpp"

namespace carecast::output {
namespace {

/// Children waiting: 0 in 20 replicates, 4 in one. q95 is the 20th smallest value (position
/// 0.95 × 20 = 19), a 0, so the mean 4/21 lies above the interval.
std::vector<double> rare_large_value(std::size_t replicates) {
  std::vector<double> values(replicates, 0.0);
  values[7] = 4.0;
  return values;
}

TEST(MeanOutsideInterval, ARareLargeValueLiftsTheMeanAboveTheInterval) {
  std::string printed = format_figure(summarize_figure(rare_large_value(21)));
  EXPECT_EQ(printed, "0.2 (0.0–0.0)");
  EXPECT_TRUE(mean_outside_interval(printed));
  EXPECT_TRUE(mean_outside_interval("-0.2 (0.0–0.0)"));         // a rare value below the rest
  EXPECT_TRUE(mean_outside_interval("-12.5 (-10.6 to 3.1)"));   // compare's money
  EXPECT_TRUE(mean_outside_interval("-1.5 (-1.0–-0.5)"));       // negative ends after the dash
  EXPECT_TRUE(mean_outside_interval("4.95 (4.05–4.90)"));
}

TEST(MeanOutsideInterval, AMeanInsideTheIntervalOrOnItsEndsIsNot) {
  for (const char* printed : {"3 (1–5)", "0 (0–0)", "2 (2–5)", "5 (2–5)", "-2.4 (-10.6 to 3.1)", "-1.0 (-1.5–-0.5)",
                              "1281.1 (1143.2–1471.7)", "no figure", "7"})
    EXPECT_FALSE(mean_outside_interval(printed)) << printed;
}

// With 20 replicates and one outlier the mean equals the type-7 q95 in exact arithmetic, and
// differs from it by a rounding error in floating point, either way: as printed they agree.
TEST(MeanOutsideInterval, AMeanOnlyTheLastBitPutsOutsideIsNotMarked) {
  Figure figure = summarize_figure(rare_large_value(20));
  EXPECT_EQ(format_figure(figure), "0.2 (0.0–0.2)");
  EXPECT_FALSE(mean_outside_interval(format_figure(figure)));
  EXPECT_FALSE(mean_outside_interval("0.0 (0.0–0.0)"));  // a mean of 0.03 prints as its interval does
}

TEST(MeanOutsideInterval, MarksEachSuchCellAndExplainsTheMarkOnceUnderTheTable) {
  MeanOutsideIntervalMarks marks;
  EXPECT_EQ(marks.mark("3 (1–5)"), "3 (1–5)");
  EXPECT_EQ(marks.note(), "");
  EXPECT_EQ(marks.mark("0.2 (0.0–0.0)"), "0.2 (0.0–0.0)*");
  EXPECT_EQ(marks.mark("0.3 (0.0–0.0)"), "0.3 (0.0–0.0)*");
  std::string note = marks.note();
  EXPECT_EQ(note.rfind("(* mean outside its 90 % interval: most replicates share one value, often 0, and a few", 0), 0u)
      << note;
  EXPECT_EQ(std::count(note.begin(), note.end(), '\n'), 1) << "one line: " << note;
  EXPECT_EQ(note.back(), '\n');
}

}  // namespace
}  // namespace carecast::output
