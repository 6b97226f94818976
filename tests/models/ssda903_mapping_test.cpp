// Ssda903Mapping: the shipped mapping (scenarios/ssda903-mapping.yaml) covers every code of the
// DfE code sets and names only states of scenarios/england-la.yaml; a malformed mapping is an
// InputError at the file, line and column.
#include "models/calibration/ssda903_mapping.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "models/config/config_loader.hpp"
#include "models/config/config_value.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using test_support::input_error_of;
using test_support::scenarios_dir;
using test_support::ScratchFolder;

Ssda903Mapping shipped() { return read_ssda903_mapping(scenarios_dir() / "ssda903-mapping.yaml"); }

template <class Map>
std::vector<std::string> missing_codes(const Map& map, const std::vector<std::string>& codes) {
  std::vector<std::string> missing;
  for (const auto& code : codes)
    if (map.find(code) == map.end()) missing.push_back(code);
  return missing;
}

TEST(Ssda903Mapping, TheShippedMappingCoversEveryCodeOfTheDfeCodeSets) {
  Ssda903Mapping mapping = shipped();
  EXPECT_EQ(missing_codes(mapping.place, {"U1", "U2", "U3", "U4", "U5", "U6", "K1", "K2", "K3", "R1", "R2",
                                          "R3", "R5", "S1", "H5", "P1", "P2", "P3", "A3", "A4", "A5", "A6",
                                          "T0", "T1", "T2", "T3", "T4", "Z1"}),
            std::vector<std::string>{});
  EXPECT_EQ(missing_codes(mapping.reason_ceased,
                          {"X1", "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E41", "E43",
                           "E44", "E45", "E46", "E47", "E48", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9"}),
            std::vector<std::string>{});
  EXPECT_EQ(missing_codes(mapping.reason_place_change, {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB",
                                                        "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"}),
            std::vector<std::string>{});
  EXPECT_EQ(missing_codes(mapping.legal_status,
                          {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"}),
            std::vector<std::string>{});
}

TEST(Ssda903Mapping, TheShippedMappingMeansWhatTheGuidanceSays) {
  Ssda903Mapping mapping = shipped();
  EXPECT_EQ(mapping.file, scenarios_dir() / "ssda903-mapping.yaml");
  EXPECT_EQ(mapping.place.at("U3").state, "foster");
  EXPECT_EQ(mapping.place.at("K1").state, "childrens_home");
  EXPECT_EQ(mapping.place.at("H5").state, "semi_independent");
  EXPECT_EQ(mapping.place.at("P1").state, "with_parents");
  EXPECT_EQ(mapping.place.at("A6").state, "for_adoption");
  EXPECT_TRUE(mapping.place.at("T2").temporary);
  EXPECT_FALSE(mapping.place.at("U6").temporary);
  EXPECT_EQ(mapping.reason_ceased.at("X1"), std::nullopt);
  EXPECT_EQ(mapping.reason_ceased.at("E12"), std::optional<std::string>("adopted"));
  EXPECT_EQ(mapping.reason_ceased.at("E4B"), std::optional<std::string>("returned_home"));
  EXPECT_EQ(mapping.reason_ceased.at("E41"), std::optional<std::string>("special_guardianship"));
  EXPECT_EQ(mapping.reason_ceased.at("E17"), std::optional<std::string>("ceased_18"));
  EXPECT_EQ(mapping.reason_ceased.at("E2"), std::optional<std::string>("left_other"));
  EXPECT_EQ(mapping.reason_place_change.at("CARPL"), EpisodeEnding::planned_move);
  EXPECT_EQ(mapping.reason_place_change.at("CREQB"), EpisodeEnding::breakdown_carer);
  EXPECT_EQ(mapping.reason_place_change.at("ALLEG"), EpisodeEnding::breakdown_other);
  EXPECT_EQ(mapping.unrecorded_place_change, EpisodeEnding::planned_move);
  EXPECT_TRUE(mapping.legal_status.at("C2"));
  EXPECT_FALSE(mapping.legal_status.at("V3"));
  EXPECT_FALSE(mapping.legal_status.at("V4"));
}

/// The states declared in scenarios/england-la.yaml.
std::vector<std::string> england_la_states() {
  auto file = scenarios_dir() / "england-la.yaml";
  ConfigNode tree = parse_yaml_file(file, SourceLocation{file.string(), 0, 0});
  std::vector<std::string> names;
  for (const ConfigValue& state : ConfigValue(tree, "").map().required("states").list())
    names.push_back(state.map().required("name").text());
  return names;
}

TEST(Ssda903Mapping, NamesOnlyStatesOfEnglandLa) {
  std::vector<std::string> declared = england_la_states();
  std::vector<std::string> undeclared;
  for (const std::string& name : shipped().state_names())
    if (std::find(declared.begin(), declared.end(), name) == declared.end()) undeclared.push_back(name);
  EXPECT_EQ(undeclared, std::vector<std::string>{});
}

TEST(Ssda903Mapping, StateNamesListsPlacementsAndExitsOnce) {
  ScratchFolder scratch;
  auto file = scratch.write("m.yaml",
                            "place: {U6: foster, U4: foster, T0: temporary}\n"
                            "reason_ceased: {X1: continues, E4A: returned_home}\n"
                            "reason_place_change: {CARPL: planned_move}\n"
                            "legal_status: {C2: include}\n");
  Ssda903Mapping mapping = read_ssda903_mapping(file);
  EXPECT_EQ(mapping.state_names(), (std::vector<std::string>{"foster", "returned_home"}));
  EXPECT_EQ(mapping.unrecorded_place_change, std::nullopt);
}

struct BadMapping {
  std::string name;
  std::string text;
  int line;
  int column;
  std::string fragment;
};

void PrintTo(const BadMapping& bad, std::ostream* out) { *out << bad.name; }

class Ssda903MappingErrors : public ::testing::TestWithParam<BadMapping> {};

constexpr const char* good_place = "place:\n  U6: foster\n";
constexpr const char* good_rest =
    "reason_ceased:\n  X1: continues\n"
    "reason_place_change:\n  CARPL: planned_move\n"
    "legal_status:\n  C2: include\n";

TEST_P(Ssda903MappingErrors, AreLocatedAtTheLineAndColumn) {
  const BadMapping& bad = GetParam();
  ScratchFolder scratch;
  auto file = scratch.write("mapping.yaml", bad.text);
  auto error = input_error_of([&] { read_ssda903_mapping(file); });
  ASSERT_TRUE(error.has_value()) << bad.name;
  EXPECT_EQ(error->where().file, file.string());
  EXPECT_EQ(error->where().line, bad.line) << error->what();
  EXPECT_EQ(error->where().column, bad.column) << error->what();
  EXPECT_NE(error->problem().find(bad.fragment), std::string::npos) << error->what();
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, Ssda903MappingErrors,
    ::testing::Values(
        BadMapping{"unknown_key", std::string(good_place) + good_rest + "reason_ceased_extra: 1\n", 9, 1,
                   "unknown key 'reason_ceased_extra'"},
        BadMapping{"misspelt_section", std::string("plase:\n  U6: foster\n") + good_rest, 1, 1,
                   "did you mean 'place'?"},
        BadMapping{"bad_legal_status", std::string(good_place) +
                                           "reason_ceased:\n  X1: continues\n"
                                           "reason_place_change:\n  CARPL: planned_move\n"
                                           "legal_status:\n  C2: include\n  V3: exlude\n",
                   9, 7, "expected include | exclude, found 'exlude'; did you mean 'exclude'?"},
        BadMapping{"bad_place_change", std::string(good_place) +
                                           "reason_ceased:\n  X1: continues\n"
                                           "reason_place_change:\n  CREQB: breakdown\n"
                                           "legal_status:\n  C2: include\n",
                   6, 10, "expected planned_move | breakdown_carer | breakdown_other, found 'breakdown'"},
        BadMapping{"place_not_an_identifier", std::string("place:\n  U6: Foster care\n") + good_rest, 2, 7,
                   "'Foster care' is not a state name; expected temporary or an identifier"},
        BadMapping{"exit_named_like_a_move", std::string(good_place) +
                                                 "reason_ceased:\n  X1: moved\n"
                                                 "reason_place_change:\n  CARPL: planned_move\n"
                                                 "legal_status:\n  C2: include\n",
                   4, 7, "'moved' is a reason word"},
        BadMapping{"lower_case_code", std::string("place:\n  U6: foster\n  u4: foster\n") + good_rest, 3, 3,
                   "'u4' is not an SSDA903 code"},
        BadMapping{"empty_section", std::string(good_place) + "reason_ceased: {}\n"
                                                              "reason_place_change:\n  CARPL: planned_move\n"
                                                              "legal_status:\n  C2: include\n",
                   3, 16, "expected at least one code"},
        BadMapping{"missing_section", std::string(good_place) + "reason_ceased:\n  X1: continues\n"
                                                                "legal_status:\n  C2: include\n",
                   1, 1, "the key 'reason_place_change' is missing"},
        BadMapping{"bad_unrecorded", std::string(good_place) + good_rest + "unrecorded_place_change: planned\n", 9,
                   26, "found 'planned'"}));

TEST(Ssda903Mapping, AMissingFileIsAnInputError) {
  auto error = input_error_of([] { read_ssda903_mapping(scenarios_dir() / "no-such-mapping.yaml"); });
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string(error->what()).find("no-such-mapping.yaml"), std::string::npos) << error->what();
}

}  // namespace
}  // namespace carecast::models::calibration
