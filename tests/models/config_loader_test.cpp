// ConfigLoader: a scenario file read into a located tree, with `extends:` (one base) and
// `include:` (model and parameter files) layered in the documented order: the base first, then
// the included files in order, then the file's own keys; maps merge key by key, anything else is
// replaced whole. Errors: cycles, missing files, duplicate keys and invalid YAML, all located.
#include "models/config/config_loader.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "models_test_support.hpp"

namespace carecast::models {
namespace {

namespace fs = std::filesystem;
using test_support::data_dir;
using test_support::input_error_of;
using test_support::ScratchFolder;

fs::path loader_dir() { return data_dir() / "loader"; }

const ConfigNode& at(const ConfigNode& node, const std::string& dotted) {
  const ConfigNode* current = &node;
  std::string::size_type begin = 0;
  while (true) {
    auto end = dotted.find('.', begin);
    std::string key = dotted.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    const ConfigNode* next = current->find(key);
    if (next == nullptr) throw std::out_of_range("no key '" + dotted + "'");
    current = next;
    if (end == std::string::npos) return *current;
    begin = end + 1;
  }
}

std::string scalar(const ConfigNode& node, const std::string& dotted) { return at(node, dotted).scalar; }

std::vector<std::string> keys(const ConfigNode& node) {
  std::vector<std::string> names;
  for (const auto& [key, value] : node.entries) names.push_back(key);
  return names;
}

std::string file_name(const SourceLocation& where) { return fs::path(where.file).filename().string(); }

TEST(ConfigLoader, BaseThenIncludesInOrderThenOwnKeys) {
  ConfigLoader loader;
  ConfigNode root = loader.load(loader_dir() / "child.yaml");
  ASSERT_EQ(root.kind, ConfigNode::Kind::map);
  EXPECT_EQ(scalar(root, "name"), "child");                     // own key over the base
  EXPECT_EQ(scalar(root, "simulation.start"), "2025-01-01");    // only in the base
  EXPECT_EQ(scalar(root, "simulation.years"), "5");             // params_a over the base
  EXPECT_EQ(scalar(root, "simulation.seed"), "2");              // params_b over the base
  EXPECT_EQ(scalar(root, "shared"), "b");                       // the later include wins
  EXPECT_EQ(scalar(root, "from_a"), "a");
  EXPECT_EQ(scalar(root, "only_base"), "from base");
  // extends and include are consumed, not passed on.
  EXPECT_EQ(root.find("extends"), nullptr);
  EXPECT_EQ(root.find("include"), nullptr);
  // Keys keep the order they were first written in, base first.
  EXPECT_EQ(keys(root), (std::vector<std::string>{"name", "simulation", "list", "only_base", "shared",
                                                  "from_a"}));
  EXPECT_EQ(root.key_where.size(), root.entries.size());
}

TEST(ConfigLoader, ListsAreReplacedWholeNotMerged) {
  ConfigLoader loader;
  ConfigNode root = loader.load(loader_dir() / "child.yaml");
  const ConfigNode& list = at(root, "list");
  ASSERT_EQ(list.kind, ConfigNode::Kind::sequence);
  ASSERT_EQ(list.items.size(), 1u);
  EXPECT_EQ(list.items[0].scalar, "9");
}

TEST(ConfigLoader, OwnKeysOverrideIncludedFiles) {
  ConfigLoader loader;
  ConfigNode root = loader.load(loader_dir() / "child_own_wins.yaml");
  EXPECT_EQ(scalar(root, "shared"), "own");
  EXPECT_EQ(scalar(root, "simulation.years"), "7");
  EXPECT_EQ(scalar(root, "simulation.seed"), "1");
  EXPECT_EQ(scalar(root, "simulation.start"), "2025-01-01");
  EXPECT_EQ(scalar(root, "from_a"), "a");
}

TEST(ConfigLoader, ExtendsChainsThroughSeveralGenerations) {
  ConfigLoader loader;
  ConfigNode root = loader.load(loader_dir() / "grandchild.yaml");
  EXPECT_EQ(scalar(root, "simulation.start"), "2030-06-01");
  EXPECT_EQ(scalar(root, "simulation.years"), "5");
  EXPECT_EQ(scalar(root, "simulation.seed"), "2");
  EXPECT_EQ(scalar(root, "name"), "child");
  EXPECT_EQ(scalar(root, "only_base"), "from base");
}

TEST(ConfigLoader, EveryValueRemembersTheFileLineAndColumnItWasWrittenAt) {
  ConfigLoader loader;
  ConfigNode root = loader.load(loader_dir() / "child.yaml");
  const SourceLocation& list = at(root, "list").where;
  EXPECT_EQ(file_name(list), "child.yaml");
  EXPECT_EQ(list.line, 4);
  EXPECT_EQ(list.column, 7);
  const SourceLocation& years = at(root, "simulation.years").where;
  EXPECT_EQ(file_name(years), "params_a.yaml");
  EXPECT_EQ(years.line, 2);
  EXPECT_EQ(years.column, 10);
  const SourceLocation& seed = at(root, "simulation.seed").where;
  EXPECT_EQ(file_name(seed), "params_b.yaml");
  EXPECT_EQ(seed.line, 2);
  EXPECT_EQ(seed.column, 9);
  const SourceLocation& start = at(root, "simulation.start").where;
  EXPECT_EQ(file_name(start), "base.yaml");
  EXPECT_EQ(start.line, 4);
  EXPECT_EQ(start.column, 10);
  // Keys too: from_a was first written in params_a.yaml, line 3.
  for (std::size_t i = 0; i < root.entries.size(); ++i)
    if (root.entries[i].first == "from_a") {
      EXPECT_EQ(file_name(root.key_where[i]), "params_a.yaml");
      EXPECT_EQ(root.key_where[i].line, 3);
      EXPECT_EQ(root.key_where[i].column, 1);
    }
}

TEST(ConfigLoader, FilesReadAreListedInTheOrderFirstRead) {
  ConfigLoader loader;
  loader.load(loader_dir() / "child.yaml");
  std::vector<std::string> names;
  for (const auto& file : loader.files_read()) names.push_back(file.filename().string());
  EXPECT_EQ(names, (std::vector<std::string>{"child.yaml", "base.yaml", "params_a.yaml", "params_b.yaml"}));
}

TEST(ConfigLoader, RelativePathsAreTakenFromTheFolderOfTheFileThatNamesThem) {
  ConfigLoader loader;
  ConfigNode root = loader.load(loader_dir() / "from_other_folder.yaml");
  EXPECT_EQ(scalar(root, "outer"), "yes");
  EXPECT_EQ(scalar(root, "inner"), "yes");  // sub/outer.yaml includes inner.yaml = sub/inner.yaml
  EXPECT_EQ(at(root, "inner").where.file, (loader_dir() / "sub" / "inner.yaml").string());
}

TEST(ConfigLoader, AFileIncludedTwiceWithoutACycleIsAllowed) {
  ConfigLoader loader;
  ConfigNode root = loader.load(loader_dir() / "diamond.yaml");
  EXPECT_EQ(scalar(root, "common"), "1");
  EXPECT_EQ(scalar(root, "p"), "1");
  EXPECT_EQ(scalar(root, "q"), "1");
}

TEST(ConfigLoader, ACycleOfExtendsIsAnErrorAtTheKeyThatClosesIt) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "cycle_a.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "cycle_b.yaml");
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->where().column, 10);
  EXPECT_NE(error->problem().find("cycle_a.yaml"), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find("extends or includes itself"), std::string::npos) << error->what();
  // Every error names its key path; here the key that closes the cycle.
  EXPECT_EQ(error->key_path(), "extends") << error->what();
}

