#include "models/calibration/ssda903_reader.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/calibration/episode_checks.hpp"
#include "models/calibration/row_problems.hpp"
#include "models/scenario/csv_table.hpp"

namespace carecast::models::calibration {

namespace {

namespace fs = std::filesystem;

/// Problems found while reading rows (the checks of whole children are in episode_checks).
namespace row_problem {
constexpr std::string_view no_child = "a row has no CHILD";
constexpr std::string_view bad_date = "a date cannot be read";
constexpr std::string_view unknown_legal_status = "an unknown LS code";
constexpr std::string_view unknown_rne = "an unknown RNE code";
constexpr std::string_view unknown_place = "an unknown PLACE code";
constexpr std::string_view unknown_rec = "an unknown REC code";
constexpr std::string_view unknown_place_change = "an unknown REASON_PLACE_CHANGE code";
constexpr std::string_view dec_rec_disagree = "DEC and REC are not both given or both empty";
constexpr std::string_view not_in_header = "the child is missing from the header file";
constexpr std::string_view two_births_in_header = "the child has two different DOBs in the header file";
constexpr std::string_view lonely_temporary =
    "a temporary placement (T0-T4) has no placement before or after it";
constexpr std::string_view unrecorded_change = "a change of placement has no REASON_PLACE_CHANGE";
}  // namespace row_problem

constexpr std::string_view reasons_for_new_episode = "SLPTUB";  // DfE code set for RNE
constexpr std::string_view same_placement_reasons = "LTU";       // legal status only, or same carers

/// dd/mm/yyyy, or YYYY-MM-DD.
std::optional<engine::Date> parse_date(std::string_view text) {
  if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    char iso[10] = {text[6], text[7], text[8], text[9], '-', text[3], text[4], '-', text[0], text[1]};
    return engine::parse_iso_date({iso, 10});
  }
  return engine::parse_iso_date(text);
}

std::string describe_sex(std::string_view code) {
  if (code == "1") return "male";
  if (code == "2") return "female";
  return std::string(code);
}

template <class Map>
std::string codes_of(const Map& map) {
  std::string codes;
  for (const auto& [code, _] : map) codes += (codes.empty() ? "" : ", ") + code;
  return codes;
}

struct HeaderRow {
  engine::Date birth{};
  std::string sex;
};
using HeaderTable = std::unordered_map<std::string, HeaderRow, TextHash, std::equal_to<>>;

template <unsigned Columns>
void require_columns(const CsvReader<Columns>& in, const fs::path& file,
                     std::initializer_list<const char*> needed) {
  for (const char* column : needed)
    if (!in.has_column(column))
      refuse_header(file, static_cast<int>(in.get_file_line()),
                    fmt::format("the SSDA903 file needs a column '{}'", column));
}

HeaderTable read_header_file(const fs::path& file, ProblemLog& log) {
  HeaderTable table;
  try {
    CsvReader<3> in(file);
    in.read_header(io::ignore_extra_column | io::ignore_missing_column, "CHILD", "SEX", "DOB");
    require_columns(in, file, {"CHILD", "DOB"});
    char *child = nullptr, *sex = nullptr, *dob = nullptr;
    while ((sex = nullptr, in.read_row(child, sex, dob))) {
      std::size_t line = in.get_file_line();
      auto report = [&](std::string_view kind, std::string detail) {
        log.report(file, EpisodeProblem{kind, std::move(detail), line}, child);
      };
      auto birth = parse_date(dob);
      if (*child == '\0') report(row_problem::no_child, "CHILD is empty; expected an id");
      else if (!birth) report(row_problem::bad_date, fmt::format("DOB '{}' is not a date; expected dd/mm/yyyy", dob));
      else if (auto [row, added] = table.try_emplace(child, HeaderRow{*birth, describe_sex(sex ? sex : "")});
               !added && row->second.birth != *birth)
        report(row_problem::two_births_in_header,
               fmt::format("DOB '{}' differs from the child's earlier row; expected one DOB per child", dob));
    }
  } catch (const io::error::base& error) {
    rethrow_csv_error(error, file);
  }
  return table;
}

/// One row of the episodes file as text, pointing into the reader's buffer.
struct RowText {
  char* child = nullptr;
  char* decom = nullptr;
  char* rne = nullptr;
  char* legal_status = nullptr;
  char* place = nullptr;
  char* dec = nullptr;
  char* rec = nullptr;
  char* place_change = nullptr;  // stays null when the column is absent
};

/// What the conversion needs to know about a row beyond its Episode.
struct RowFacts {
  char rne = 'S';
  bool temporary = false;
  bool continues = false;                      // ended X1
  std::optional<EpisodeEnding> place_change;  // the mapped REASON_PLACE_CHANGE, if recorded
};

/// Reads one row of the episodes file into an Episode (one per row), or reports why it cannot.
/// Rows under an excluded legal status give nothing and are no problem.
class EpisodeRowReader {
 public:
  EpisodeRowReader(const Ssda903Mapping& mapping, const HeaderTable& header, const fs::path& header_file,
                   ProblemLog& log)
      : mapping_(mapping), header_(header), header_file_(header_file), problems_(log) {}

