// Key paths of a sweep: written with dots or with list indices in brackets, they address one
// value of a located tree; a step that does not exist is a located error that says what is
// there instead.
#include "models/scenario/sweep_path.hpp"

#include <gtest/gtest.h>

#include "models/config/config_loader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::input_error_of;
using Steps = std::vector<std::string>;

ConfigNode tree() {
  return parse_yaml_text(
      "interventions:\n"
      "  teen: {uptake: 0.5, entry_rate: {multiplier: 0.8}}\n"
      "transitions:\n"
      "  - {from: a, to: b, hazard: 0.1}\n"
      "  - {from: b, to: a, hazard: 0.2}\n",
      "t.yaml");
}

const SourceLocation sweep_key{"s.yaml", 7, 3};

TEST(KeyPathSteps, DotsAndBracketsGiveTheSameSteps) {
  EXPECT_EQ(key_path_steps("interventions.teen.uptake"), (Steps{"interventions", "teen", "uptake"}));
  EXPECT_EQ(key_path_steps("transitions[1].hazard"), (Steps{"transitions", "1", "hazard"}));
  EXPECT_EQ(key_path_steps("transitions.1.hazard"), (Steps{"transitions", "1", "hazard"}));
  EXPECT_EQ(key_path_steps("a[0][2]"), (Steps{"a", "0", "2"}));
  EXPECT_EQ(key_path_steps("name"), (Steps{"name"}));
}

TEST(KeyPathSteps, MalformedPathsGiveNothing) {
  for (const char* path : {"", ".a", "a.", "a..b", "a[", "a[]", "a[x]", "a[1]b", "a]", "[1]"})
    EXPECT_TRUE(key_path_steps(path).empty()) << path;
}

TEST(NodeAtPath, FindsValuesInMappingsAndLists) {
  ConfigNode root = tree();
  EXPECT_EQ(node_at_path(root, {"interventions", "teen", "entry_rate", "multiplier"}, sweep_key, "p").scalar, "0.8");
  EXPECT_EQ(node_at_path(root, {"transitions", "1", "hazard"}, sweep_key, "p").scalar, "0.2");
  ConfigNode& uptake = node_at_path(root, {"interventions", "teen", "uptake"}, sweep_key, "p");
  uptake.scalar = "0.9";
  EXPECT_EQ(root.find("interventions")->find("teen")->find("uptake")->scalar, "0.9");
}

TEST(NodeAtPath, AMissingKeyIsReportedAtTheSweepKeyWithTheClosestKey) {
  ConfigNode root = tree();
  auto error = input_error_of([&] { node_at_path(root, {"interventions", "teen", "entry_rat"}, sweep_key, "sweep.x"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, "s.yaml");
  EXPECT_EQ(error->where().line, 7);
  EXPECT_EQ(error->key_path(), "sweep.x");
  EXPECT_EQ(error->problem(), "the scenario has no key 'entry_rat' in 'interventions.teen'; did you mean 'entry_rate'?");

  error = input_error_of([&] { node_at_path(root, {"costs"}, sweep_key, "sweep.costs"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(), "the scenario has no key 'costs' at the top level of the scenario; it has: interventions, transitions");
}

TEST(NodeAtPath, ABadIndexOrAStepIntoAValueIsAnError) {
  ConfigNode root = tree();
  auto error = input_error_of([&] { node_at_path(root, {"transitions", "2"}, sweep_key, "p"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(), "'transitions' is a list of 2 items (0 to 1); it has no item 2");
  error = input_error_of([&] { node_at_path(root, {"transitions", "from"}, sweep_key, "p"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(), "'transitions' is a list of 2 items (0 to 1); a list item is named by its index from 0, not 'from'");
  error = input_error_of([&] { node_at_path(root, {"transitions", "0", "hazard", "rate"}, sweep_key, "p"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(), "'transitions[0].hazard' is a single value, not a mapping or a list; it has no 'rate'");
}

}  // namespace
}  // namespace carecast::models