TEST(ConfigLoader, AFileIncludingItselfIsAnError) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "self_include.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "self_include.yaml");
  EXPECT_EQ(error->where().line, 4);
  EXPECT_EQ(error->where().column, 5);
  EXPECT_NE(error->problem().find("includes itself"), std::string::npos) << error->what();
  EXPECT_NE(error->key_path().find("include"), std::string::npos) << error->what();
}

TEST(ConfigLoader, AMissingBaseIsAnErrorAtTheExtendsKey) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "missing_extends.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "missing_extends.yaml");
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->where().column, 10);
  EXPECT_NE(error->problem().find("no_such_base.yaml"), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find("does not exist"), std::string::npos) << error->what();
  EXPECT_EQ(error->key_path(), "extends") << error->what();
}

TEST(ConfigLoader, AMissingIncludedFileIsAnErrorAtItsListItem) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "missing_include.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "missing_include.yaml");
  EXPECT_EQ(error->where().line, 4);
  EXPECT_EQ(error->where().column, 5);
  EXPECT_NE(error->problem().find("no_such_params.yaml"), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find("does not exist"), std::string::npos) << error->what();
  EXPECT_NE(error->key_path().find("include"), std::string::npos) << error->what();
}

TEST(ConfigLoader, AMissingTopFileIsAnErrorNamingIt) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "nowhere.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "nowhere.yaml");
  EXPECT_NE(error->problem().find("does not exist"), std::string::npos) << error->what();
}

