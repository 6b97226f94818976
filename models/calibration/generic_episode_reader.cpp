#include "models/calibration/generic_episode_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/calibration/episode_checks.hpp"
#include "models/calibration/row_problems.hpp"
#include "models/config/did_you_mean.hpp"
#include "models/scenario/csv_table.hpp"

namespace carecast::models::calibration {

namespace {

namespace fs = std::filesystem;

constexpr std::array<const char*, 8> column_names = {"child_id", "birth_date", "start",         "end",
                                                     "state",    "reason",     "school_change", "sex"};
constexpr std::size_t required_columns = 6;

/// Problems found while reading a row (the checks of whole children are in episode_checks).
namespace row_problem {
constexpr std::string_view no_child = "a row has no child_id";
constexpr std::string_view bad_date = "a date cannot be read";
constexpr std::string_view bad_state = "a state name is not an identifier";
constexpr std::string_view bad_reason = "a reason is not valid";
constexpr std::string_view reason_without_end = "an ongoing episode (end empty) has a reason";
constexpr std::string_view end_without_reason = "an episode with an end has no reason";
constexpr std::string_view bad_school_change = "school_change is not 0, 1 or empty";
}  // namespace row_problem

using Reader = CsvReader<8>;

/// One row as text, pointing into the reader's buffer until the next row is read.
struct RowText {
  char* child = nullptr;
  char* birth = nullptr;
  char* start = nullptr;
  char* end = nullptr;
  char* state = nullptr;
  char* reason = nullptr;
  char* school_change = nullptr;  // stays null when the column is absent
  char* sex = nullptr;
};

constexpr std::string_view expected_columns =
    "expected the columns child_id, birth_date, start, end, state, reason and optionally school_change, sex";

[[noreturn]] void reject_unknown_column(const io::error::extra_column_in_header& error, const fs::path& file,
                                        int line) {
  std::string name = error.column_name;
  std::string problem = "unknown column '" + name + "'";
  std::vector<std::string> known(column_names.begin(), column_names.end());
  if (auto near = closest_column_name(name, known)) problem += "; did you mean '" + *near + "'?";
  else problem += fmt::format("; {}", expected_columns);
  refuse_header(file, line, problem);
}

/// Reads the header; returns whether it has the optional school_change column.
bool read_header(Reader& in, const fs::path& file) {
  try {
    in.read_header(io::ignore_missing_column, column_names[0], column_names[1], column_names[2],
                   column_names[3], column_names[4], column_names[5], column_names[6], column_names[7]);
  } catch (const io::error::extra_column_in_header& error) {
    reject_unknown_column(error, file, static_cast<int>(in.get_file_line()));
  }
  for (std::size_t c = 0; c < required_columns; ++c)
    if (!in.has_column(column_names[c]))
      refuse_header(file, static_cast<int>(in.get_file_line()),
                    fmt::format("the episode file needs a column '{}'; {}", column_names[c], expected_columns));
  return in.has_column("school_change");
}

/// Reads the text of one row into an Episode, or reports why it cannot.
class RowReader {
 public:
  explicit RowReader(ProblemLog& log) : problems_(log) {}

  std::optional<Episode> read(const RowText& text, std::size_t line) {
    problems_.start_row(line, text.child);
    std::string_view child = problems_.child();
    if (child.empty()) return fail(row_problem::no_child, "the child_id is empty; expected an id");
    if (problems_.child_dropped()) return std::nullopt;
    Episode episode;
    episode.line = line;
    if (!read_birth(text.birth, episode.birth) || !read_date("start", text.start, episode.start) ||
        !read_end(text.end, episode.end) || !read_state(text.state, episode.state) ||
        !read_reason(text.reason, episode) || !read_school_change(text.school_change, episode))
      return std::nullopt;
    episode.child.assign(child);
    if (text.sex != nullptr) episode.sex = text.sex;
    return episode;
  }

 private:
  std::nullopt_t fail(std::string_view kind, std::string detail) { return problems_.fail(kind, std::move(detail)); }
  bool failed(std::string_view kind, std::string detail) { return problems_.failed(kind, std::move(detail)); }

  bool read_date(const char* column, std::string_view text, engine::Date& date) {
    auto parsed = engine::parse_iso_date(text);
    if (!parsed)
      return failed(row_problem::bad_date,
                    fmt::format("{} '{}' is not a date; expected YYYY-MM-DD", column, text));
    date = *parsed;
    return true;
  }

  bool read_birth(std::string_view text, engine::Date& birth) {
    if (text.size() == 7) {
      char full[11];
      std::copy(text.begin(), text.end(), full);
      std::copy_n("-01", 3, full + 7);
      if (auto parsed = engine::parse_iso_date({full, 10})) {
        birth = *parsed;
        return true;
      }
    }
    auto parsed = engine::parse_iso_date(text);
    if (!parsed)
      return failed(row_problem::bad_date, fmt::format("birth_date '{}' is not a date; expected "
                                                       "YYYY-MM-DD or YYYY-MM", text));
    birth = *parsed;
    return true;
  }