  std::optional<Episode> read(const RowText& text, std::size_t line, RowFacts& facts) {
    problems_.start_row(line, text.child);
    std::string_view child = problems_.child();
    facts = RowFacts{};
    if (child.empty()) return fail(row_problem::no_child, "CHILD is empty; expected an id");
    if (problems_.child_dropped()) return std::nullopt;
    auto status = mapping_.legal_status.find(std::string_view(text.legal_status));
    if (status == mapping_.legal_status.end())
      return fail(row_problem::unknown_legal_status, unknown_code("LS", text.legal_status, mapping_.legal_status));
    if (!status->second) return std::nullopt;
    auto header = header_.find(child);
    if (header == header_.end())
      return fail(row_problem::not_in_header,
                  fmt::format("the child is not in the header file {}; expected a row with CHILD {} there",
                              header_file_.filename().string(), child));
    Episode episode;
    episode.line = line;
    if (!read_dates(text, episode) || !read_rne(text.rne, facts) || !read_place(text.place, episode, facts) ||
        !read_rec(text.rec, episode, facts) || !read_place_change(text.place_change, facts))
      return std::nullopt;
    episode.child.assign(child);
    episode.birth = header->second.birth;
    episode.sex = header->second.sex;
    return episode;
  }

 private:
  std::nullopt_t fail(std::string_view kind, std::string detail) { return problems_.fail(kind, std::move(detail)); }
  bool failed(std::string_view kind, std::string detail) { return problems_.failed(kind, std::move(detail)); }

  template <class Map>
  std::string unknown_code(const char* column, std::string_view code, const Map& known) const {
    return fmt::format("{} '{}' is not a code of the mapping {}; expected one of {}", column, code,
                       mapping_.file.filename().string(), codes_of(known));
  }

  bool read_dates(const RowText& text, Episode& episode) {
    auto start = parse_date(text.decom);
    if (!start) return failed(row_problem::bad_date, fmt::format("DECOM '{}' is not a date; expected dd/mm/yyyy", text.decom));
    episode.start = *start;
    if (*text.dec == '\0') return true;
    auto end = parse_date(text.dec);
    if (!end) return failed(row_problem::bad_date, fmt::format("DEC '{}' is not a date; expected dd/mm/yyyy", text.dec));
    episode.end = *end;
    return true;
  }

  bool read_rne(std::string_view code, RowFacts& facts) {
    if (code.size() != 1 || reasons_for_new_episode.find(code[0]) == std::string_view::npos)
      return failed(row_problem::unknown_rne,
                    fmt::format("RNE '{}' is not a reason for a new episode; expected S, L, P, T, U or B", code));
    facts.rne = code[0];
    return true;
  }

  bool read_place(std::string_view code, Episode& episode, RowFacts& facts) {
    auto place = mapping_.place.find(code);
    if (place == mapping_.place.end())
      return failed(row_problem::unknown_place, unknown_code("PLACE", code, mapping_.place));
    facts.temporary = place->second.temporary;
    episode.state = place->second.state;
    return true;
  }

  bool read_rec(std::string_view code, Episode& episode, RowFacts& facts) {
    if (code.empty() != !episode.end.has_value())
      return failed(row_problem::dec_rec_disagree,
                    code.empty() ? "DEC is given but REC is empty; expected a reason the episode ceased"
                                 : fmt::format("REC '{}' is given but DEC is empty; expected both or neither", code));
    if (code.empty()) return true;
    auto reason = mapping_.reason_ceased.find(code);
    if (reason == mapping_.reason_ceased.end())
      return failed(row_problem::unknown_rec, unknown_code("REC", code, mapping_.reason_ceased));
    facts.continues = !reason->second.has_value();
    episode.ending = facts.continues ? EpisodeEnding::planned_move : EpisodeEnding::exit;
    if (reason->second) episode.exit_state = *reason->second;
    return true;
  }

  bool read_place_change(const char* text, RowFacts& facts) {
    std::string_view code = text == nullptr ? std::string_view() : text;
    if (code.empty()) return true;
    auto change = mapping_.reason_place_change.find(code);
    if (change == mapping_.reason_place_change.end())
      return failed(row_problem::unknown_place_change,
                    unknown_code("REASON_PLACE_CHANGE", code, mapping_.reason_place_change));
    facts.place_change = change->second;
    return true;
  }

