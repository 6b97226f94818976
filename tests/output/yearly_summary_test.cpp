#include "output/yearly_summary.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "engine/occupancy_recorder.hpp"
#include "output/output_error.hpp"
#include "output/result_writer.hpp"
#include "output/text_table.hpp"
#include "tests/output/output_test_support.hpp"

namespace carecast::output {
namespace {

using testing::ScratchFolder;

// States: 0 support, 1 foster (placement), 2 residential (placement), 3 home (exit).
// Grid: 2025-01-01, 2025-07-01, 2026-01-01, 2026-07-01, 2027-01-01, 2027-04-01, so the stock is
// reported at points 0, 2, 4 and 5 (the last), and the years hold intervals {0, 1}, {2, 3}, {4}.
constexpr std::size_t points = 6, states = 4;

class HandMadeResult {
 public:
  HandMadeResult() {
    result_.states = {{"support", "Family support", "support"},
                      {"foster", "Foster family", "placement"},
                      {"residential", "Døgninstitution", "placement"},
                      {"home", "", "exit"}};
    result_.grid_dates = {"2025-01-01", "2025-07-01", "2026-01-01",
                          "2026-07-01", "2027-01-01", "2027-04-01"};
    result_.grid_days = {0, 181, 365, 546, 730, 820};
    result_.grid_step = "monthly";
    result_.year_start_points = {0, 2, 4};  // calendar years; 2027 ends at the horizon in April
    auto layout = std::make_shared<engine::TallyLayout>();
    handles_ = engine::OccupancyRecorder::register_arrays(*layout, points, states);
    result_.layout = layout;
    for (int r = 0; r < 2; ++r) {
      result_.replicates.emplace_back(layout);
      for (auto& value : result_.replicates.back().counts(handles_.stock)) value = 99;
    }
    result_.provenance.scenario_path = "scenarios/aarhus.yaml";
    result_.provenance.seed = 42;
    result_.provenance.replicates = 2;
  }

  void stock(std::size_t r, std::size_t point, std::vector<std::int64_t> by_state) {
    for (std::size_t s = 0; s < states; ++s)
      result_.replicates[r].counts(handles_.stock)[point * states + s] = by_state[s];
  }
  void entries(std::size_t r, std::size_t interval, std::size_t state, std::int64_t n) {
    result_.replicates[r].counts(handles_.entries)[interval * states + state] = n;
  }
  void moves(std::size_t r, std::size_t interval, std::size_t from, std::size_t to,
             std::int64_t n) {
    result_.replicates[r].counts(handles_.transitions)[(interval * states + from) * states + to] =
        n;
  }
  const models::RunResult& result() const { return result_; }

