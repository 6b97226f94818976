// `carecast run` on a sweep, end to end: one file with a group per combination, each group
// bit-identical to a plain run of that combination with the same seed; a table over the grid on
// standard output, which `summary` prints again; `export` writes the grid and each combination;
// an existing file is never overwritten without --force; a malformed sweep leaves no file.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "e2e_test_support.hpp"
#include "output/result_file.hpp"
#include "output/sweep_file.hpp"

namespace carecast::e2e {
namespace {

/// A sweep of family support over two years, 3 replicates: uptake × multiplier, 2 × 2.
std::string sweep_text(const std::string& uptakes = "[0.2, 0.6]", const std::string& multipliers = "[0.7, 0.9]") {
  return "extends: " + (scenarios_dir() / "family-support-12-17.yaml").string() +
         "\n"
         "simulation: {years: 2, replicates: 3}\n"
         "sweep:\n"
         "  interventions.family_support_12_17.uptake: " + uptakes + "\n" +
         "  interventions.family_support_12_17.entry_rate.multiplier: " + multipliers + "\n";
}

/// Writes `text` beside the folder carecast runs in, and returns its name relative to it.
std::string write_scenario(const TestFolder& folder, const std::string& name, const std::string& text) {
  std::ofstream(folder.work() / ".." / name) << text;
  return "../" + name;
}

/// The same scenario as combination (uptake, multiplier) of the sweep, written out plainly.
std::string plain_combination(const std::string& uptake, const std::string& multiplier) {
  return "extends: sweep.yaml\nsweep: ~\ninterventions:\n  family_support_12_17:\n    uptake: " + uptake +
         "\n    entry_rate: {multiplier: " + multiplier + "}\n";
}

void expect_same_result(const output::ResultFile& grouped, const output::ResultFile& plain) {
  EXPECT_EQ(grouped.provenance().scenario_text, plain.provenance().scenario_text);
  EXPECT_EQ(grouped.provenance().scenario_sha256, plain.provenance().scenario_sha256);
  EXPECT_EQ(grouped.provenance().seed, plain.provenance().seed);
  EXPECT_EQ(grouped.provenance().replicates, plain.provenance().replicates);
  EXPECT_EQ(grouped.grid_dates(), plain.grid_dates());
  EXPECT_EQ(grouped.grid_days(), plain.grid_days());
  EXPECT_EQ(grouped.states().size(), plain.states().size());
  ASSERT_EQ(grouped.replicate_arrays().size(), plain.replicate_arrays().size());
  for (const output::ArrayInfo& array : plain.replicate_arrays()) {
    if (array.kind == output::ArrayKind::counts)
      EXPECT_TRUE(grouped.read_counts(array.name).values == plain.read_counts(array.name).values) << array.name;
    else
      EXPECT_TRUE(grouped.read_sums(array.name).values == plain.read_sums(array.name).values) << array.name;
    EXPECT_TRUE(grouped.read_summary(array.name).values == plain.read_summary(array.name).values) << array.name;
  }
  for (const char* axis : {"category", "cause", "count", "move_kind"})
    EXPECT_EQ(grouped.axis_labels(axis), plain.axis_labels(axis)) << axis;
}

TEST(SweepCommand, WritesOneGroupPerCombinationEachEqualToAPlainRunOfIt) {
  TestFolder folder;
  std::string sweep = write_scenario(folder, "sweep.yaml", sweep_text());
  CommandResult run = folder.carecast("run " + sweep + " -o s.h5 -t 2");
  ASSERT_EQ(run.status, 0) << run;
  EXPECT_EQ(folder.files(), std::set<std::string>{"s.h5"}) << joined(folder.files());
  EXPECT_NE(run.out.find("s.h5 written in"), std::string::npos) << run;
  EXPECT_NE(run.out.find("(4 combinations × 3 replicates, 2 threads, 1 ranks)"), std::string::npos) << run;
  EXPECT_NE(run.out.find("Difference from combination 0 (uptake = 0.2, multiplier = 0.7)"), std::string::npos) << run;

  output::SweepFile file(folder.work() / "s.h5");
  ASSERT_EQ(file.combinations(), 4u);
  EXPECT_EQ(file.keys(), (std::vector<std::string>{"interventions.family_support_12_17.uptake",
                                                   "interventions.family_support_12_17.entry_rate.multiplier"}));
  EXPECT_EQ(file.values(2), (std::vector<std::string>{"0.6", "0.7"}));
  EXPECT_EQ(file.provenance().replicates, 3u);
  EXPECT_EQ(file.provenance().seed, 20250101u);
  EXPECT_EQ(file.provenance().scenario_path, sweep);

  // Combinations 1 and 2 keep 2 % and 18 % of the teenagers out of placement: they differ.
  EXPECT_FALSE(file.combination(1).read_counts("entries").values == file.combination(2).read_counts("entries").values);
  const std::pair<std::size_t, std::pair<const char*, const char*>> checked[] = {{1, {"0.2", "0.9"}},
                                                                                 {2, {"0.6", "0.7"}}};
  for (const auto& [index, values] : checked) {
    std::string name = "plain" + std::to_string(index);
    std::string plain = write_scenario(folder, name + ".yaml", plain_combination(values.first, values.second));
    CommandResult alone = folder.carecast("run " + plain + " -o " + name + ".h5 -t 1 -q");
    ASSERT_EQ(alone.status, 0) << alone;
    SCOPED_TRACE("combination " + std::to_string(index));
    expect_same_result(file.combination(index), output::ResultFile(folder.work() / (name + ".h5")));
  }
}

TEST(SweepCommand, SummaryPrintsTheGridAgainAndExportWritesItAndEachCombination) {
  TestFolder folder;
  CommandResult run = folder.carecast("run " + write_scenario(folder, "sweep.yaml", sweep_text()) + " -o s.h5");
  ASSERT_EQ(run.status, 0) << run;
  CommandResult summary = folder.carecast("summary s.h5");
  ASSERT_EQ(summary.status, 0) << summary;
  EXPECT_EQ(run.out.substr(run.out.find("\n\n") + 2), summary.out);
  EXPECT_NE(summary.out.find("carecast sweep summary"), std::string::npos) << summary;

  CommandResult one = folder.carecast("summary s.h5 --combination 3");
  ASSERT_EQ(one.status, 0) << one;
  EXPECT_NE(one.out.find("Combination 3 of s.h5 (uptake = 0.6, multiplier = 0.9)"), std::string::npos) << one;
  EXPECT_NE(one.out.find("Children by state on the first grid date"), std::string::npos) << one;
  EXPECT_EQ(folder.carecast("summary s.h5 --combination 4").status, 2);

  CommandResult exported = folder.carecast("export s.h5 --csv out");
  ASSERT_EQ(exported.status, 0) << exported;
  EXPECT_NE(exported.out.find("a sweep of 4 combinations"), std::string::npos) << exported;
  std::string table = read_text(folder.work() / "out" / "sweep.csv");
  EXPECT_EQ(std::count(table.begin(), table.end(), '\n'), 5);
  EXPECT_EQ(table.rfind("combination,folder,interventions.family_support_12_17.uptake,", 0), 0u) << table;
  EXPECT_NE(table.find("\n3,combinations/3,0.6,0.9,"), std::string::npos) << table;
  EXPECT_TRUE(fs::exists(folder.work() / "out" / "combinations" / "3" / "stock.csv"));
  EXPECT_TRUE(fs::exists(folder.work() / "out" / "provenance.csv"));
}

TEST(SweepCommand, NeverOverwritesAnExistingFileWithoutForce) {
  TestFolder folder;
  std::string sweep = write_scenario(folder, "sweep.yaml", sweep_text("[0.2]", "[0.7, 0.9]"));
  ASSERT_EQ(folder.carecast("run " + sweep + " -o s.h5 -q").status, 0);
  std::string bytes = read_text(folder.work() / "s.h5");
  CommandResult again = folder.carecast("run " + sweep + " -o s.h5 --seed 5");
  EXPECT_EQ(again.status, 2) << again;
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again;
  EXPECT_TRUE(read_text(folder.work() / "s.h5") == bytes) << "the first sweep file was changed";
  CommandResult forced = folder.carecast("run " + sweep + " -o s.h5 --seed 5 --force -q");
  EXPECT_EQ(forced.status, 0) << forced;
  EXPECT_EQ(output::SweepFile(folder.work() / "s.h5").provenance().seed, 5u);
  EXPECT_EQ(folder.files(), std::set<std::string>{"s.h5"}) << joined(folder.files());
}

TEST(SweepCommand, AMalformedSweepStopsBeforeAnythingRunsAndLeavesNoFile) {
  struct Case {
    std::string text;
    const char* message;
  };
  const Case cases[] = {
      {sweep_text("[0.2, 1.5]", "[0.7]"),
       "at 'interventions.family_support_12_17.uptake': in sweep combination 1 (uptake = 1.5, multiplier = 0.7): "
       "expected a probability between 0 and 1, found '1.5'"},
      {sweep_text("[0.2]", "[0.7, -1]"), "in sweep combination 1 (uptake = 0.2, multiplier = -1)"},
      {"extends: " + (scenarios_dir() / "family-support-12-17.yaml").string() +
           "\nsweep:\n  interventions.family_support_12_17.uptak: [0.1]\n",
       "sweep.yaml:3:3: at 'sweep.interventions.family_support_12_17.uptak': the scenario has no key 'uptak' in "
       "'interventions.family_support_12_17'; did you mean 'uptake'?"},
      {"extends: " + (scenarios_dir() / "family-support-12-17.yaml").string() + "\nsweep:\n  simulation.years: [1, 2]\n",
       "a sweep cannot vary 'simulation'"},
  };
  for (const Case& c : cases) {
    TestFolder folder;
    CommandResult run = folder.carecast("run " + write_scenario(folder, "sweep.yaml", c.text) + " -o s.h5");
    EXPECT_EQ(run.status, 1) << run;
    EXPECT_NE(run.err.find(c.message), std::string::npos) << run;
    EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
  }
}

TEST(SweepCommand, TheAnalyticModeIsRefusedForASweep) {
  TestFolder folder;
  CommandResult run = folder.carecast("run " + write_scenario(folder, "sweep.yaml", sweep_text()) + " --analytic");
  EXPECT_EQ(run.status, 1) << run;
  EXPECT_NE(run.err.find("run the sweep without --analytic"), std::string::npos) << run;
  EXPECT_TRUE(folder.files().empty()) << joined(folder.files());
}

TEST(SweepCommand, TheFamilySupportSweepIsValidAndTheHelpDescribesSweeps) {
  TestFolder folder;
  CommandResult help = folder.carecast("run --help");
  EXPECT_EQ(help.status, 0) << help;
  EXPECT_NE(help.out.find("A scenario with a 'sweep:' section runs once for each combination"), std::string::npos)
      << help;
  CommandResult run = folder.carecast("run " + quoted((scenarios_dir() / "family-support-sweep.yaml").string()) +
                                      " -r 1 -q -o fs.h5");
  ASSERT_EQ(run.status, 0) << run;
  EXPECT_EQ(output::SweepFile(folder.work() / "fs.h5").combinations(), 25u);
}

}  // namespace
}  // namespace carecast::e2e
