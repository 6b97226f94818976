#include "models/calibration/generic_episode_writer.hpp"

#include <stdexcept>
#include <string>
#include <string_view>

#include "models/calibration/generic_episode_reader.hpp"
#include "models/calibration/text_file_writer.hpp"

namespace carecast::models::calibration {

namespace {

constexpr std::string_view header = "child_id,birth_date,start,end,state,reason,school_change,sex\n";
constexpr std::size_t flush_at = 1 << 20;  // bytes of rows gathered before they are written

[[noreturn]] void refuse(const Episode& episode, const std::string& problem) {
  throw std::invalid_argument("cannot write the episode of child '" + episode.child +
                              "' as generic CSV: " + problem);
}

bool is_reason_word(std::string_view name) {
  return name == generic_reason::moved || name == generic_reason::breakdown_carer ||
         name == generic_reason::breakdown_other || name == generic_reason::breakdown;
}

void require_readable_back(const Episode& episode) {
  if (episode.child.empty()) refuse(episode, "the child id is empty");
  for (const std::string* text : {&episode.child, &episode.sex})
    if (text->find_first_of("\r\n") != std::string::npos) refuse(episode, "a field holds a line break");
  if (!is_state_identifier(episode.state)) refuse(episode, "the state '" + episode.state + "' is not an identifier");
  if (episode.end.has_value() == (episode.ending == EpisodeEnding::ongoing))
    refuse(episode, "an episode has an end date exactly when its ending is not 'ongoing'");
  if (episode.ending == EpisodeEnding::exit &&
      (!is_state_identifier(episode.exit_state) || is_reason_word(episode.exit_state)))
    refuse(episode, "the exit state '" + episode.exit_state + "' is not an exit state name");
}

bool needs_quotes(std::string_view field) {
  if (field.empty()) return false;
  return field.find_first_of(",\"") != std::string_view::npos || field.front() == '#' ||
         field.front() == ' ' || field.front() == '\t' || field.back() == ' ' || field.back() == '\t';
}

void append_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string_view reason_of(const Episode& episode) {
  switch (episode.ending) {
    case EpisodeEnding::ongoing: return {};
    case EpisodeEnding::exit: return episode.exit_state;
    case EpisodeEnding::planned_move: return generic_reason::moved;
    case EpisodeEnding::breakdown_carer: return generic_reason::breakdown_carer;
    case EpisodeEnding::breakdown_other: return generic_reason::breakdown_other;
  }
  return {};
}

void append_row(std::string& out, const Episode& episode) {
  append_field(out, episode.child);
  out += ',';
  out += engine::format_iso_date(episode.birth);
  out += ',';
  out += engine::format_iso_date(episode.start);
  out += ',';
  if (episode.end) out += engine::format_iso_date(*episode.end);
  out += ',';
  out += episode.state;
  out += ',';
  out += reason_of(episode);
  out += ',';
  if (episode.school_change) out += *episode.school_change ? '1' : '0';
  out += ',';
  append_field(out, episode.sex);
  out += '\n';
}

/// The header and rows, handed to `write` a megabyte or so at a time.
template <class Write>
void write_in_pieces(std::span<const Episode> episodes, Write&& write) {
  std::string buffer(header);
  for (const Episode& episode : episodes) {
    require_readable_back(episode);
    append_row(buffer, episode);
    if (buffer.size() >= flush_at) {
      write(buffer);
      buffer.clear();
    }
  }
  write(buffer);
}

}  // namespace

void write_generic_episodes(std::ostream& out, std::span<const Episode> episodes) {
  write_in_pieces(episodes, [&](const std::string& piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  });
}

void write_generic_episodes(const std::filesystem::path& file, std::span<const Episode> episodes) {
  TextFileWriter writer(file);
  write_in_pieces(episodes, [&](const std::string& piece) { writer.write(piece); });
  writer.close();
}

void write_generic_episodes(const std::filesystem::path& file, const EpisodeData& data) {
  write_generic_episodes(file, std::span<const Episode>(data.episodes));
}

}  // namespace carecast::models::calibration
