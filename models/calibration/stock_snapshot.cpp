#include "models/calibration/stock_snapshot.hpp"

#include <fmt/format.h>

#include "models/calibration/text_file_writer.hpp"

namespace carecast::models::calibration {

namespace {

using Days = std::chrono::sys_days;

bool is_breakdown(EpisodeEnding ending) {
  return ending == EpisodeEnding::breakdown_carer || ending == EpisodeEnding::breakdown_other;
}

/// Whole years between birth and `date`.
int age_on(engine::Date birth, engine::Date date) {
  int years = static_cast<int>(date.year()) - static_cast<int>(birth.year());
  if (std::chrono::month_day{date.month(), date.day()} < std::chrono::month_day{birth.month(), birth.day()}) --years;
  return years;
}

bool open_on(const Episode& episode, Days date) {
  return Days{episode.start} <= date && (!episode.end || Days{*episode.end} > date);
}

/// The row of the child whose episodes are [first, open], `open` being the one open on `date`.
SnapshotRow row_for(const std::vector<Episode>& episodes, std::size_t first, std::size_t open, engine::Date date) {
  std::size_t spell = open;  // back to the start of the spell: the previous episode ended in an exit
  while (spell > first && episodes[spell - 1].ending != EpisodeEnding::exit) --spell;
  SnapshotRow row;
  const Episode& current = episodes[open];
  row.line = static_cast<int>(current.line);
  row.age = age_on(current.birth, date);
  row.state = current.state;
  row.days_in_state = static_cast<double>((Days{date} - Days{current.start}).count());
  row.days_in_care = static_cast<double>((Days{date} - Days{episodes[spell].start}).count());
  row.placements = static_cast<int>(open - spell + 1);
  for (std::size_t e = spell; e <= open; ++e) {
    if (e < open && is_breakdown(episodes[e].ending)) ++row.breakdowns;
    if (episodes[e].school_change.value_or(false)) ++row.school_changes;
  }
  return row;
}

}  // namespace

SnapshotTable stock_snapshot(const EpisodeData& data, engine::Date date) {
  SnapshotTable table;
  const std::vector<Episode>& episodes = data.episodes;
  for (std::size_t first = 0; first < episodes.size();) {
    std::size_t last = first;
    while (last < episodes.size() && episodes[last].child == episodes[first].child) ++last;
    for (std::size_t e = first; e < last; ++e)
      if (open_on(episodes[e], Days{date})) table.rows.push_back(row_for(episodes, first, e, date));
    first = last;
  }
  return table;
}

void write_snapshot_csv(const SnapshotTable& table, const std::filesystem::path& file) {
  std::string text = "age,state,days_in_state,days_in_care,placements,breakdowns,school_changes\n";
  for (const SnapshotRow& row : table.rows)
    text += fmt::format("{},{},{},{},{},{},{}\n", row.age, row.state, row.days_in_state, row.days_in_care,
                        row.placements, row.breakdowns, row.school_changes);
  write_text_file(file, text);
}

}  // namespace carecast::models::calibration
