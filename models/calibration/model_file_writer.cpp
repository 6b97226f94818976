#include "models/calibration/model_file_writer.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "models/calibration/text_file_writer.hpp"
#include "models/calibration/yaml_float.hpp"

namespace carecast::models::calibration {

namespace {

using YAML::Emitter;

constexpr int significant_digits = 6;
constexpr long micro = 1000000;

// ---- numbers, ranges and shares ----

/// Every floating-point number of the file goes through here: 6 significant digits, written so
/// that YAML 1.1 readers read a number too (yaml_float.hpp).
std::string number(double value) { return yaml_float(value, significant_digits); }

void emit_pair(Emitter& out, double lower, double upper) {
  out << YAML::Flow << YAML::BeginSeq << number(lower) << number(upper) << YAML::EndSeq;
}

void emit_date_or_open(Emitter& out, const std::optional<engine::Date>& date) {
  if (date)
    out << engine::format_iso_date(*date);
  else
    out << YAML::Null;
}

/// Shares rounded to millionths, the largest adjusted so that they add up to exactly 1.
std::vector<long> micro_shares(const std::vector<double>& shares) {
  std::vector<long> rounded;
  for (double s : shares) rounded.push_back(std::lround(s * static_cast<double>(micro)));
  if (rounded.empty()) return rounded;
  long sum = std::accumulate(rounded.begin(), rounded.end(), 0L);
  auto largest = std::max_element(rounded.begin(), rounded.end());
  if (sum > 0) *largest += micro - sum;
  return rounded;
}

std::string share_text(long millionths) {
  std::string text = fmt::format("{:.6f}", static_cast<double>(millionths) / static_cast<double>(micro));
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

// ---- band boxes ----

std::optional<engine::Date> period_lower(const CalibrationBands& bands, std::size_t period) {
  if (period == 0) return std::nullopt;
  return bands.period_breaks[period - 1];
}

std::optional<engine::Date> period_upper(const CalibrationBands& bands, std::size_t period) {
  if (period >= bands.period_breaks.size()) return std::nullopt;
  return bands.period_breaks[period];
}

void emit_period_range(Emitter& out, const CalibrationBands& bands, std::size_t first, std::size_t last) {
  out << YAML::Flow << YAML::BeginSeq;
  emit_date_or_open(out, period_lower(bands, first));
  emit_date_or_open(out, period_upper(bands, last));
  out << YAML::EndSeq;
}

/// The `age`, `duration` and `period` keys of a group; `all_axes` also writes single-band axes.
void emit_box_keys(Emitter& out, const CalibrationBands& bands, const CellGroup& g, bool all_axes) {
  if (all_axes || bands.ages() > 1) {
    out << YAML::Key << "age" << YAML::Value;
    emit_pair(out, bands.age_edges[g.first.age], bands.age_upper(g.last.age));
  }
  if (all_axes || bands.durations() > 1) {
    out << YAML::Key << "duration" << YAML::Value;
    emit_pair(out, bands.duration_edges[g.first.duration], bands.duration_upper(g.last.duration));
  }
  if (all_axes || bands.periods() > 1) {
    out << YAML::Key << "period" << YAML::Value;
    emit_period_range(out, bands, g.first.period, g.last.period);
  }
}

void emit_estimate_keys(Emitter& out, const RateEstimate& r, const char* value_key) {
  out << YAML::Key << value_key << YAML::Value << number(r.rate);
  out << YAML::Key << "se" << YAML::Value << number(r.se);
  out << YAML::Key << "ci95" << YAML::Value;
  emit_pair(out, r.lower, r.upper);
  out << YAML::Key << "events" << YAML::Value << r.events;
  out << YAML::Key << "exposure_years" << YAML::Value << number(r.exposure_years);
}

// ---- states and transitions ----

void emit_states(Emitter& out, const ExposureTable& table) {
  out << YAML::Key << "states" << YAML::Value << YAML::BeginSeq;
  for (std::size_t s = 0; s < table.states().size(); ++s)
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << table.states()[s] << YAML::Key
        << "kind" << YAML::Value << (table.is_exit(s) ? "exit" : "placement") << YAML::EndMap;
  out << YAML::EndSeq;
}

/// "pooled cells: duration [0.5, 2) 3.1 py, [2, inf) 0.4 py", or "no exposure ...", or "".
std::string row_comment(const ExposureTable& table, std::size_t state, const CellGroup& g) {
  if (!(g.exposure_years > 0.0)) return "no exposure: rate 0 is a placeholder";
  if (g.cells.size() < 2) return "";
  const CalibrationBands& bands = table.bands();
  bool along_age = bands.pool_along == PoolAlong::age;
  std::string text = fmt::format("pooled cells: {}", along_age ? "age" : "duration");
  for (std::size_t i = 0; i < g.cells.size(); ++i) {
    CellCoordinates at = bands.coordinates(g.cells[i]);
    text += fmt::format("{} {} {:.3g} py", i == 0 ? "" : ",",
                        along_age ? bands.describe_age(at.age) : bands.describe_duration(at.duration),
                        table.exposure_years(state, g.cells[i]));
  }
  return text;
}

void emit_hazard_row(Emitter& out, const ExposureTable& table, std::size_t state, const CellGroup& g,
                     const RateEstimate& r) {
  out << YAML::Flow << YAML::BeginMap;
  emit_box_keys(out, table.bands(), g, false);
  emit_estimate_keys(out, r, "rate");
  out << YAML::EndMap;
  std::string comment = row_comment(table, state, g);
  if (!comment.empty()) out << YAML::Comment(comment);
}

/// The carer-initiated share of a breakdown transition, over all its cells.
ProportionEstimate carer_share(const TransitionEstimates& t) {
  return estimate_proportion(t.carer_initiated, t.events);
}

void emit_breakdown_causes(Emitter& out, const TransitionEstimates& t) {
  long carer = micro_shares({carer_share(t).p, 1.0 - carer_share(t).p})[0];
  out << YAML::Key << "breakdown" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "carer_initiated"
      << YAML::Value << share_text(carer) << YAML::Key << "other" << YAML::Value << share_text(micro - carer)
      << YAML::EndMap;
}

/// True when a breakdown transition's rows hold base rates given the prior-breakdown factor.
bool has_base_rates(const CalibratedModel& model, std::size_t t) {
  const auto& factor = model.breakdown_factor;
  return factor && factor->estimable && factor->base_rates.count(t) > 0;
}

const std::vector<RateEstimate>& rates_of(const CalibratedModel& model, std::size_t t) {
  return has_base_rates(model, t) ? model.breakdown_factor->base_rates.at(t) : model.hazards.transitions()[t].by_group;
}

void emit_transition(Emitter& out, const CalibratedModel& model, std::size_t t) {
  const ExposureTable& table = model.exposure;
  const TransitionKey& key = table.transitions()[t];
  out << YAML::BeginMap;
  out << YAML::Key << "from" << YAML::Value << table.states()[key.from];
  out << YAML::Key << "to" << YAML::Value << table.states()[key.to];
  if (key.kind == TransitionKind::breakdown) emit_breakdown_causes(out, model.hazards.transitions()[t]);
  if (has_base_rates(model, t))
    out << YAML::Comment("base rates: a child with no earlier breakdown (see breakdowns.prior_breakdown_factor)");
  out << YAML::Key << "hazard" << YAML::Value << YAML::BeginSeq;
  const auto& groups = model.hazards.groups(key.from);
  const auto& rates = rates_of(model, t);
  for (std::size_t g = 0; g < groups.size(); ++g) emit_hazard_row(out, table, key.from, groups[g], rates[g]);
  out << YAML::EndSeq << YAML::EndMap;
}

void emit_transitions(Emitter& out, const CalibratedModel& model) {
  out << YAML::Key << "transitions" << YAML::Value << YAML::BeginSeq;
  for (std::size_t t = 0; t < model.exposure.transitions().size(); ++t) emit_transition(out, model, t);
  out << YAML::EndSeq;
}

// ---- entries ----

void emit_entry_age(Emitter& out, const EntryEstimates& e, std::size_t band) {
  const auto& edges = e.age_edges();
  double upper = band + 1 < edges.size() ? edges[band + 1] : HUGE_VAL;
  out << YAML::Key << "age" << YAML::Value;
  emit_pair(out, edges[band], upper);
}

void emit_entry_rate_row(Emitter& out, const EntryEstimates& e, const EntryRate& r) {
  out << YAML::Flow << YAML::BeginMap;
  emit_entry_age(out, e, r.band);
  if (r.year) out << YAML::Key << "year" << YAML::Value << *r.year;
  emit_estimate_keys(out, r.per_1000, "rate");
  out << YAML::EndMap;
  if (!(r.population_years > 0.0)) out << YAML::Comment("no population: rate 0 is a placeholder");
}

/// The mix of all entries, for bands without any.
EntryMix overall_mix(const EntryEstimates& e) {
  EntryMix all{0, 0, std::vector<double>(e.states().size(), 0.0), std::vector<double>(e.states().size(), 0.0)};
  for (const EntryMix& m : e.mix()) all.entries += m.entries;
  for (const EntryMix& m : e.mix())
    for (std::size_t s = 0; s < m.shares.size(); ++s)
      all.shares[s] += m.shares[s] * static_cast<double>(m.entries) / static_cast<double>(all.entries);
  for (std::size_t s = 0; s < all.shares.size(); ++s)
    all.se[s] = std::sqrt(all.shares[s] * (1.0 - all.shares[s]) / static_cast<double>(all.entries));
  return all;
}

void emit_mix_band(Emitter& out, const EntryEstimates& e, const EntryMix& band) {
  bool empty = band.entries == 0;
  const EntryMix mix = empty ? overall_mix(e) : band;
  out << YAML::BeginMap;
  emit_entry_age(out, e, band.band);
  if (empty) out << YAML::Comment("no entries at these ages: the mix of all entries");
  std::vector<long> shares = micro_shares(mix.shares);
  out << YAML::Key << "shares" << YAML::Value << YAML::Flow << YAML::BeginMap;
  for (std::size_t s = 0; s < shares.size(); ++s) out << YAML::Key << e.states()[s] << YAML::Value << share_text(shares[s]);
  out << YAML::EndMap;
  out << YAML::Key << "se" << YAML::Value << YAML::Flow << YAML::BeginMap;
  for (std::size_t s = 0; s < mix.se.size(); ++s) out << YAML::Key << e.states()[s] << YAML::Value << number(mix.se[s]);
  out << YAML::EndMap;
  out << YAML::Key << "events" << YAML::Value << band.entries << YAML::EndMap;
}

void emit_entries(Emitter& out, const EntryEstimates& e) {
  out << YAML::Key << "entries" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "rate_per_1000" << YAML::Value << YAML::BeginSeq;
  for (const EntryRate& r : e.rates()) emit_entry_rate_row(out, e, r);
  out << YAML::EndSeq;
  if (e.entries() > 0) {
    out << YAML::Key << "mix" << YAML::Value << YAML::BeginSeq;
    for (const EntryMix& m : e.mix()) emit_mix_band(out, e, m);
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
}

// ---- breakdowns and school ----

void emit_breakdowns(Emitter& out, const BreakdownFactorEstimate& f) {
  out << YAML::Key << "breakdowns" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "prior_breakdown_factor" << YAML::Value << number(f.factor);
  out << YAML::Key << "prior_breakdown_cap" << YAML::Value << f.cap;
  out << YAML::Key << "se" << YAML::Value << number(f.se);
  out << YAML::Key << "ci95" << YAML::Value;
  emit_pair(out, f.lower, f.upper);
  out << YAML::Key << "events" << YAML::Value << f.breakdowns;
  out << YAML::EndMap;
}

void emit_school(Emitter& out, const SchoolChangeEstimate& school) {
  out << YAML::Key << "school" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "change_probability" << YAML::Value << YAML::Flow << YAML::BeginMap;
  for (std::size_t k = 0; k < move_kinds; ++k)
    if (const auto& p = school.of(static_cast<MoveKind>(k)))
      out << YAML::Key << move_kind_name(static_cast<MoveKind>(k)) << YAML::Value << number(p->p);
  out << YAML::EndMap << YAML::EndMap;
}

// ---- the calibration block ----

void emit_group(Emitter& out, const CalibrationBands& bands, const CellGroup& g) {
  out << YAML::Flow << YAML::BeginMap;
  emit_box_keys(out, bands, g, true);
  out << YAML::Key << "exposure_years" << YAML::Value << number(g.exposure_years) << YAML::EndMap;
}

void emit_pooling(Emitter& out, const CalibratedModel& model) {
  const ExposureTable& table = model.exposure;
  out << YAML::Key << "pooling" << YAML::Value << YAML::BeginSeq;
  for (const PoolingStep& step : model.hazards.pooling()) {
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "state" << YAML::Value << table.states()[step.state];
    out << YAML::Key << "merged" << YAML::Value;
    emit_group(out, table.bands(), step.merged);
    out << YAML::Key << "into" << YAML::Value;
    emit_group(out, table.bands(), step.into);
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
}

void emit_bands(Emitter& out, const ExposureTable& table) {
  const CalibrationBands& bands = table.bands();
  out << YAML::Key << "bands" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "age" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (double a : bands.age_edges) out << number(a);
  out << YAML::EndSeq;
  out << YAML::Key << "duration" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (double d : bands.duration_edges) out << number(d);
  out << YAML::EndSeq;
  out << YAML::Key << "period_breaks" << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const engine::Date& b : bands.period_breaks) out << engine::format_iso_date(b);
  out << YAML::EndSeq;
  out << YAML::Key << "min_exposure" << YAML::Value << number(bands.min_exposure);
  out << YAML::Key << "pool_along" << YAML::Value << pool_along_name(bands.pool_along);
  out << YAML::Key << "prior_breakdown_cap" << YAML::Value << table.options().prior_breakdown_cap;
  out << YAML::Key << "ageing_out_state" << YAML::Value;
  if (table.options().ageing_out_state.empty())
    out << YAML::Null;
  else
    out << table.options().ageing_out_state;
  out << YAML::EndMap;
}

void emit_counts(Emitter& out, const ExposureTable& table) {
  const ExposureSummary& s = table.summary();
  out << YAML::Key << "episodes" << YAML::Value << s.episodes;
  out << YAML::Key << "episodes_used" << YAML::Value << s.episodes_used;
  out << YAML::Key << "children" << YAML::Value << s.children;
  out << YAML::Key << "events" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "moves" << YAML::Value
      << s.moves << YAML::Key << "breakdowns" << YAML::Value << s.breakdowns << YAML::Key << "exits" << YAML::Value
      << s.exits << YAML::EndMap;
  out << YAML::Key << "censored" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "open" << YAML::Value
      << s.censored_open << YAML::Key << "ageing_out" << YAML::Value << s.censored_ageing_out << YAML::Key
      << "unknown_destination" << YAML::Value << s.censored_unknown << YAML::EndMap;
  out << YAML::Key << "exposure_years" << YAML::Value << number(s.exposure_years);
}

void emit_proportion_keys(Emitter& out, const ProportionEstimate& p, const char* value_key, const char* successes,
                          const char* trials) {
  out << YAML::Key << value_key << YAML::Value << number(p.p) << YAML::Key << "se" << YAML::Value << number(p.se);
  out << YAML::Key << "ci95" << YAML::Value;
  emit_pair(out, p.lower, p.upper);
  out << YAML::Key << successes << YAML::Value << p.successes << YAML::Key << trials << YAML::Value << p.trials;
}

void emit_cause_details(Emitter& out, const CalibratedModel& model) {
  const ExposureTable& table = model.exposure;
  out << YAML::Key << "breakdown_causes" << YAML::Value << YAML::BeginSeq;
  for (std::size_t t = 0; t < table.transitions().size(); ++t) {
    const TransitionKey& key = table.transitions()[t];
    if (key.kind != TransitionKind::breakdown) continue;
    out << YAML::Flow << YAML::BeginMap << YAML::Key << "from" << YAML::Value << table.states()[key.from] << YAML::Key
        << "to" << YAML::Value << table.states()[key.to];
    emit_proportion_keys(out, carer_share(model.hazards.transitions()[t]), "carer_initiated", "carer_initiated_events",
                         "events");
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  const auto& factor = model.breakdown_factor;
  if (factor && !factor->estimable)
    out << YAML::Key << "prior_breakdown_factor" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key
        << "estimated" << YAML::Value << false << YAML::Key << "reason" << YAML::Value << factor->reason
        << YAML::EndMap;
}

void emit_school_details(Emitter& out, const SchoolChangeEstimate& school) {
  out << YAML::Key << "school_changes" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "ages" << YAML::Value;
  emit_pair(out, school.options().first_age, school.options().last_age);
  for (std::size_t k = 0; k < move_kinds; ++k)
    if (const auto& p = school.of(static_cast<MoveKind>(k))) {
      out << YAML::Key << move_kind_name(static_cast<MoveKind>(k)) << YAML::Value << YAML::Flow << YAML::BeginMap;
      emit_proportion_keys(out, *p, "probability", "changes", "moves");
      out << YAML::EndMap;
    }
  out << YAML::Key << "unrecorded" << YAML::Value << school.unrecorded() << YAML::EndMap;
}

void emit_entry_details(Emitter& out, const EntryEstimates& e) {
  out << YAML::Key << "entries" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "observed_from" << YAML::Value << engine::format_iso_date(e.observed_from());
  engine::Date last_day{std::chrono::sys_days{e.window_end()} - std::chrono::days{1}};
  out << YAML::Key << "until" << YAML::Value << engine::format_iso_date(last_day);
  out << YAML::Key << "below_age" << YAML::Value << e.age_limit();
  out << YAML::Key << "entries" << YAML::Value << e.entries();
  out << YAML::Key << "by_year" << YAML::Value << YAML::BeginSeq;
  for (const EntryRate& r : e.rates_by_year()) emit_entry_rate_row(out, e, r);
  out << YAML::EndSeq << YAML::EndMap;
}

void emit_calibration(Emitter& out, const CalibratedModel& model) {
  out << YAML::Key << "calibration" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "source" << YAML::Value << model.source.string();
  out << YAML::Key << "observed_until" << YAML::Value << engine::format_iso_date(model.observed_until);
  out << YAML::Key << "fit_until" << YAML::Value;
  emit_date_or_open(out, model.fit_until);
  emit_counts(out, model.exposure);
  emit_bands(out, model.exposure);
  emit_pooling(out, model);
  emit_cause_details(out, model);
  if (model.school) emit_school_details(out, *model.school);
  if (model.entries) emit_entry_details(out, *model.entries);
  out << YAML::Key << "warnings" << YAML::Value << YAML::BeginSeq;
  for (const std::string& w : model.warnings) out << w;
  out << YAML::EndSeq << YAML::EndMap;
}

std::string header(const CalibratedModel& model) {
  return fmt::format(
      "# A carecast model file, calibrated from {} (observed until {}{}).\n"
      "# Include it from a scenario (include: this-file.yaml); keys the scenario sets itself override it.\n"
      "# se: standard error; ci95: 95 % interval; events and exposure_years: the counts behind each estimate.\n",
      model.source.empty() ? "episodes" : model.source.filename().string(),
      engine::format_iso_date(model.observed_until),
      model.fit_until ? ", fitted on data before " + engine::format_iso_date(*model.fit_until) : "");
}

}  // namespace

std::string model_file_text(const CalibratedModel& model) {
  Emitter out;
  out.SetDoublePrecision(significant_digits);
  out << YAML::BeginMap;
  emit_states(out, model.exposure);
  emit_transitions(out, model);
  if (model.entries) emit_entries(out, *model.entries);
  if (model.breakdown_factor && model.breakdown_factor->estimable) emit_breakdowns(out, *model.breakdown_factor);
  if (model.school) emit_school(out, *model.school);
  emit_calibration(out, model);
  out << YAML::EndMap;
  if (!out.good()) throw std::logic_error("model file: " + out.GetLastError());
  return header(model) + out.c_str() + "\n";
}

void write_model_file(const CalibratedModel& model, const std::filesystem::path& file) {
  write_text_file(file, model_file_text(model));
}

}  // namespace carecast::models::calibration
