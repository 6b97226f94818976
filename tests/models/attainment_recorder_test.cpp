// AttainmentRecorder against the exam model of docs/model.md ("Exam attainment"): each child in a
// state that is not an exit at the instant it reaches the exam age adds one to
// exam_cohort [year, state] and, to exam_expected_passes [year], the probability
//   p = 1 / (1 + exp(−(intercept + per_school_change × school changes
//                       + per_year_in_care × years since it first entered care + state_effect[state])))
// in the simulated year of that instant. Checked exactly, with the formula written out here:
// first by driving the recorder with hand-made children and stays, then in a run from a snapshot
// whose children reach the exam age with no hazard acting (their exact ages drawn, read back).
#include "models/attainment_recorder.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "engine/replicate_runner.hpp"
#include "models/care_tally.hpp"
#include "models/history_counter.hpp"
#include "models/replicate_models.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using engine::days_per_year;

constexpr int SUPPORT = 0, FOSTER = 1, KINSHIP = 2, HOME = 3, AGED_OUT = 4;
constexpr std::size_t states = 5;

/// The exam model with every term non-zero and of a different size, so that a wrong sign, a
/// missing term or the wrong state's effect changes the result.
ExamSpec exam_model() {
  ExamSpec exam;
  exam.age = 16.0;
  exam.intercept = 1.2;
  exam.per_school_change = -0.45;
  exam.per_year_in_care = -0.15;
  exam.state_effect = {0.3, -0.8, -0.4, 0.0, 0.0};  // support, foster, kinship, home, aged_out
  return exam;
}

/// The documented law, written out.
double expected_p(double school_changes, double years_in_care, int state) {
  const ExamSpec exam = exam_model();
  double logit = exam.intercept + exam.per_school_change * school_changes + exam.per_year_in_care * years_in_care +
                 exam.state_effect[static_cast<std::size_t>(state)];
  return 1.0 / (1.0 + std::exp(-logit));
}

engine::Individual child_with(int state, double exam_day, double arrived, double entered, int school_changes) {
  static std::uint64_t next_id = 1;
  engine::Individual child;
  child.id = next_id++;
  child.state = state;
  child.birth = exam_day - 16.0 * days_per_year;
  child.arrived = arrived;
  child.entered = entered;
  child.history[static_cast<std::size_t>(HistoryCounter::school_changes)] = static_cast<std::uint16_t>(school_changes);
  child.history[static_cast<std::size_t>(HistoryCounter::placements)] = 7;  // not a term of the model
  child.history[static_cast<std::size_t>(HistoryCounter::breakdowns)] = 5;  // nor this
  return child;
}

class AttainmentRecorderTest : public ::testing::Test {
 protected:
  // Three simulated years from 2025-01-01: [0, 365), [365, 730), [730, 1095).
  engine::Calendar calendar{engine::Date{std::chrono::year{2025}, std::chrono::January, std::chrono::day{1}}};
  engine::ReportingGrid grid{calendar, engine::GridStep::quarterly, std::chrono::years{3}};
  ExamSpec exam = exam_model();
  std::shared_ptr<engine::TallyLayout> layout = std::make_shared<engine::TallyLayout>();
  AttainmentRecorder::Handles handles = AttainmentRecorder::register_arrays(*layout, grid.years(), states);
  engine::Tally tally{layout};
  AttainmentRecorder recorder{exam, {false, false, false, true, true}, grid, handles, tally};

  std::vector<std::int64_t> cohort() const {
    auto counts = tally.counts(handles.cohort);
    return {counts.begin(), counts.end()};
  }
  std::vector<double> passes() const {
    auto sums = tally.sums(handles.passes);
    return {sums.begin(), sums.end()};
  }
};

TEST_F(AttainmentRecorderTest, GridYearsUsedBelow) {
  ASSERT_EQ(grid.years(), 3u);
  EXPECT_EQ(grid.year_starts(), (std::vector<double>{0.0, 365.0, 730.0, 1095.0}));
}

