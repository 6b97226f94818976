// The sweep section: its two forms, the order of a grid's combinations, and its own errors
// (before any key path is looked up in the scenario).
#include "models/scenario/sweep_section.hpp"

#include <gtest/gtest.h>

#include "models/config/config_loader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::input_error_of;

SweepSection section_of(const std::string& yaml) {
  ConfigNode root = parse_yaml_text(yaml, "s.yaml");
  return read_sweep_section(*root.find("sweep"));
}

std::optional<InputError> error_of(const std::string& yaml) {
  return input_error_of([&] { section_of(yaml); });
}

TEST(SweepSection, AGridCrossesTheListsWithTheFirstKeySlowest) {
  SweepSection section = section_of("sweep:\n  a.b: [1, 2]\n  c[0]: [x, y, z]\n");
  EXPECT_TRUE(section.grid);
  ASSERT_EQ(section.keys.size(), 2u);
  EXPECT_EQ(section.keys[1].path, "c[0]");
  EXPECT_EQ(section.keys[1].steps, (std::vector<std::string>{"c", "0"}));
  EXPECT_EQ(section.keys[1].where.line, 3);
  ASSERT_EQ(section.combinations.size(), 6u);
  std::vector<std::string> seen;
  for (const auto& combination : section.combinations) seen.push_back(combination[0].scalar + combination[1].scalar);
  EXPECT_EQ(seen, (std::vector<std::string>{"1x", "1y", "1z", "2x", "2y", "2z"}));
}

TEST(SweepSection, AListTakesEachItemAsACombination) {
  SweepSection section = section_of("sweep:\n  - {a: 1, b: {uniform: [0, 1]}}\n  - {b: 2, a: 3}\n");
  EXPECT_FALSE(section.grid);
  ASSERT_EQ(section.combinations.size(), 2u);
  EXPECT_EQ(section.combinations[0][1].kind, ConfigNode::Kind::map);
  EXPECT_EQ(section.combinations[1][0].scalar, "3");  // in the order of the first item's keys
  EXPECT_EQ(section.combinations[1][1].scalar, "2");
}

TEST(SweepSection, RejectsMalformedSections) {
  struct Case {
    const char* yaml;
    const char* key_path;
    const char* problem;
  };
  const Case cases[] = {
      {"sweep: 3\n", "sweep", "expected a mapping of key paths to lists of values (a grid), or a list of combinations"},
      {"sweep: {}\n", "sweep", "a sweep needs at least one key path"},
      {"sweep: []\n", "sweep", "a sweep needs at least one combination"},
      {"sweep: {a: 0.1}\n", "sweep.a", "expected a list of the values to sweep"},
      {"sweep: {a: []}\n", "sweep.a", "expected a list of the values to sweep"},
      {"sweep: {a..b: [1]}\n", "sweep.a..b", "expected a key path such as"},
      {"sweep:\n  a[1]: [1]\n  a.1: [2]\n", "sweep.a.1", "addresses the same value as 'a[1]'"},
      {"sweep: {a.b: [1], a: [2]}\n", "sweep.a", "address one value inside the other"},
      {"sweep: {simulation.years: [1, 2]}\n", "sweep.simulation.years", "a sweep cannot vary 'simulation'"},
      {"sweep: [{a: 1}, {b: 2}]\n", "sweep[1]", "this one lacks 'a'"},
      {"sweep: [{a: 1}, {a: 2, b: 2}]\n", "sweep[1].b", "the same key paths as the first"},
      {"sweep: [{a: 1}, 3]\n", "sweep[1]", "expected a mapping of key paths to values"},
      {"sweep: {a: [0,7, 0,9]}\n", "sweep.a", "the value 0 is listed twice (items 1 and 3)"},
      {"sweep: {a: [0.5, 0.50, 0.5]}\n", "sweep.a", "A decimal comma? Write [0.7, 0.9], not [0,7, 0,9]"},
  };
  for (const Case& c : cases) {
    auto error = error_of(c.yaml);
    ASSERT_TRUE(error.has_value()) << c.yaml;
    EXPECT_EQ(error->where().file, "s.yaml") << c.yaml;
    EXPECT_GT(error->where().line, 0) << c.yaml;
    EXPECT_EQ(error->key_path(), c.key_path) << c.yaml;
    EXPECT_NE(error->problem().find(c.problem), std::string::npos) << c.yaml << ": " << error->what();
  }
}

TEST(SweepSection, RefusesMoreCombinationsThanTheLimit) {
  std::string values = "[";
  for (int i = 0; i < 101; ++i) values += (i ? ", " : "") + std::to_string(i);
  values += "]";
  auto error = error_of("sweep:\n  a: " + values + "\n  b: " + values + "\n");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->key_path(), "sweep");
  EXPECT_NE(error->problem().find("10201 combinations; at most 10000"), std::string::npos) << error->what();
}

}  // namespace
}  // namespace carecast::models