  const Ssda903Mapping& mapping_;
  const HeaderTable& header_;
  const fs::path& header_file_;
  RowProblems problems_;
};

struct EpisodeRows {
  std::vector<Episode> episodes;
  std::vector<RowFacts> facts;  // parallel to episodes
};

EpisodeRows read_episode_rows(const fs::path& file, EpisodeRowReader& reader) {
  EpisodeRows rows;
  try {
    CsvReader<8> in(file);
    in.read_header(io::ignore_extra_column | io::ignore_missing_column, "CHILD", "DECOM", "RNE", "LS",
                   "PLACE", "DEC", "REC", "REASON_PLACE_CHANGE");
    require_columns(in, file, {"CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"});
    RowText text;
    RowFacts facts;
    while ((text.place_change = nullptr, in.read_row(text.child, text.decom, text.rne, text.legal_status,
                                                     text.place, text.dec, text.rec, text.place_change))) {
      if (auto episode = reader.read(text, in.get_file_line(), facts)) {
        rows.episodes.push_back(std::move(*episode));
        rows.facts.push_back(facts);
      }
    }
  } catch (const io::error::base& error) {
    rethrow_csv_error(error, file);
  }
  return rows;
}

/// Gives each temporary row the state of the placement before it, or else after it.
bool resolve_temporaries(std::span<Episode> rows, const std::vector<RowFacts>& facts, ProblemLog& log) {
  const std::size_t n = rows.size();
  for (std::size_t i = 1; i < n; ++i)
    if (facts[i].temporary && facts[i - 1].continues && rows[i - 1].end == rows[i].start)
      rows[i].state = rows[i - 1].state;
  for (std::size_t i = n - 1; i-- > 0;)
    if (rows[i].state.empty() && facts[i].continues && rows[i].end == rows[i + 1].start)
      rows[i].state = rows[i + 1].state;
  for (const Episode& row : rows)
    if (row.state.empty()) {
      log.report(EpisodeProblem{row_problem::lonely_temporary,
                                "a temporary placement starts and ends with no placement joined to it; "
                                "expected an X1 move from or to another placement on the same day",
                                row.line},
                 row.child);
      return false;
    }
  return true;
}

bool same_placement(const Episode& row, const Episode& current, const RowFacts& before, const RowFacts& facts) {
  return row.state == current.state &&
         (same_placement_reasons.find(facts.rne) != std::string_view::npos || facts.temporary || before.temporary);
}

/// Joins a child's checked rows into episodes and appends them to `out`; false (after reporting)
/// if a change of placement has no reason and the mapping gives none for that case.
bool merge_rows(std::span<Episode> rows, const std::vector<RowFacts>& facts,
                const Ssda903Mapping& mapping, ProblemLog& log, std::vector<Episode>& out) {
  const std::size_t first = out.size();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0 && facts[i - 1].continues) {
      Episode& current = out.back();
      if (same_placement(rows[i], current, facts[i - 1], facts[i])) {
        current.end = rows[i].end;
        current.ending = rows[i].ending;
        current.exit_state = std::move(rows[i].exit_state);
        continue;
      }
      auto change = facts[i - 1].place_change ? facts[i - 1].place_change : mapping.unrecorded_place_change;
      if (!change) {
        log.report(EpisodeProblem{row_problem::unrecorded_change,
                                  fmt::format("the episode ends X1 and the next one (line {}) is another "
                                              "placement, but REASON_PLACE_CHANGE is empty; expected a "
                                              "code, or 'unrecorded_place_change' in the mapping",
                                              rows[i].line),
                                  rows[i - 1].line},
                   rows[i].child);
        out.resize(first);
        return false;
      }
      current.ending = *change;
    }
    out.push_back(std::move(rows[i]));
  }
  return true;
}

std::vector<Episode> convert_children(ChildGroups groups, const std::vector<RowFacts>& all_facts,
                                      const Ssda903Mapping& mapping, engine::Date observed_until,
                                      ProblemLog& log) {
  std::vector<Episode> episodes;
  episodes.reserve(groups.episodes.size());
  std::vector<RowFacts> facts;
  for (std::size_t k = 0; k < groups.children(); ++k) {
    std::span<Episode> rows = groups.child(k);
    if (log.dropped(rows.front().child)) continue;
    facts.clear();
    for (std::size_t i = groups.begin[k]; i < groups.begin[k + 1]; ++i) facts.push_back(all_facts[groups.source[i]]);
    if (!resolve_temporaries(rows, facts, log)) continue;
    if (auto problem = first_problem(rows, observed_until)) {
      log.report(*problem, rows.front().child);
      continue;
    }
    merge_rows(rows, facts, mapping, log, episodes);
  }
  return episodes;
}

}  // namespace

EpisodeData read_ssda903(const std::filesystem::path& episodes_csv, const std::filesystem::path& header_csv,
                         const Ssda903Mapping& mapping, Strictness strictness,
                         std::optional<engine::Date> observed_until) {
  ProblemLog log(episodes_csv, strictness);
  HeaderTable header = read_header_file(header_csv, log);
  EpisodeRowReader reader(mapping, header, header_csv, log);
  EpisodeRows rows = read_episode_rows(episodes_csv, reader);
  constexpr std::string_view expected =
      "at least one row after the header (CHILD, DECOM, RNE, LS, PLACE, DEC, REC) under a legal status the "
      "mapping includes";
  require_episodes(rows.episodes, episodes_csv, expected, log);
  EpisodeData data;
  data.file = episodes_csv;
  data.observed_until = observed_until.value_or(latest_date(rows.episodes));
  data.episodes = convert_children(group_by_child(std::move(rows.episodes)), rows.facts, mapping,
                                   data.observed_until, log);
  require_episodes(data.episodes, episodes_csv, expected, log);
  data.warnings = log.warnings();
  return data;
}

}  // namespace carecast::models::calibration