TEST_F(AttainmentRecorderTest, ExpectedPassesFollowTheLogisticModelByYearAndState) {
  std::vector<std::int64_t> cohort_expected(3 * states, 0);
  std::vector<double> passes_expected(3, 0.0);
  auto counted = [&](std::size_t year, int state, double p) {
    cohort_expected[year * states + static_cast<std::size_t>(state)] += 1;
    passes_expected[year] += p;
  };

  // A: foster, 3 school changes, in care for 2 years at the exam (day 100, year 0).
  recorder.on_stay(child_with(FOSTER, 100.0, 100.0 - 2 * days_per_year, 100.0 - 2 * days_per_year, 3), 400.0);
  counted(0, FOSTER, expected_p(3, 2.0, FOSTER));

  // B: kinship, no school change, first entered care 5 years before the exam but in this
  // placement only since day 300: years in care count from the first entry (day 500, year 1).
  recorder.on_stay(child_with(KINSHIP, 500.0, 500.0 - 5 * days_per_year, 300.0, 0), 900.0);
  counted(1, KINSHIP, expected_p(0, 5.0, KINSHIP));

  // C: support (a state in care too), 1 school change, 10 days in care (day 800, year 2).
  recorder.on_stay(child_with(SUPPORT, 800.0, 790.0, 790.0, 1), 1000.0);
  counted(2, SUPPORT, expected_p(1, 10.0 / days_per_year, SUPPORT));

  // D: its foster stay ends exactly at the exam instant (not counted there); its next stay, in
  // kinship care, begins at that instant and is counted, with kinship's effect.
  engine::Individual d = child_with(FOSTER, 450.0, -100.0, 0.0, 2);
  recorder.on_stay(d, 450.0);
  d.state = KINSHIP;
  d.entered = 450.0;
  d.history[static_cast<std::size_t>(HistoryCounter::school_changes)] = 4;
  recorder.on_stay(d, 700.0);
  counted(1, KINSHIP, expected_p(4, 550.0 / days_per_year, KINSHIP));

  // E: foster, many school changes and years in care, year 0.
  recorder.on_stay(child_with(FOSTER, 364.5, 364.5 - 9 * days_per_year, 200.0, 6), 365.0);
  counted(0, FOSTER, expected_p(6, 9.0, FOSTER));

  // Not counted: in an exit state at the exam age; exam age before the stay began; exam age
  // at or after the horizon; exam age in the warm-up before the start date.
  recorder.on_stay(child_with(HOME, 200.0, 0.0, 150.0, 0), 1095.0);
  recorder.on_stay(child_with(AGED_OUT, 200.0, 0.0, 150.0, 0), 1095.0);
  recorder.on_stay(child_with(FOSTER, 50.0, 0.0, 60.0, 0), 200.0);
  recorder.on_stay(child_with(FOSTER, 1095.0, 0.0, 1000.0, 0), 1200.0);
  recorder.on_stay(child_with(FOSTER, -10.0, -400.0, -400.0, 0), 100.0);

  EXPECT_EQ(cohort(), cohort_expected);
  std::vector<double> got = passes();
  ASSERT_EQ(got.size(), 3u);
  for (std::size_t year = 0; year < 3; ++year) EXPECT_NEAR(got[year], passes_expected[year], 1e-14) << year;
}

TEST_F(AttainmentRecorderTest, PassProbabilityIsTheLogisticOfTheLinearPredictor) {
  // Each term on its own against the intercept alone, so that a term with the wrong sign or
  // scale shows.
  const double at = 1000.0;
  auto p = [&](int state, double arrived, int school_changes) {
    return AttainmentRecorder::pass_probability(exam, child_with(state, at, arrived, 900.0, school_changes), at);
  };
  EXPECT_DOUBLE_EQ(p(HOME, at, 0), 1.0 / (1.0 + std::exp(-1.2)));
  EXPECT_DOUBLE_EQ(p(HOME, at, 2), 1.0 / (1.0 + std::exp(-(1.2 - 0.9))));
  EXPECT_DOUBLE_EQ(p(HOME, at - 4 * days_per_year, 0), 1.0 / (1.0 + std::exp(-(1.2 - 0.6))));
  EXPECT_DOUBLE_EQ(p(FOSTER, at, 0), 1.0 / (1.0 + std::exp(-(1.2 - 0.8))));
  EXPECT_DOUBLE_EQ(p(SUPPORT, at, 0), 1.0 / (1.0 + std::exp(-(1.2 + 0.3))));
  // Arrival after the instant (cannot happen in a run) counts as no time in care.
  EXPECT_DOUBLE_EQ(p(HOME, at + 50.0, 0), 1.0 / (1.0 + std::exp(-1.2)));
}

// ---- In a run: snapshot children reach the exam age with no hazard acting. ----

/// The birth of every child, by (replicate, id), and its state, as the stays report them.
struct Births {
  std::mutex mutex;
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::pair<double, int>> children;
};

class BirthRecorder final : public engine::LifeObserver {
 public:
  BirthRecorder(Births& births, std::uint64_t replicate) : births_(births), replicate_(replicate) {}
  void on_arrival(engine::Individual&) override {}
  void on_stay(const engine::Individual& child, double) override {
    std::lock_guard lock(births_.mutex);
    births_.children[{replicate_, child.id}] = {child.birth, child.state};
  }
  void on_transition(engine::Individual&, int, const engine::Exit*) override {}

 private:
  Births& births_;
  std::uint64_t replicate_;
};

