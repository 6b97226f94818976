// The sweep summary as text: the header and the swept keys, one row per combination in each of
// the two tables (figures over the horizon, paired differences from combination 0), money in
// millions only when some combination records money.
#include "output/sweep_report.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/output/sweep_test_support.hpp"

namespace carecast::output {
namespace {

using testing::ScratchFolder;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string line_starting(const std::vector<std::string>& lines, const std::string& start, std::size_t skip = 0) {
  for (const std::string& line : lines)
    if (line.rfind(start, 0) == 0 && skip-- == 0) return line;
  return "(none)";
}

TEST(SweepReport, ShowsEveryCombinationWithItsValuesFiguresAndDifferences) {
  ScratchFolder folder;
  testing::SyntheticSweep sweep = testing::synthetic_sweep();
  testing::write_synthetic_sweep(sweep, folder / "s.h5");
  std::string text = format_sweep_summary(SweepFile(folder / "s.h5"));
  std::vector<std::string> lines = lines_of(text);
  EXPECT_EQ(lines[0], "carecast sweep summary");
  EXPECT_EQ(line_starting(lines, "combinations"), "combinations  3: a list of 2 keys");
  EXPECT_EQ(line_starting(lines, "horizon"), "horizon       2025-01-01 to 2025-04-01");
  EXPECT_EQ(line_starting(lines, "  uptake"), "  uptake  interventions.x.uptake");
  EXPECT_EQ(line_starting(lines, "  ages"), "  ages    interventions.x.ages");
  EXPECT_NE(text.find("Difference from combination 0 (uptake = 0.1, ages = [12, 18])"), std::string::npos) << text;
  std::string header = line_starting(lines, "#");
  for (const char* column : {"uptake", "ages", "placed on 2025-04-01", "new placements", "breakdowns", "cost, m",
                             "cost discounted, m"})
    EXPECT_NE(header.find(column), std::string::npos) << column << " in " << header;
  // Combination 2's figures: 120 + (r * 7 % 5) for r = 0..3, i.e. 120, 122, 124, 121; money
  // 1e6 × (those − 100 + 0.1) + 0.3 r.
  EXPECT_EQ(line_starting(lines, "2 "), "2     0.3  [14, 18]         122 (120–124)   122 (120–124)  122 (120–124)  "
                                        "21.9 (20.3 to 23.8)  21.9 (20.3 to 23.8)");
  // Its differences from combination 0: 20 in every replicate; combination 0's are all 0.
  EXPECT_EQ(line_starting(lines, "0 ", 1), "0     0.1  [12, 18]               0 (0–0)         0 (0–0)     0 (0–0)     "
                                           "0.0 (0.0 to 0.0)     0.0 (0.0 to 0.0)");
  EXPECT_EQ(line_starting(lines, "2 ", 1), "2     0.3  [14, 18]            20 (20–20)      20 (20–20)  20 (20–20)  "
                                           "20.0 (20.0 to 20.0)  20.0 (20.0 to 20.0)");
  EXPECT_EQ(lines.back(), "(negative: fewer children or events, or less money, than in combination 0)");
}

TEST(SweepReport, LeavesMoneyOutWhenNoCombinationRecordsAny) {
  ScratchFolder folder;
  testing::write_synthetic_sweep(testing::synthetic_sweep(4, false), folder / "s.h5");
  std::string text = format_sweep_summary(SweepFile(folder / "s.h5"));
  EXPECT_EQ(text.find("cost, m"), std::string::npos) << text;
  EXPECT_EQ(text.find("cost discounted"), std::string::npos) << text;
  EXPECT_NE(text.find("new placements"), std::string::npos) << text;
}

TEST(SweepReport, MoneyThatRoundsToZeroReadsZeroNotMinusZero) {
  ScratchFolder folder;
  testing::SyntheticSweep sweep = testing::synthetic_sweep();
  for (SweepFigure& figure : sweep.summary.figures)
    if (figure.name == "cost")
      for (std::size_t r = 0; r < sweep.summary.replicates; ++r) figure.differences[r * 3 + 1] = -1.0;  // DKK -1
  testing::write_synthetic_sweep(sweep, folder / "s.h5");
  std::string text = format_sweep_summary(SweepFile(folder / "s.h5"));
  EXPECT_EQ(text.find("-0.0"), std::string::npos) << text;
  EXPECT_NE(line_starting(lines_of(text), "1 ", 1).find("0.0 (0.0 to 0.0)"), std::string::npos) << text;
}

TEST(SweepReport, SaysWhenTheSweepVariesTheMoneyItself) {
  ScratchFolder folder;
  testing::SyntheticSweep sweep = testing::synthetic_sweep();
  sweep.summary.table.keys[0] = "costs.discount_rate";
  testing::write_synthetic_sweep(sweep, folder / "s.h5");
  std::string text = format_sweep_summary(SweepFile(folder / "s.h5"));
  EXPECT_NE(text.find("costs.discount_rate is swept: the combinations count money differently"), std::string::npos)
      << text;
  EXPECT_NE(text.find("not a saving"), std::string::npos) << text;

  testing::write_synthetic_sweep(testing::synthetic_sweep(), folder / "t.h5");
  EXPECT_EQ(format_sweep_summary(SweepFile(folder / "t.h5")).find("not a saving"), std::string::npos);
}

}  // namespace
}  // namespace carecast::output
