// write_generic_episodes: the exact inverse of read_generic_episodes. Reading back what it wrote
// gives the same episodes, for the hand-written fixture and for awkward text; the text itself is
// as documented; episodes the reader could not read back are refused.
#include "models/calibration/generic_episode_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/calibration/generic_episode_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using test_support::data_dir;
using test_support::ScratchFolder;

engine::Date day(const char* iso) { return *engine::parse_iso_date(iso); }

Episode episode(std::string child, const char* start, const char* end, std::string state,
                EpisodeEnding ending, std::string exit_state = "") {
  Episode e;
  e.child = std::move(child);
  e.birth = day("2012-03-04");
  e.start = day(start);
  if (end[0] != '\0') e.end = day(end);
  e.state = std::move(state);
  e.ending = ending;
  e.exit_state = std::move(exit_state);
  return e;
}

/// Every field but the line, which counts rows of the file the episode came from.
void expect_same_episodes(const std::vector<Episode>& read, const std::vector<Episode>& written) {
  ASSERT_EQ(read.size(), written.size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    SCOPED_TRACE("episode " + std::to_string(i));
    EXPECT_EQ(read[i].child, written[i].child);
    EXPECT_EQ(read[i].birth, written[i].birth);
    EXPECT_EQ(read[i].start, written[i].start);
    EXPECT_EQ(read[i].end, written[i].end);
    EXPECT_EQ(read[i].state, written[i].state);
    EXPECT_EQ(read[i].ending, written[i].ending);
    EXPECT_EQ(read[i].exit_state, written[i].exit_state);
    EXPECT_EQ(read[i].school_change, written[i].school_change);
    EXPECT_EQ(read[i].sex, written[i].sex);
    EXPECT_EQ(read[i].line, i + 2);
  }
}

TEST(GenericEpisodeWriter, ReadingBackTheSmallFixtureGivesTheSameEpisodes) {
  EpisodeData original =
      read_generic_episodes(data_dir() / "episodes" / "generic_small.csv", Strictness::strict, day("2024-12-31"));
  ScratchFolder scratch;
  auto file = scratch.path() / "round_trip.csv";
  write_generic_episodes(file, original);
  EpisodeData again = read_generic_episodes(file, Strictness::strict, day("2024-12-31"));
  expect_same_episodes(again.episodes, original.episodes);
}

TEST(GenericEpisodeWriter, ReadingBackAwkwardTextGivesTheSameEpisodes) {
  std::vector<Episode> episodes = {
      episode("a,b", "2020-01-01", "2020-02-01", "foster", EpisodeEnding::planned_move),
      episode("a,b", "2020-02-01", "2020-03-01", "residential", EpisodeEnding::breakdown_carer),
      episode("a,b", "2020-03-01", "", "foster", EpisodeEnding::ongoing),
      episode("say \"hi\"", "2020-01-01", "2020-02-01", "foster", EpisodeEnding::breakdown_other),
      episode("say \"hi\"", "2020-02-01", "2020-05-01", "kinship_2", EpisodeEnding::exit, "aged_out"),
      episode("#7", "2021-01-01", "", "foster", EpisodeEnding::ongoing),
      episode(" padded\t", "2021-01-01", "", "_x", EpisodeEnding::ongoing),
  };
  episodes[0].school_change = true;
  episodes[1].school_change = false;
  episodes[3].sex = "f, as recorded";
  episodes[5].sex = "#";
  ScratchFolder scratch;
  auto file = scratch.path() / "awkward.csv";
  write_generic_episodes(file, std::span<const Episode>(episodes));
  EpisodeData again = read_generic_episodes(file, Strictness::strict);
  expect_same_episodes(again.episodes, episodes);
}

TEST(GenericEpisodeWriter, WritesTheDocumentedColumnsAndText) {
  std::vector<Episode> episodes = {
      episode("C1", "2020-01-01", "2020-02-01", "foster", EpisodeEnding::breakdown_other),
      episode("C1", "2020-02-01", "2020-03-01", "foster", EpisodeEnding::exit, "returned_home"),
      episode("C2", "2021-05-06", "", "residential", EpisodeEnding::ongoing),
  };
  episodes[0].school_change = true;
  episodes[0].sex = "f";
  std::ostringstream out;
  write_generic_episodes(out, episodes);
  EXPECT_EQ(out.str(),
            "child_id,birth_date,start,end,state,reason,school_change,sex\n"
            "C1,2012-03-04,2020-01-01,2020-02-01,foster,breakdown_other,1,f\n"
            "C1,2012-03-04,2020-02-01,2020-03-01,foster,returned_home,,\n"
            "C2,2012-03-04,2021-05-06,,residential,,,\n");
}

TEST(GenericEpisodeWriter, WritesOnlyTheHeaderForNoEpisodes) {
  std::ostringstream out;
  write_generic_episodes(out, std::span<const Episode>());
  EXPECT_EQ(out.str(), "child_id,birth_date,start,end,state,reason,school_change,sex\n");
}

TEST(GenericEpisodeWriter, RefusesEpisodesTheReaderCouldNotReadBack) {
  auto refused = [](Episode e) {
    std::ostringstream out;
    std::vector<Episode> one = {e};
    try {
      write_generic_episodes(out, one);
    } catch (const std::invalid_argument& error) {
      return std::string(error.what());
    }
    return std::string();
  };
  EXPECT_NE(refused(episode("C1", "2020-01-01", "2020-02-01", "foster", EpisodeEnding::exit)).find("exit state ''"),
            std::string::npos);
  EXPECT_NE(refused(episode("C1", "2020-01-01", "2020-02-01", "foster", EpisodeEnding::exit, "moved")).find("'moved'"),
            std::string::npos);
  EXPECT_NE(refused(episode("C1", "2020-01-01", "", "Foster", EpisodeEnding::ongoing)).find("state 'Foster'"),
            std::string::npos);
  EXPECT_NE(refused(episode("C1", "2020-01-01", "", "foster", EpisodeEnding::planned_move)).find("end date"),
            std::string::npos);
  EXPECT_NE(refused(episode("C1", "2020-01-01", "2020-02-01", "foster", EpisodeEnding::ongoing)).find("end date"),
            std::string::npos);
  EXPECT_NE(refused(episode("C\n1", "2020-01-01", "", "foster", EpisodeEnding::ongoing)).find("line break"),
            std::string::npos);
  EXPECT_NE(refused(episode("", "2020-01-01", "", "foster", EpisodeEnding::ongoing)).find("child id is empty"),
            std::string::npos);
  EXPECT_EQ(refused(episode("C1", "2020-01-01", "", "foster", EpisodeEnding::ongoing)), "");
}

TEST(GenericEpisodeWriter, AFileThatCannotBeWrittenIsAnError) {
  ScratchFolder scratch;
  EXPECT_THROW(write_generic_episodes(scratch.path() / "no_such_folder" / "e.csv", EpisodeData{}),
               std::runtime_error);
}

}  // namespace
}  // namespace carecast::models::calibration
