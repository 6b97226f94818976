// The yearly figures of a scenario comparison, from a run written by hand (2 replicates, a
// quarterly grid of 2 simulated years, the second a leap year; docs/output-schema.md,
// 'Comparison files'):
//  - the years start on the grid's first date of each year; the states are the non-exit ones;
//  - placements are the care days of each non-exit state over the days of the year, and
//    children placed their sum over the placement states;
//  - new placements count arrivals into a placement state and moves from a support state into
//    one, nothing else;
//  - breakdowns and school changes are summed over the grid intervals of each year;
//  - FTE needed is the mean over the year's grid dates, the next year's first date excluded;
//  - cost and cost_discounted are summed over categories, cost_by_category is `costs` as it is;
//  - figures of a section the run does not have are left out, and a run without replicates is
//    refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/run_result.hpp"
#include "output/output_error.hpp"
#include "output/scenario_metrics.hpp"

namespace carecast::output {
namespace {

constexpr std::size_t intervals = 8, states = 4, causes = 2, move_kinds = 4;
enum State : std::size_t { support, foster, residential, home };

std::shared_ptr<engine::TallyLayout> layout_of(bool school_and_caseload) {
  auto layout = std::make_shared<engine::TallyLayout>();
  layout->add_counts("entries", {intervals, states}, {"interval", "state"});
  layout->add_counts("transitions", {intervals, states, states}, {"interval", "from_state", "to_state"});
  layout->add_counts("breakdowns", {intervals, states, causes}, {"interval", "state", "cause"});
  layout->add_sums("care_days", {2, states}, {"year", "state"});
  layout->add_sums("costs", {2, 3}, {"year", "category"});
  layout->add_sums("costs_discounted", {2, 3}, {"year", "category"});
  layout->label_axis("category", {"care:support", "care:foster", "intervention:family_support"});
  if (school_and_caseload) {
    layout->add_counts("school_changes", {intervals, move_kinds}, {"interval", "move_kind"});
    layout->add_sums("exam_expected_passes", {2}, {"year"});
    layout->add_sums("fte_needed", {intervals + 1}, {"time"});
  }
  return layout;
}

void count(engine::Tally& tally, const std::string& array, std::size_t index, std::int64_t value) {
  tally.counts(tally.layout().count_handle(array))[index] = value;
}

void sums(engine::Tally& tally, const std::string& array, const std::vector<double>& values) {
  auto target = tally.sums(tally.layout().sum_handle(array));
  ASSERT_EQ(target.size(), values.size()) << array;
  std::copy(values.begin(), values.end(), target.begin());
}

std::size_t entry(std::size_t interval, State to) { return interval * states + to; }
std::size_t transition(std::size_t interval, State from, State to) { return (interval * states + from) * states + to; }
std::size_t breakdown(std::size_t interval, State in, std::size_t cause) {
  return (interval * states + in) * causes + cause;
}

/// Replicate 0. Quarter i of the grid is interval i: intervals 0-3 are year 1, 4-7 year 2.
engine::Tally first_replicate(const std::shared_ptr<engine::TallyLayout>& layout, bool school_and_caseload) {
  engine::Tally tally(layout);
  sums(tally, "care_days", {365, 730, 365, 9999, /* year 2, 366 days: */ 183, 549, 0, 9999});  // exit: unread
  count(tally, "entries", entry(0, foster), 2);
  count(tally, "entries", entry(3, foster), 1);
  count(tally, "entries", entry(4, foster), 5);
  count(tally, "entries", entry(1, support), 7);         // into support: not a placement
  count(tally, "transitions", transition(2, support, foster), 1);
  count(tally, "transitions", transition(7, support, foster), 3);
  count(tally, "transitions", transition(5, support, residential), 1);
  count(tally, "transitions", transition(1, foster, residential), 5);  // between placements
  count(tally, "transitions", transition(5, foster, support), 4);  // out of a placement
  count(tally, "transitions", transition(6, home, foster), 6);     // from an exit, not from support
  count(tally, "breakdowns", breakdown(0, foster, 0), 1);
  count(tally, "breakdowns", breakdown(3, foster, 1), 2);
  count(tally, "breakdowns", breakdown(4, foster, 0), 1);
  count(tally, "breakdowns", breakdown(7, support, 1), 4);
  sums(tally, "costs", {1, 10, 3, /* year 2: */ 2, 20, 4});
  sums(tally, "costs_discounted", {1, 10, 3, /* year 2: */ 1.5, 15, 3});
  if (school_and_caseload) {
    count(tally, "school_changes", 0 * move_kinds + 1, 1);
    count(tally, "school_changes", 5 * move_kinds + 2, 2);
    count(tally, "school_changes", 7 * move_kinds + 0, 1);
    sums(tally, "exam_expected_passes", {0.5, 1.25});
    sums(tally, "fte_needed", {1, 2, 3, 4, /* year 2: */ 5, 6, 7, 8, /* 2029-01-01: */ 1000});
  }
  return tally;
}

engine::Tally second_replicate(const std::shared_ptr<engine::TallyLayout>& layout, bool school_and_caseload) {
  engine::Tally tally(layout);
  sums(tally, "care_days", {0, 1095, 0, 1, /* year 2: */ 366, 366, 732, 1});
  count(tally, "entries", entry(1, foster), 1);
  count(tally, "entries", entry(7, foster), 1);
  count(tally, "entries", entry(6, residential), 2);
  count(tally, "transitions", transition(3, support, foster), 1);
  count(tally, "transitions", transition(4, support, foster), 2);
  count(tally, "breakdowns", breakdown(2, foster, 1), 1);
  sums(tally, "costs", {0, 30, 0, /* year 2: */ 1, 8, 0.5});
  sums(tally, "costs_discounted", {0, 30, 0, /* year 2: */ 0.5, 4, 0.25});
  if (school_and_caseload) {
    count(tally, "school_changes", 3 * move_kinds + 3, 2);
    sums(tally, "exam_expected_passes", {2, 0});
    sums(tally, "fte_needed", {2, 2, 2, 2, /* year 2: */ 4, 4, 4, 8, /* 2029-01-01: */ 0});
  }
  return tally;
}

models::RunResult hand_made_run(bool school_and_caseload = true) {
  models::RunResult result;
  result.states = {{"support", "Family support", "support"},
                   {"foster", "Foster family", "placement"},
                   {"residential", "Residential home", "placement"},
                   {"home", "Reunified", "exit"}};
  result.grid_dates = {"2027-01-01", "2027-04-01", "2027-07-01", "2027-10-01", "2028-01-01",
                       "2028-04-01", "2028-07-01", "2028-10-01", "2029-01-01"};
  result.grid_days = {0, 90, 181, 273, 365, 456, 547, 639, 731};
  result.grid_step = "quarterly";
  auto layout = layout_of(school_and_caseload);
  result.layout = layout;
  result.replicates.push_back(first_replicate(layout, school_and_caseload));
  result.replicates.push_back(second_replicate(layout, school_and_caseload));
  return result;
}

const Metric& figure(const ScenarioMetrics& metrics, const std::string& name) {
  const Metric* m = metrics.find(name);
  if (!m) throw std::runtime_error("no figure '" + name + "'");
  return *m;
}

TEST(ScenarioMetrics, YearsStartOnTheGridAndStatesAreTheNonExitOnes) {
  ScenarioMetrics m = scenario_metrics(hand_made_run());
  EXPECT_EQ(m.year_starts, (std::vector<std::string>{"2027-01-01", "2028-01-01"}));
  EXPECT_EQ(m.year_ends, (std::vector<std::string>{"2028-01-01", "2029-01-01"}));  // the last at the horizon
  EXPECT_EQ(m.states, (std::vector<std::string>{"support", "foster", "residential"}));
  EXPECT_EQ(m.categories, (std::vector<std::string>{"care:support", "care:foster", "intervention:family_support"}));
}

TEST(ScenarioMetrics, PlacementsAreCareDaysOverTheDaysOfTheYear) {
  ScenarioMetrics m = scenario_metrics(hand_made_run());
  const Metric& placements = figure(m, "placements");
  EXPECT_EQ(placements.dimensions, (std::vector<std::string>{"year", "state"}));
  EXPECT_EQ(placements.shape, (std::vector<std::size_t>{2, 3}));
  // [support, foster, residential] per year: r0 365/365, 730/365, 365/365; 183/366, 549/366,
  // 0/366 (2028 has 366 days); r1 0, 1095/365, 0; 366/366, 366/366, 732/366. The exit state
  // has no column.
  EXPECT_EQ(placements.values, (std::vector<double>{1, 2, 1, 0.5, 1.5, 0, /**/ 0, 3, 0, 1, 1, 2}));
  // Children placed: foster and residential; support is not a placement.
  EXPECT_EQ(figure(m, "children_placed").values, (std::vector<double>{3, 1.5, /**/ 3, 3}));
}

TEST(ScenarioMetrics, NewPlacementsAreArrivalsIntoPlacementAndMovesFromSupportIntoIt) {
  ScenarioMetrics m = scenario_metrics(hand_made_run());
  // r0 year 1: entries 2 + 1, support → foster 1; year 2: entry 5, support → foster 3,
  // support → residential 1. The entry into support, foster → residential (a move between
  // placements), foster → support and home → foster do not count.
  // r1 year 1: entry 1, support → foster 1 (quarter 4); year 2: support → foster 2, entries 1 + 2.
  EXPECT_EQ(figure(m, "new_placements").values, (std::vector<double>{4, 9, /**/ 2, 5}));
}

TEST(ScenarioMetrics, CountsAreSummedOverTheGridIntervalsOfEachYear) {
  ScenarioMetrics m = scenario_metrics(hand_made_run());
  // Over states and causes: r0 1 + 2, 1 + 4; r1 1, 0.
  EXPECT_EQ(figure(m, "breakdowns").values, (std::vector<double>{3, 5, /**/ 1, 0}));
  // Over move kinds: r0 1 (quarter 1), 2 + 1 (quarters 6 and 8); r1 2 (quarter 4), 0.
  EXPECT_EQ(figure(m, "school_changes").values, (std::vector<double>{1, 3, /**/ 2, 0}));
  EXPECT_EQ(figure(m, "exam_expected_passes").values, (std::vector<double>{0.5, 1.25, /**/ 2, 0}));
}

TEST(ScenarioMetrics, FteNeededIsTheMeanOverTheGridDatesOfTheYear) {
  ScenarioMetrics m = scenario_metrics(hand_made_run());
  // r0 (1+2+3+4)/4, (5+6+7+8)/4; r1 2, (4+4+4+8)/4. The horizon's last date (1000 in r0)
  // starts no year of the horizon and is left out.
  EXPECT_EQ(figure(m, "fte_needed").values, (std::vector<double>{2.5, 6.5, /**/ 2, 5}));
}

TEST(ScenarioMetrics, CostIsSummedOverCategoriesAndKeptByCategory) {
  ScenarioMetrics m = scenario_metrics(hand_made_run());
  // r0 1+10+3, 2+20+4; r1 0+30+0, 1+8+0.5.
  EXPECT_EQ(figure(m, "cost").values, (std::vector<double>{14, 26, /**/ 30, 9.5}));
  // r0 1+10+3, 1.5+15+3; r1 30, 0.5+4+0.25.
  EXPECT_EQ(figure(m, "cost_discounted").values, (std::vector<double>{14, 19.5, /**/ 30, 4.75}));
  const Metric& by_category = figure(m, "cost_by_category");
  EXPECT_EQ(by_category.dimensions, (std::vector<std::string>{"year", "category"}));
  EXPECT_EQ(by_category.shape, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(by_category.values, (std::vector<double>{1, 10, 3, 2, 20, 4, /**/ 0, 30, 0, 1, 8, 0.5}));
}

TEST(ScenarioMetrics, FiguresOfSectionsTheRunLacksAreLeftOut) {
  ScenarioMetrics m = scenario_metrics(hand_made_run(false));
  std::vector<std::string> names;
  for (const Metric& metric : m.metrics) names.push_back(metric.name);
  EXPECT_EQ(names, (std::vector<std::string>{"placements", "children_placed", "new_placements", "breakdowns", "cost",
                                             "cost_discounted", "cost_by_category"}));
}

TEST(ScenarioMetrics, RefusesARunWithoutReplicates) {
  models::RunResult analytic = hand_made_run();
  analytic.replicates.clear();
  EXPECT_THROW(scenario_metrics(analytic), OutputError);
}

}  // namespace
}  // namespace carecast::output
