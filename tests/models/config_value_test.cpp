// ConfigValue and ConfigMap: typed, checked reading of a located tree. Each accessor that finds
// the wrong thing throws an InputError at the value's file, line and column, naming the key path
// and saying what was expected and what was found.
#include "models/config/config_value.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "models/config/config_loader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::input_error_of;

// Every value sits at column (length of its key + 3): "key: value".
const char* const values_text =
    "text: hello\n"          // 1
    "list: [1, 2]\n"         // 2
    "map: {a: 1}\n"          // 3
    "empty:\n"               // 4
    "word: abc\n"            // 5
    "negative: -1.5\n"       // 6
    "zero: 0\n"              // 7
    "big: 1.5\n"             // 8
    "half: 0.5\n"            // 9
    "whole: 42\n"            // 10
    "fraction: 2.5\n"        // 11
    "infinity: .inf\n"       // 12
    "plus: +0.25\n"          // 13
    "yes_flag: yes\n"        // 14
    "off_flag: off\n"        // 15
    "maybe: maybe\n"         // 16
    "date: 2024-02-29\n"     // 17
    "bad_date: 2025-02-29\n" // 18
    "short_date: 2025-2-1\n" // 19
    "nan: .nan\n"            // 20
    "exponent: 1e3\n"        // 21
    "one: 1\n"               // 22
    "table: data/pop.csv\n"  // 23
    "absolute: /tmp/x.csv\n" // 24
    "quoted: \"12\"\n"       // 25
    "largest: 18446744073709551615\n"    // 26
    "too_large: 18446744073709551616\n"  // 27
    "percent: 3.5%\n"                    // 28
    "comma: '470,000'\n"                 // 29
    "spaced: 1 287.50\n"                 // 30
    "scale_percent: 60%\n";              // 31

class ConfigValueTest : public ::testing::Test {
 protected:
  ConfigNode root = parse_yaml_text(values_text, "/scenarios/here/values.yaml");

  ConfigValue value(const std::string& key) const {
    const ConfigNode* node = root.find(key);
    if (node == nullptr) throw std::out_of_range(key);
    return ConfigValue(*node, "section." + key);
  }
  int line_of(const std::string& key) const {
    for (std::size_t i = 0; i < root.entries.size(); ++i)
      if (root.entries[i].first == key) return root.key_where[i].line;
    return -1;
  }

  /// Runs `read` on the value of `key` and checks the error it throws, word for word.
  template <class Read>
  void expect_error(const std::string& key, Read read, const std::string& problem) const {
    auto error = input_error_of([&] { read(value(key)); });
    ASSERT_TRUE(error.has_value()) << "no error for '" << key << "'";
    EXPECT_EQ(error->where().file, "/scenarios/here/values.yaml");
    EXPECT_EQ(error->where().line, line_of(key)) << key;
    EXPECT_EQ(error->where().column, static_cast<int>(key.size()) + 3) << key;
    EXPECT_EQ(error->key_path(), "section." + key);
    EXPECT_EQ(error->problem(), problem);
    EXPECT_EQ(std::string(error->what()),
              "/scenarios/here/values.yaml:" + std::to_string(line_of(key)) + ":" +
                  std::to_string(key.size() + 3) + ": at 'section." + key + "': " + problem);
  }
};