TEST(AttainmentRecorderRun, SnapshotChildrenReachingTheExamAgeAddTheirExactProbabilities) {
  // Hazards are 0 and nobody enters, so each snapshot child stays in its state to the horizon
  // (two years); the 15-year-olds reach 16 during the run, the 17- and 5-year-olds do not.
  // Years in care at the exam: (exam day + days_in_care) / 365.25, from the snapshot's column.
  test_support::ScratchFolder folder;
  std::string population = "age,year,population\n";
  for (int age = 0; age < 18; ++age) population += fmt::format("{},2025,1000\n", age);
  folder.write("population.csv", population);
  folder.write("snapshot.csv",
               "age,state,days_in_state,days_in_care,count,school_changes\n"
               "15,foster,100,2000,40,3\n"
               "15,kinship,50,50,40,0\n"
               "15,support,10,400,40,1\n"
               "17,foster,100,100,10,0\n"
               "5,kinship,100,100,10,2\n");
  Scenario scenario = read_scenario(folder.write("scenario.yaml", R"(name: Exams
simulation: {start: 2025-01-01, years: 2, grid: quarterly, replicates: 3, seed: 11}
states:
  - {name: support, kind: support}
  - {name: foster, kind: placement}
  - {name: kinship, kind: placement}
  - {name: home, kind: exit}
  - {name: aged_out, kind: exit}
ageing_out: {age: 18, to: aged_out}
population: {table: population.csv}
entries:
  rate_per_1000: [{age: [0, 18], rate: 0}]
  mix: [{age: [0, 18], shares: {foster: 1}}]
transitions:
  - {from: foster, to: home, hazard: 0}
  - {from: kinship, to: home, hazard: 0}
  - {from: support, to: home, hazard: 0}
school:
  ages: [6, 16]
  change_probability: {entry: 0, planned_move: 0, breakdown: 0, return_home: 0}
  return_home_states: [home]
  exam:
    age: 16
    intercept: 1.2
    per_school_change: -0.45
    per_year_in_care: -0.15
    state_effect: {support: 0.3, foster: -0.8, kinship: -0.4}
initial_stock: {snapshot: snapshot.csv}
)"));
  const std::size_t replicates = 3;
  const std::uint64_t seed = 11;
  ReplicateModels models(scenario, seed, {0, replicates});
  CareTally care(scenario, models);
  Births births;
  engine::ObserverFactory care_observers = care.observers();
  engine::ReplicateRunner runner(
      [&](std::size_t r) -> const engine::ReplicateProgram& { return models.program(r); }, care.layout(),
      [&](engine::Tally& tally, engine::StreamKey key) -> std::unique_ptr<engine::LifeObserver> {
        auto chain = std::make_unique<engine::ObserverChain>();
        chain->add(care_observers(tally, key));
        chain->add(std::make_unique<BirthRecorder>(births, key.replicate));
        return chain;
      },
      care.finisher());
  std::vector<engine::Tally> tallies = runner.run({0, replicates}, seed);

  // The snapshot rows by state: (days in care, school changes) of the 15-year-olds.
  const std::map<int, std::pair<double, int>> rows{{FOSTER, {2000.0, 3}}, {KINSHIP, {50.0, 0}}, {SUPPORT, {400.0, 1}}};
  std::vector<std::vector<std::int64_t>> cohort(replicates, std::vector<std::int64_t>(2 * states, 0));
  std::vector<std::vector<double>> passes(replicates, std::vector<double>(2, 0.0));
  std::size_t children = 0;
  for (const auto& [key, life] : births.children) {
    auto [birth, state] = life;
    double exam_day = birth + 16.0 * days_per_year;
    if (exam_day < 0.0 || exam_day >= 730.0) continue;
    ASSERT_TRUE(rows.count(state)) << "only the 15-year-olds reach 16 in the run";
    auto [days_in_care, school_changes] = rows.at(state);
    std::size_t year = exam_day < 365.0 ? 0 : 1;
    cohort[key.first][year * states + static_cast<std::size_t>(state)] += 1;
    passes[key.first][year] += expected_p(school_changes, (exam_day + days_in_care) / days_per_year, state);
    ++children;
  }
  EXPECT_EQ(children, replicates * 120);
  for (std::size_t r = 0; r < replicates; ++r) {
    auto counts = tallies[r].counts(care.layout()->count_handle("exam_cohort"));
    EXPECT_EQ(std::vector<std::int64_t>(counts.begin(), counts.end()), cohort[r]) << r;
    auto sums = tallies[r].sums(care.layout()->sum_handle("exam_expected_passes"));
    ASSERT_EQ(sums.size(), 2u);
    for (std::size_t year = 0; year < 2; ++year)
      EXPECT_NEAR(sums[year], passes[r][year], 1e-12 * (1.0 + passes[r][year])) << r << ", year " << year;
  }
}

}  // namespace
}  // namespace carecast::models