  bool read_end(std::string_view text, std::optional<engine::Date>& end) {
    if (text.empty()) return true;
    engine::Date date;
    if (!read_date("end", text, date)) return false;
    end = date;
    return true;
  }

  bool read_state(std::string_view text, std::string& state) {
    if (!is_state_identifier(text))
      return failed(row_problem::bad_state,
                    fmt::format("state '{}' is not a state name; expected lower-case letters, digits "
                                "and _, not starting with a digit",
                                text));
    state.assign(text);
    return true;
  }

  bool read_reason(std::string_view text, Episode& episode) {
    if (!episode.end) {
      if (text.empty()) return true;
      return failed(row_problem::reason_without_end,
                    fmt::format("reason '{}' is given but end is empty; expected an empty reason "
                                "while the episode is ongoing, or an end date",
                                text));
    }
    if (text.empty())
      return failed(row_problem::end_without_reason,
                    "the episode ends but has no reason; expected moved, breakdown_carer, "
                    "breakdown_other, breakdown or the name of an exit state");
    if (text == generic_reason::moved) episode.ending = EpisodeEnding::planned_move;
    else if (text == generic_reason::breakdown_carer) episode.ending = EpisodeEnding::breakdown_carer;
    else if (text == generic_reason::breakdown_other || text == generic_reason::breakdown)
      episode.ending = EpisodeEnding::breakdown_other;
    else if (is_state_identifier(text)) {
      episode.ending = EpisodeEnding::exit;
      episode.exit_state.assign(text);
    } else
      return failed(row_problem::bad_reason,
                    fmt::format("reason '{}' is not valid; expected moved, breakdown_carer, "
                                "breakdown_other, breakdown or the name of an exit state",
                                text));
    return true;
  }

  bool read_school_change(const char* text, Episode& episode) {
    std::string_view value = text == nullptr ? std::string_view() : text;
    if (value.empty()) return true;
    if (value == "0" || value == "1") {
      episode.school_change = value == "1";
      return true;
    }
    return failed(row_problem::bad_school_change,
                  fmt::format("school_change '{}' is not valid; expected 0, 1 or empty", value));
  }

  RowProblems problems_;
};

/// The rows of the file, and whether it has a school_change column.
struct Rows {
  std::vector<Episode> episodes;
  bool school_change_column = false;
};

Rows read_rows(const fs::path& file, ProblemLog& log) {
  Rows rows;
  std::vector<Episode>& episodes = rows.episodes;
  std::error_code ignored;
  if (auto size = fs::file_size(file, ignored); !ignored) episodes.reserve(size / 64);
  try {
    Reader in(file);
    rows.school_change_column = read_header(in, file);
    RowReader reader(log);
    RowText text;
    while (true) {
      text.school_change = text.sex = nullptr;
      if (!in.read_row(text.child, text.birth, text.start, text.end, text.state, text.reason,
                       text.school_change, text.sex))
        break;
      if (auto episode = reader.read(text, in.get_file_line())) episodes.push_back(std::move(*episode));
    }
  } catch (const io::error::base& error) {
    rethrow_csv_error(error, file);
  }
  return rows;
}

/// A reason names the exit state a child leaves to, so it cannot also be a state children are
/// in: the records would contradict themselves (and calibration would make a state both). An
/// error in either mode, like a fault in the file's structure: it is not one child's problem.
void refuse_exits_into_states_in_care(const EpisodeData& data) {
  std::unordered_map<std::string_view, const Episode*> first_in;  // state -> first episode in it
  for (const Episode& episode : data.episodes) first_in.emplace(episode.state, &episode);
  for (const Episode& episode : data.episodes) {
    if (episode.ending != EpisodeEnding::exit) continue;
    auto in = first_in.find(episode.exit_state);
    if (in == first_in.end()) continue;
    throw InputError(SourceLocation{data.file.string(), static_cast<int>(episode.line), 0}, "",
                     fmt::format("child {}: the reason '{}' names a state children are in (line {}, child {}); "
                                 "expected moved, a breakdown, or the exit state the child left to",
                                 episode.child, episode.exit_state, in->second->line, in->second->child));
  }
}

}  // namespace

bool is_state_identifier(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

EpisodeData read_generic_episodes(const std::filesystem::path& file, Strictness strictness,
                                  std::optional<engine::Date> observed_until) {
  ProblemLog log(file, strictness);
  Rows rows = read_rows(file, log);
  constexpr std::string_view expected =
      "at least one row after the header (child_id, birth_date, start, end, state, reason)";
  require_episodes(rows.episodes, file, expected, log);
  EpisodeData data;
  data.file = file;
  data.has_school_change_column = rows.school_change_column;
  data.observed_until = observed_until.value_or(latest_date(rows.episodes));
  data.episodes = keep_sound_children(group_by_child(std::move(rows.episodes)), data.observed_until, log);
  require_episodes(data.episodes, file, expected, log);
  data.warnings = log.warnings();
  refuse_exits_into_states_in_care(data);
  return data;
}

}  // namespace carecast::models::calibration