 private:
  models::RunResult result_;
  engine::OccupancyRecorder::Handles handles_{};
};

HandMadeResult hand_made() {
  HandMadeResult made;
  made.stock(0, 0, {5, 10, 3, 0});
  made.stock(1, 0, {7, 14, 5, 0});
  made.stock(0, 2, {6, 12, 4, 7});
  made.stock(1, 2, {6, 16, 6, 9});
  made.stock(0, 4, {7, 11, 5, 15});
  made.stock(1, 4, {9, 11, 7, 18});
  made.stock(0, 5, {8, 13, 2, 20});
  made.stock(1, 5, {10, 15, 4, 22});
  // Entries: replicate 0 has 2 + 3 in 2025, 1 + 4 in 2026, 1 in 2027; replicate 1 has 4 + 5,
  // 2, and 3.
  made.entries(0, 0, 1, 2);
  made.entries(0, 1, 0, 3);
  made.entries(0, 2, 2, 1);
  made.entries(0, 3, 1, 4);
  made.entries(0, 4, 0, 1);
  made.entries(1, 0, 1, 4);
  made.entries(1, 1, 0, 5);
  made.entries(1, 3, 2, 2);
  made.entries(1, 4, 1, 3);
  // 2025, replicate 0: exits 2 + 1 = 3; moves 1 + 3 + 1 (foster to foster counts) = 5.
  made.moves(0, 0, 1, 3, 2);
  made.moves(0, 1, 2, 3, 1);
  made.moves(0, 0, 0, 1, 1);
  made.moves(0, 1, 1, 2, 3);
  made.moves(0, 1, 1, 1, 1);
  // 2025, replicate 1: exits 1 + 5 = 6; moves 2.
  made.moves(1, 0, 0, 3, 1);
  made.moves(1, 1, 1, 3, 5);
  made.moves(1, 0, 2, 1, 2);
  // 2026 and 2027 must not leak into 2025.
  made.moves(0, 2, 1, 3, 10);
  made.moves(1, 4, 0, 2, 7);
  return made;
}

/// Two replicate values a and b: mean, 5th and 95th percentile by linear interpolation.
Figure of_two(double a, double b) {
  double low = std::min(a, b), high = std::max(a, b);
  return {(a + b) / 2, low + 0.05 * (high - low), low + 0.95 * (high - low)};
}

void expect_figure(const Figure& actual, const Figure& expected, const std::string& what) {
  EXPECT_NEAR(actual.mean, expected.mean, 1e-12) << what;
  EXPECT_NEAR(actual.low, expected.low, 1e-12) << what;
  EXPECT_NEAR(actual.high, expected.high, 1e-12) << what;
}

class YearlySummaryTest : public ::testing::Test {
 protected:
  void SetUp() override { write_result(hand_made().result(), folder / "r.h5", false); }
  YearlySummary summary() const { return compute_yearly_summary(ResultFile(folder / "r.h5")); }
  ScratchFolder folder;
};

TEST_F(YearlySummaryTest, HeaderFactsComeFromTheFile) {
  YearlySummary s = summary();
  EXPECT_EQ(s.scenario_path, "scenarios/aarhus.yaml");
  EXPECT_EQ(s.replicates, 2u);
  EXPECT_EQ(s.seed, 42u);
  EXPECT_EQ(s.state_labels,
            (std::vector<std::string>{"Family support", "Foster family", "Døgninstitution"}));
}

TEST_F(YearlySummaryTest, StockIsTakenOnTheFirstDateOfEachYearAndTheLastDate) {
  YearlySummary s = summary();
  ASSERT_EQ(s.stock.size(), 4u);
  EXPECT_EQ(s.stock[0].date, "2025-01-01");
  EXPECT_EQ(s.stock[1].date, "2026-01-01");
  EXPECT_EQ(s.stock[2].date, "2027-01-01");
  EXPECT_EQ(s.stock[3].date, "2027-04-01");
}

TEST_F(YearlySummaryTest, StockFiguresMatchHandComputedValues) {
  YearlySummary s = summary();
  ASSERT_EQ(s.stock[0].states.size(), 3u);
  expect_figure(s.stock[0].states[0], of_two(5, 7), "support 2025");
  expect_figure(s.stock[0].states[1], of_two(10, 14), "foster 2025");
  expect_figure(s.stock[0].states[2], of_two(3, 5), "residential 2025");
  expect_figure(s.stock[0].placed, of_two(13, 19), "placed 2025");
  expect_figure(s.stock[0].in_care, of_two(18, 26), "in care 2025");
  expect_figure(s.stock[1].placed, of_two(16, 22), "placed 2026");
  expect_figure(s.stock[2].states[1], {11, 11, 11}, "foster 2027");
  expect_figure(s.stock[3].in_care, of_two(23, 29), "in care at the end");
}

TEST_F(YearlySummaryTest, FlowsAreSummedOverTheIntervalsStartingInEachYear) {
  YearlySummary s = summary();
  ASSERT_EQ(s.flows.size(), 3u);
  EXPECT_EQ(s.flows[0].year, "2025");
  EXPECT_EQ(s.flows[0].from_date, "2025-01-01");
  EXPECT_EQ(s.flows[0].to_date, "2026-01-01");
  EXPECT_EQ(s.flows[2].year, "2027");
  EXPECT_EQ(s.flows[2].from_date, "2027-01-01");
  EXPECT_EQ(s.flows[2].to_date, "2027-04-01");
  expect_figure(s.flows[0].entries, of_two(5, 9), "entries 2025");
  expect_figure(s.flows[1].entries, of_two(5, 2), "entries 2026");
  expect_figure(s.flows[2].entries, of_two(1, 3), "entries 2027");
  expect_figure(s.flows[0].exits, of_two(3, 6), "exits 2025");
  expect_figure(s.flows[0].moves, of_two(5, 2), "moves 2025");
  expect_figure(s.flows[1].exits, of_two(10, 0), "exits 2026");
  expect_figure(s.flows[1].moves, of_two(0, 0), "moves 2026");
  expect_figure(s.flows[2].moves, of_two(0, 7), "moves 2027");
}

TEST_F(YearlySummaryTest, FormatsAReadableTable) {
  std::string text = format_yearly_summary(summary());
  EXPECT_NE(text.find("scenario    scenarios/aarhus.yaml"), std::string::npos) << text;
  EXPECT_NE(text.find("replicates  2"), std::string::npos) << text;
  EXPECT_NE(text.find("seed        42"), std::string::npos) << text;
  EXPECT_NE(text.find("Foster family"), std::string::npos) << text;
  EXPECT_NE(text.find("12 (10–14)"), std::string::npos) << text;     // foster 2025
  EXPECT_NE(text.find("7.0 (5.2–8.8)"), std::string::npos) << text;  // entries 2025
  EXPECT_NE(text.find("2027  2027-01-01 to 2027-04-01"), std::string::npos) << text;
}

// With two replicates every mean lies between the 5th and 95th percentiles: no mark, no note.
TEST_F(YearlySummaryTest, NoteOnlyWhenAMeanLiesOutsideItsInterval) {
  YearlySummary plain = summary();
  EXPECT_EQ(format_yearly_summary(plain).find('*'), std::string::npos) << format_yearly_summary(plain);
  // Exits in 2026: 0 in most replicates and large in a few, as 21 replicates with one 4 give.
  plain.flows[1].exits = {4.0 / 21, 0.0, 0.0};
  std::string text = format_yearly_summary(plain);
  std::size_t flows = text.find("Flows in each year");
  ASSERT_NE(flows, std::string::npos) << text;
  const std::string cell = "0.2 (0.0–0.0)";
  ASSERT_NE(text.find(cell + "*"), std::string::npos) << text;
  EXPECT_EQ(text.find('*'), text.find(cell + "*") + cell.size()) << "only the exits of 2026 are marked: " << text;
  EXPECT_GT(text.find(cell + "*"), flows) << text;
  std::size_t note = text.find("\n(* mean outside its 90 % interval:");
  EXPECT_GT(note, flows) << "the note is under the flows table, not the stock table: " << text;
  EXPECT_EQ(text.find("(* mean outside", note + 2), std::string::npos) << "one note: " << text;
}

TEST_F(YearlySummaryTest, TableRowsAreAligned) {
  std::istringstream lines(format_yearly_summary(summary()));
  std::string line;
  std::vector<std::size_t> widths;
  while (std::getline(lines, line)) {
    if (line.rfind("Family support", 0) == 0 || line.rfind("Døgninstitution", 0) == 0 ||
        line.rfind("in care, total", 0) == 0)
      widths.push_back(display_width(line));
  }
  ASSERT_EQ(widths.size(), 3u);
  EXPECT_EQ(widths[0], widths[1]);
  EXPECT_EQ(widths[1], widths[2]);
}

TEST(YearlySummaryErrorTest, NeedsTheOccupancyArrays) {
  ScratchFolder folder;
  models::RunResult result = testing::synthetic_result();
  auto layout = std::make_shared<engine::TallyLayout>();
  layout->add_sums("cost", {3});
  result.layout = layout;
  for (auto& tally : result.replicates) tally = engine::Tally(layout);
  write_result(result, folder / "r.h5", false);
  try {
    compute_yearly_summary(ResultFile(folder / "r.h5"));
    FAIL() << "no exception";
  } catch (const OutputError& error) {
    EXPECT_NE(std::string(error.what()).find("has no array 'stock'"), std::string::npos);
  }
}

TEST(FigureTest, SummarizesMeanAndTheNinetyPercentInterval) {
  std::vector<double> values;
  for (int i = 0; i <= 100; ++i) values.push_back(i);
  Figure figure = summarize_figure(values);
  EXPECT_DOUBLE_EQ(figure.mean, 50.0);
  EXPECT_DOUBLE_EQ(figure.low, 5.0);
  EXPECT_DOUBLE_EQ(figure.high, 95.0);
}

TEST(FigureTest, RoundsSensibly) {
  EXPECT_EQ(format_figure({412.4, 398.2, 425.7}), "412 (398–426)");
  EXPECT_EQ(format_figure({2.25, 1.0, 3.5}), "2.2 (1.0–3.5)");
  EXPECT_EQ(format_figure({3, 2, 4}), "3 (2–4)");
  EXPECT_EQ(format_figure({0, 0, 0}), "0 (0–0)");
  EXPECT_EQ(format_figure({1234.5, 1200, 1270}), "1234 (1200–1270)");
}

}  // namespace
}  // namespace carecast::output