TEST_F(ConfigValueTest, Text) {
  EXPECT_EQ(value("text").text(), "hello");
  EXPECT_EQ(value("whole").text(), "42");
  expect_error("list", [](const ConfigValue& v) { v.text(); }, "expected a text value, found a list");
  expect_error("map", [](const ConfigValue& v) { v.text(); }, "expected a text value, found a mapping");
  auto error = input_error_of([&] { value("empty").text(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(), "expected a text value, found nothing");
  EXPECT_EQ(error->key_path(), "section.empty");
}

TEST_F(ConfigValueTest, Number) {
  EXPECT_EQ(value("negative").number(), -1.5);
  EXPECT_EQ(value("exponent").number(), 1000.0);
  EXPECT_EQ(value("quoted").number(), 12.0);
  expect_error("word", [](const ConfigValue& v) { v.number(); }, "expected a number, found 'abc'");
  expect_error("nan", [](const ConfigValue& v) { v.number(); }, "expected a number, found '.nan'");
  expect_error("infinity", [](const ConfigValue& v) { v.number(); }, "expected a number, found '.inf'");
  expect_error("list", [](const ConfigValue& v) { v.number(); }, "expected a number, found a list");
}

TEST_F(ConfigValueTest, ANumberWrittenAsASpreadsheetWouldGetsAHint) {
  expect_error("percent", [](const ConfigValue& v) { v.number(); },
               "expected a number, found '3.5%'; write a fraction: 0.035 for 3.5 %");
  // The fraction is the one meant, not always the example's (population.scale: 60%).
  expect_error("scale_percent", [](const ConfigValue& v) { v.number(); },
               "expected a number, found '60%'; write a fraction: 0.6 for 60 %");
  const std::string separators =
      "; write numbers with a '.' for decimals and no thousands separator: 1287.50, 470000";
  expect_error("comma", [](const ConfigValue& v) { v.number(); }, "expected a number, found '470,000'" + separators);
  expect_error("spaced", [](const ConfigValue& v) { v.number(); }, "expected a number, found '1 287.50'" + separators);
}

TEST_F(ConfigValueTest, ALeadingPlusSignIsRejectedAsDocumented) {
  // docs/scenario-reference.md, "Numbers": a leading + is rejected.
  expect_error("plus", [](const ConfigValue& v) { v.number(); }, "expected a number, found '+0.25'");
}

TEST_F(ConfigValueTest, NonNegative) {
  EXPECT_EQ(value("zero").non_negative(), 0.0);
  EXPECT_EQ(value("big").non_negative(), 1.5);
  expect_error("negative", [](const ConfigValue& v) { v.non_negative(); },
               "expected a number that is zero or more, found '-1.5'");
  expect_error("word", [](const ConfigValue& v) { v.non_negative(); }, "expected a number, found 'abc'");
}

TEST_F(ConfigValueTest, Positive) {
  EXPECT_EQ(value("half").positive(), 0.5);
  expect_error("zero", [](const ConfigValue& v) { v.positive(); },
               "expected a number greater than zero, found '0'");
  expect_error("negative", [](const ConfigValue& v) { v.positive(); },
               "expected a number greater than zero, found '-1.5'");
}

TEST_F(ConfigValueTest, Probability) {
  EXPECT_EQ(value("zero").probability(), 0.0);
  EXPECT_EQ(value("half").probability(), 0.5);
  EXPECT_EQ(value("one").probability(), 1.0);
  expect_error("big", [](const ConfigValue& v) { v.probability(); },
               "expected a probability between 0 and 1, found '1.5'");
  expect_error("negative", [](const ConfigValue& v) { v.probability(); },
               "expected a probability between 0 and 1, found '-1.5'");
}

TEST_F(ConfigValueTest, NumberOrInfinity) {
  EXPECT_TRUE(std::isinf(value("infinity").number_or_infinity()));
  EXPECT_GT(value("infinity").number_or_infinity(), 0.0);
  EXPECT_EQ(value("half").number_or_infinity(), 0.5);
  expect_error("word", [](const ConfigValue& v) { v.number_or_infinity(); },
               "expected a number or .inf, found 'abc'");
}

TEST_F(ConfigValueTest, Integer) {
  EXPECT_EQ(value("whole").integer(), 42);
  EXPECT_EQ(value("exponent").integer(), 1000);
  expect_error("fraction", [](const ConfigValue& v) { v.integer(); }, "expected a whole number, found '2.5'");
  expect_error("word", [](const ConfigValue& v) { v.integer(); }, "expected a number, found 'abc'");
}

TEST_F(ConfigValueTest, UnsignedIntegerCoversAll64BitsAndRefusesMore) {
  EXPECT_EQ(value("largest").unsigned_integer(), UINT64_MAX);
  EXPECT_EQ(value("zero").unsigned_integer(), 0u);
  const std::string expected = "expected a whole number from 0 to 18446744073709551615, found ";
  expect_error("too_large", [](const ConfigValue& v) { v.unsigned_integer(); },
               expected + "'18446744073709551616'");
  expect_error("negative", [](const ConfigValue& v) { v.unsigned_integer(); }, expected + "'-1.5'");
  expect_error("fraction", [](const ConfigValue& v) { v.unsigned_integer(); }, expected + "'2.5'");
}

TEST_F(ConfigValueTest, IntegerIn) {
  EXPECT_EQ(value("whole").integer_in(42, 42), 42);
  expect_error("whole", [](const ConfigValue& v) { v.integer_in(1, 10); },
               "expected a whole number from 1 to 10, found '42'");
  expect_error("zero", [](const ConfigValue& v) { v.integer_in(1, 100); },
               "expected a whole number from 1 to 100, found '0'");
  expect_error("fraction", [](const ConfigValue& v) { v.integer_in(1, 10); },
               "expected a whole number, found '2.5'");
}

TEST_F(ConfigValueTest, Flag) {
  EXPECT_TRUE(value("yes_flag").flag());
  EXPECT_FALSE(value("off_flag").flag());
  expect_error("maybe", [](const ConfigValue& v) { v.flag(); }, "expected true or false, found 'maybe'");
  expect_error("one", [](const ConfigValue& v) { v.flag(); }, "expected true or false, found '1'");
}

TEST_F(ConfigValueTest, Date) {
  engine::Date date = value("date").date();
  EXPECT_EQ(engine::format_iso_date(date), "2024-02-29");
  expect_error("bad_date", [](const ConfigValue& v) { v.date(); },
               "'2025-02-29' is written YYYY-MM-DD, but that month has no such day: 2025-02 has 28 days");
  expect_error("short_date", [](const ConfigValue& v) { v.date(); },
               "expected a date written YYYY-MM-DD, found '2025-2-1'");
  expect_error("list", [](const ConfigValue& v) { v.date(); },
               "expected a date written YYYY-MM-DD, found a list");
}

TEST_F(ConfigValueTest, ListItemsHaveIndexedPathsAndTheirOwnLocations) {
  auto items = value("list").list();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].path(), "section.list[0]");
  EXPECT_EQ(items[1].path(), "section.list[1]");
  EXPECT_EQ(items[0].where().line, 2);
  EXPECT_EQ(items[0].where().column, 8);
  EXPECT_EQ(items[1].where().column, 11);
  EXPECT_EQ(items[0].probability(), 1.0);
  auto error = input_error_of([&] { items[1].integer_in(5, 6); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(std::string(error->what()),
            "/scenarios/here/values.yaml:2:11: at 'section.list[1]': expected a whole number from 5 to 6, found '2'");
  expect_error("text", [](const ConfigValue& v) { v.list(); }, "expected a list, found 'hello'");
  expect_error("map", [](const ConfigValue& v) { v.list(); }, "expected a list, found a mapping");
}

TEST_F(ConfigValueTest, Map) {
  ConfigMap map = value("map").map();
  EXPECT_EQ(map.path(), "section.map");
  EXPECT_EQ(map.required("a").path(), "section.map.a");
  EXPECT_EQ(map.required("a").integer(), 1);
  expect_error("list", [](const ConfigValue& v) { v.map(); },
               "expected a mapping of keys to values, found a list");
  expect_error("text", [](const ConfigValue& v) { v.map(); },
               "expected a mapping of keys to values, found 'hello'");
}

TEST_F(ConfigValueTest, FilePathIsRelativeToTheFolderOfTheFileTheValueWasWrittenIn) {
  EXPECT_EQ(value("table").file_path(), std::filesystem::path("/scenarios/here/data/pop.csv"));
  EXPECT_EQ(value("absolute").file_path(), std::filesystem::path("/tmp/x.csv"));
  expect_error("list", [](const ConfigValue& v) { v.file_path(); }, "expected a text value, found a list");
}

TEST_F(ConfigValueTest, FailLocatesAnyProblemAtTheValue) {
  expect_error("whole", [](const ConfigValue& v) { v.fail("something is wrong"); }, "something is wrong");
}

// ---- ConfigMap ---------------------------------------------------------------------------

const char* const map_text =
    "simulation:\n"           // 1
    "  start: 2025-01-01\n"   // 2
    "  yeers: 10\n"           // 3
    "  seed: 4\n"             // 4
    "other:\n"                // 5
    "  zzz: 1\n";             // 6

class ConfigMapTest : public ::testing::Test {
 protected:
  ConfigNode root = parse_yaml_text(map_text, "map.yaml");
  ConfigMap top{root, ""};
};

TEST_F(ConfigMapTest, RequiredOptionalAndHas) {
  ConfigMap simulation = top.required("simulation").map();
  EXPECT_EQ(simulation.path(), "simulation");
  EXPECT_TRUE(simulation.has("seed"));
  EXPECT_FALSE(simulation.has("grid"));
  EXPECT_FALSE(simulation.optional("grid").has_value());
  auto seed = simulation.optional("seed");
  ASSERT_TRUE(seed.has_value());
  EXPECT_EQ(seed->path(), "simulation.seed");
  EXPECT_EQ(seed->where().line, 4);
  EXPECT_EQ(seed->where().column, 9);
  EXPECT_EQ(simulation.required("start").path(), "simulation.start");
}

TEST_F(ConfigMapTest, AMissingRequiredKeyIsAnErrorAtTheMapNamingTheKey) {
  ConfigMap other = top.required("other").map();
  auto error = input_error_of([&] { other.required("grid"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, "map.yaml");
  EXPECT_EQ(error->where().line, 6);
  EXPECT_EQ(error->key_path(), "other");
  EXPECT_EQ(error->problem(), "the key 'grid' is missing");
  EXPECT_EQ(std::string(error->what()), "map.yaml:6:3: at 'other': the key 'grid' is missing");
}

TEST_F(ConfigMapTest, AMissingTopLevelKeyIsAnErrorAtTheDocument) {
  auto error = input_error_of([&] { top.required("transitions"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, "map.yaml");
  EXPECT_EQ(error->where().line, 1);
  EXPECT_EQ(error->problem(), "the key 'transitions' is missing");
}

TEST_F(ConfigMapTest, UnknownKeysAreRejectedAtTheKeyWithASuggestion) {
  ConfigMap simulation = top.required("simulation").map();
  simulation.required("start");
  simulation.optional("years");
  simulation.optional("seed");
  auto error = input_error_of([&] { simulation.reject_unknown(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, "map.yaml");
  EXPECT_EQ(error->where().line, 3);
  EXPECT_EQ(error->where().column, 3);
  EXPECT_EQ(error->key_path(), "simulation.yeers");
  EXPECT_EQ(error->problem(), "unknown key 'yeers'; did you mean 'years'?");
  EXPECT_EQ(std::string(error->what()),
            "map.yaml:3:3: at 'simulation.yeers': unknown key 'yeers'; did you mean 'years'?");
}

TEST_F(ConfigMapTest, UnknownKeysWithNothingCloseListTheKnownKeys) {
  ConfigMap other = top.required("other").map();
  other.optional("alpha");
  other.optional("beta");
  auto error = input_error_of([&] { other.reject_unknown(); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->key_path(), "other.zzz");
  EXPECT_EQ(error->problem(), "unknown key 'zzz'; expected one of: alpha, beta");
}

TEST_F(ConfigMapTest, KeysReadInAnyWayCountAsKnown) {
  top.required("simulation");
  top.has("other");
  EXPECT_FALSE(input_error_of([&] { top.reject_unknown(); }).has_value());
  ConfigMap other = top.required("other").map();
  EXPECT_EQ(other.entries().size(), 1u);
  EXPECT_FALSE(input_error_of([&] { other.reject_unknown(); }).has_value());
}

TEST_F(ConfigMapTest, AMisspeltRequiredKeyIsReportedAtTheMisspellingWithItsKeyPath) {
  // `yeers` is the user's spelling of the required `years`. Like any other unknown key, the
  // error should point at `yeers` (line 3, column 3, key path simulation.yeers) and suggest
  // `years`, not point at the start of the mapping.
  ConfigMap simulation = top.required("simulation").map();
  simulation.required("start");
  auto error = input_error_of([&] { simulation.required("years"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->problem().find("'yeers'"), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find("'years'"), std::string::npos) << error->what();
  EXPECT_EQ(error->where().line, 3) << error->what();
  EXPECT_EQ(error->where().column, 3) << error->what();
  EXPECT_EQ(error->key_path(), "simulation.yeers") << error->what();
}

TEST_F(ConfigMapTest, AMissingRequiredKeyWithNothingCloseSaysOnlyThatItIsMissing) {
  ConfigMap other = top.required("other").map();
  auto error = input_error_of([&] { other.required("start"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->problem(), "the key 'start' is missing");
}

TEST_F(ConfigMapTest, FailAtKeyPointsAtTheKey) {
  ConfigMap simulation = top.required("simulation").map();
  auto error = input_error_of([&] { simulation.fail_at_key("seed", "bad seed"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 4);
  EXPECT_EQ(error->where().column, 3);
  EXPECT_EQ(error->key_path(), "simulation.seed");
  EXPECT_EQ(error->problem(), "bad seed");
  error = input_error_of([&] { simulation.fail("whole map"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->key_path(), "simulation");
  EXPECT_EQ(error->where().line, 2);
}

TEST(InputError, DescribeOmitsUnknownParts) {
  EXPECT_EQ(describe(SourceLocation{"f.yaml", 3, 4}), "f.yaml:3:4");
  EXPECT_EQ(describe(SourceLocation{"f.csv", 7, 0}), "f.csv:7");
  EXPECT_EQ(describe(SourceLocation{"f.csv", 0, 0}), "f.csv");
  EXPECT_EQ(describe(SourceLocation{}), "<input>");
  InputError error(SourceLocation{"f.yaml", 1, 2}, "", "bad");
  EXPECT_EQ(std::string(error.what()), "f.yaml:1:2: bad");
}

}  // namespace
}  // namespace carecast::models