TEST(ConfigLoader, ExtendsNamesExactlyOneBase) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "two_bases.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "two_bases.yaml");
  EXPECT_EQ(error->where().line, 1);
  EXPECT_EQ(error->where().column, 10);
  EXPECT_EQ(error->key_path(), "extends");
  EXPECT_NE(error->problem().find("one base scenario"), std::string::npos) << error->what();
}

TEST(ConfigLoader, ADuplicateKeyIsAnErrorAtItsSecondAppearance) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "duplicate_key.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "duplicate_key.yaml");
  EXPECT_EQ(error->where().line, 5);
  EXPECT_EQ(error->where().column, 3);
  EXPECT_NE(error->key_path().find("start"), std::string::npos) << error->what();
  EXPECT_NE(error->problem().find("'start' appears twice"), std::string::npos) << error->what();
}

TEST(ConfigLoader, ADuplicateKeyInABaseIsReportedInTheBase) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "extends_duplicate_in_base.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "duplicate_key.yaml");
  EXPECT_EQ(error->where().line, 5);
}

TEST(ConfigLoader, InvalidYamlIsAnErrorWithLineAndColumn) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "invalid.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "invalid.yaml");
  EXPECT_EQ(error->where().line, 5);  // the over-indented `seed:`
  EXPECT_GT(error->where().column, 0);
  EXPECT_NE(error->problem().find("not valid YAML"), std::string::npos) << error->what();
  std::string what = error->what();
  EXPECT_NE(what.find("invalid.yaml:5:"), std::string::npos) << what;
}

TEST(ConfigLoader, InvalidYamlTextNamesTheGivenFile) {
  auto error = input_error_of([] { parse_yaml_text("a: 1\n\tb: 2\n", "memory.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, "memory.yaml");
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->where().column, 1);
  EXPECT_NE(error->problem().find("tab"), std::string::npos) << error->what();
}

TEST(ConfigLoader, AnUndefinedAliasIsInvalidYaml) {
  auto error = input_error_of([] { parse_yaml_text("a: &x 1\nb: *y\n", "memory.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 2);
  EXPECT_NE(error->problem().find("anchor"), std::string::npos) << error->what();
}

TEST(ConfigLoader, AliasesAreExpanded) {
  ConfigNode root = parse_yaml_text("a: &x {rate: 1}\nb: *x\n", "memory.yaml");
  EXPECT_EQ(scalar(root, "b.rate"), "1");
}

// Aliases of aliases can make a few lines stand for billions of values: refused, not expanded.
TEST(ConfigLoader, AliasesThatExpandBeyondAnyScenarioAreRefused) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 8; ++level) {
    std::string previous = "*a" + std::to_string(level - 1);
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [" + previous;
    for (int copy = 1; copy < 10; ++copy) text += ", " + previous;
    text += "]\n";
  }
  auto error = input_error_of([&] { parse_yaml_text(text, "memory.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().file, "memory.yaml");
  EXPECT_NE(error->problem().find("expands to more than"), std::string::npos) << error->what();
}

// yaml-cpp runs an unclosed quote to the end of the file, so the keys after it would silently
// disappear into the text.
TEST(ConfigLoader, AQuotedTextWithoutItsClosingQuoteIsAnErrorWhereItStarts) {
  for (const char* text : {"a: 1\nb: \"no end\nc: 2\n", "a: 1\nb: 'no end\nc: 2\n", "a: 1\nb: \"ends in \\\"\n"}) {
    auto error = input_error_of([&] { parse_yaml_text(text, "memory.yaml"); });
    ASSERT_TRUE(error.has_value()) << text;
    EXPECT_EQ(error->where().line, 2) << text;
    EXPECT_EQ(error->where().column, 4) << text;
    EXPECT_NE(error->problem().find("no closing"), std::string::npos) << error->what();
  }
}

TEST(ConfigLoader, ClosedQuotesWithEscapesAndBlockTextAreRead) {
  ConfigNode root = parse_yaml_text("a: \"say \\\"hi\\\"\"\nb: 'it''s'\nc: |\n  block \"text\n", "memory.yaml");
  EXPECT_EQ(scalar(root, "a"), "say \"hi\"");
  EXPECT_EQ(scalar(root, "b"), "it's");
  EXPECT_EQ(scalar(root, "c"), "block \"text\n");
}

// yaml-cpp's messages for a tab in the indentation do not mention tabs; the error adds it.
TEST(ConfigLoader, ATabInTheIndentationIsNamedAsSuch) {
  for (const std::string& text : {std::string("name: x\nsimulation:\n\tstart: 2025-01-01\n"),
                                   std::string("name: x\nsimulation:\n  start: 2025-01-01\n\tyears: 2\n")}) {
    auto error = input_error_of([&] { parse_yaml_text(text, "memory.yaml"); });
    ASSERT_TRUE(error.has_value()) << text;
    EXPECT_NE(error->problem().find("is indented with a tab, and YAML indents with spaces only"), std::string::npos)
        << error->what();
  }
  auto other = input_error_of([] { parse_yaml_text("a: [1, 2\n", "memory.yaml"); });
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->problem().find("tab"), std::string::npos) << other->what();
}

// A scenario is UTF-8 text: a Latin-1 byte or a NUL is refused where it is, not passed on raw or
// dropped. Multi-byte UTF-8 (å, ≈, a byte-order mark) is text.
TEST(ConfigLoader, BytesThatAreNotUtf8TextAreRefusedWhereTheyAre) {
  auto latin1 = input_error_of([] { parse_yaml_text("a: 1\nname: K\xF8" "benhavn\n", "memory.yaml"); });
  ASSERT_TRUE(latin1.has_value());
  EXPECT_EQ(latin1->where().line, 2);
  EXPECT_EQ(latin1->where().column, 8);
  EXPECT_EQ(latin1->problem(), "byte 0xF8 here is not UTF-8 text; save the file as UTF-8");
  auto nul = input_error_of([] { parse_yaml_text(std::string("name: a\0b\n", 10), "memory.yaml"); });
  ASSERT_TRUE(nul.has_value());
  EXPECT_EQ(nul->where().column, 8);
  EXPECT_EQ(nul->problem(), "a NUL byte (code 0) here; expected text only");
  ConfigNode root = parse_yaml_text("\xEF\xBB\xBF" "name: K\xC3\xB8" "benhavn \xE2\x89\x88" " 1\n", "memory.yaml");
  EXPECT_EQ(scalar(root, "name"), "K\xC3\xB8" "benhavn \xE2\x89\x88" " 1");
}

TEST(ConfigLoader, NestingDeeperThanTheParserAllowsSaysSo) {
  std::string text = "a: " + std::string(3000, '[') + std::string(3000, ']') + "\n";
  auto error = input_error_of([&] { parse_yaml_text(text, "memory.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->problem().find("nests lists or mappings too deeply"), std::string::npos) << error->what();
}

// Everything after a second `---` would be silently ignored.
TEST(ConfigLoader, ASecondDocumentIsAnErrorWhereItStarts) {
  auto error = input_error_of([] { parse_yaml_text("a: 1\n---\nb: 2\n", "memory.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->where().line, 3);
  EXPECT_NE(error->problem().find("second one"), std::string::npos) << error->what();
}

TEST(ConfigLoader, AFolderIsNotAScenarioFile) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir()); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->problem().find("it is a folder, not a file"), std::string::npos) << error->what();
}

TEST(ConfigLoader, AScenarioFileMustBeAMapping) {
  ConfigLoader loader;
  auto error = input_error_of([&] { loader.load(loader_dir() / "list_root.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(file_name(error->where()), "list_root.yaml");
  EXPECT_EQ(error->where().line, 1);
  EXPECT_NE(error->problem().find("must be a mapping"), std::string::npos) << error->what();
}

TEST(ConfigLoader, AnEmptyFileIsAnEmptyMapping) {
  ConfigLoader loader;
  ConfigNode root = loader.load(loader_dir() / "empty.yaml");
  EXPECT_EQ(root.kind, ConfigNode::Kind::map);
  EXPECT_TRUE(root.entries.empty());
}

TEST(ConfigLoader, AbsolutePathsAreUsedAsWritten) {
  ScratchFolder scratch;
  auto file = scratch.write("abs.yaml", "extends: " + (loader_dir() / "base.yaml").string() + "\nname: abs\n");
  ConfigLoader loader;
  ConfigNode root = loader.load(file);
  EXPECT_EQ(scalar(root, "name"), "abs");
  EXPECT_EQ(scalar(root, "only_base"), "from base");
}

TEST(ConfigNodeOverlay, MapsMergeKeyByKeyAndAnythingElseIsReplacedWhole) {
  ConfigNode base = parse_yaml_text("a: {x: 1, y: 2}\nb: [1, 2]\nc: {z: 3}\nd: 4\n", "base.yaml");
  ConfigNode over = parse_yaml_text("a: {y: 20, w: 5}\nb: [7]\nc: scalar\ne: new\n", "over.yaml");
  base.overlay(over);
  EXPECT_EQ(scalar(base, "a.x"), "1");
  EXPECT_EQ(scalar(base, "a.y"), "20");
  EXPECT_EQ(scalar(base, "a.w"), "5");
  ASSERT_EQ(at(base, "b").items.size(), 1u);
  EXPECT_EQ(at(base, "b").items[0].scalar, "7");
  EXPECT_EQ(at(base, "c").kind, ConfigNode::Kind::scalar);
  EXPECT_EQ(scalar(base, "c"), "scalar");
  EXPECT_EQ(scalar(base, "d"), "4");
  EXPECT_EQ(scalar(base, "e"), "new");
  EXPECT_EQ(at(base, "e").where.file, "over.yaml");
  EXPECT_EQ(base.key_where.size(), base.entries.size());
}

TEST(ConfigNodeOverlay, ANullReplacesAMapWhole) {
  // docs/scenario-reference.md, "Removing an inherited key".
  ConfigNode base = parse_yaml_text("initial_stock: {warmup_years: 25}\n", "base.yaml");
  base.overlay(parse_yaml_text("initial_stock: null\n", "drop.yaml"));
  EXPECT_EQ(at(base, "initial_stock").kind, ConfigNode::Kind::null);
  base.overlay(parse_yaml_text("initial_stock: {snapshot: s.csv}\n", "own.yaml"));
  EXPECT_EQ(keys(at(base, "initial_stock")), std::vector<std::string>{"snapshot"});
}

TEST(ConfigNodeOverlay, ToYamlRoundTrips) {
  ConfigNode root = parse_yaml_text("a: {x: 1, y: [1, 2, {z: 'with: colon'}]}\nb: ~\nc: '007'\n", "m.yaml");
  ConfigNode again = parse_yaml_text(to_yaml(root), "again.yaml");
  EXPECT_EQ(scalar(again, "a.x"), "1");
  ASSERT_EQ(at(again, "a.y").items.size(), 3u);
  EXPECT_EQ(at(again, "a.y").items[2].find("z")->scalar, "with: colon");
  EXPECT_EQ(at(again, "b").kind, ConfigNode::Kind::null);
  EXPECT_EQ(scalar(again, "c"), "007");
}

}  // namespace
}  // namespace carecast::models
