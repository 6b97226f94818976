#pragma once
// Writes a CalibratedModel as a YAML model file that a scenario includes (`include: model.yaml`).
// Its sections use the scenario syntax (docs/scenario-reference.md), so that the scenario's own
// keys, applied after the include, override them key by key; every estimate also carries its
// uncertainty and the counts behind it. Numbers have 6 significant digits; an exponent form
// always has a decimal point in its mantissa (`3.0e+06`, not `3e+06`), so that YAML 1.1 readers
// such as PyYAML read a number and not a string (yaml_float.hpp).
//
//   states:                      every episode state (kind placement), then every exit state
//     - {name: foster, kind: placement}
//     - {name: home, kind: exit}
//   transitions:                 one entry per transition with at least one event, ordered by
//     - from: foster             from-state, then kind (move, breakdown, exit), then to-state
//       to: home
//       hazard:                  one row per cell, or per group of pooled cells, in cell order
//         - {age: [0, 6], duration: [0, 0.5], period: [~, 2022-01-01], rate: 1.2, se: 0.11, ci95: [0.99, 1.44], events: 120, exposure_years: 100}
//         - {age: [0, 6], duration: [0.5, .inf], period: [~, 2022-01-01], rate: 0.3, ...}  # pooled cells: duration [0.5, 2) 3.1 py, [2, inf) 0.4 py
//         - {age: [18, .inf], ..., rate: 0, se: 0, ci95: [0, .inf], events: 0, exposure_years: 0}  # no exposure: rate 0 is a placeholder
//     - from: foster
//       to: foster
//       breakdown: {carer_initiated: 0.45, other: 0.55}  # base rates: a child with no earlier breakdown (...)
//       hazard: [...]
//   entries:                     only with a population table
//     rate_per_1000:
//       - {age: [0, 1], rate: 3.2, se: 0.2, ci95: [2.8, 3.6], events: 250, exposure_years: 78125}
//     mix:
//       - age: [0, 12]
//         shares: {foster: 0.8, residential: 0.2}
//         se: {foster: 0.012, residential: 0.012}
//         events: 1100
//   breakdowns:                  when the prior-breakdown factor is estimable
//     prior_breakdown_factor: 1.8
//     prior_breakdown_cap: 4
//     se: 0.12
//     ci95: [1.58, 2.05]
//     events: 812
//   school:                      when school changes are recorded (return_home is never estimable)
//     change_probability: {entry: 0.55, planned_move: 0.4, breakdown: 0.65}
//   calibration: {...}           provenance, counts, bands, pooling report and details (below)
//
// Row keys beyond the scenario syntax: `se` (standard error), `ci95: [lower, upper]` (95 %
// interval), `events` (the count behind the estimate), `exposure_years` (person-years at risk; for
// entry rates, person-years of the population). In a mix band, `se` maps each state to the
// standard error of its share and `events` is the number of entries.
//
// Meanings:
//   - Axes with a single band are left out of the rows; the last age and duration bands end at
//     .inf, and periods are [~, date], [date, date] or [date, ~].
//   - Hazard rates are events / exposure with Poisson se and exact (Garwood) intervals
//     (hazard_estimates.hpp). A row whose cell has no exposure has rate 0, se 0,
//     ci95 [0, .inf], events 0, exposure_years 0, and the comment "no exposure".
//   - The carer-initiated share of a breakdown transition is pooled over its cells (the scenario
//     has one share per transition); its se and interval are in calibration.breakdown_causes.
//   - Breakdown rows hold the base rate (a child with no earlier breakdown) given the estimated
//     prior_breakdown_factor, with se and interval conditional on it
//     (breakdown_factor_estimate.hpp); their exposure_years is the plain exposure. Without an
//     estimable factor they hold events / exposure like the other rows.
//   - Shares (mix, breakdown causes) are written with 6 decimals and sum to exactly 1.
//   - A mix band without entries gets the mix of all entries, with a comment saying so.
//
// The calibration block:
//   calibration:
//     source: episodes.csv
//     observed_until: 2024-12-31
//     fit_until: ~                      (or the back-test cut date: data strictly before it)
//     episodes: 5210                    episodes_used, children: likewise
//     events: {moves: 900, breakdowns: 310, exits: 1500}
//     censored: {open: 800, ageing_out: 40, unknown_destination: 0}
//     exposure_years: 6012.5
//     bands: {age: [0, 6, 12], duration: [0, 0.5, 2], period_breaks: [2022-01-01],
//             min_exposure: 1, pool_along: duration, prior_breakdown_cap: 4, ageing_out_state: aged_out}
//     pooling:                          one entry per merge, in the order they were made
//       - {state: foster, merged: {age: [..], duration: [..], period: [..], exposure_years: 0.4},
//          into: {age: [..], duration: [..], period: [..], exposure_years: 3.1}}
//     breakdown_causes:                 carer-initiated share per breakdown transition
//       - {from: foster, to: foster, carer_initiated: 0.45, se: 0.03, ci95: [0.39, 0.51], events: 300}
//     prior_breakdown_factor: {estimated: false, reason: "..."}      (only when not estimable)
//     school_changes:                   (when estimated) per kind of move
//       ages: [6, 16]
//       entry: {probability: 0.55, se: 0.02, ci95: [0.51, 0.59], changes: 330, moves: 600}
//       unrecorded: 0
//     entries:                          (with a population table)
//       observed_from: 2015-01-01
//       until: 2024-12-31               the last day used
//       below_age: 18                   single years of age counted: below ⌈ageing-out age⌉
//       entries: 2500
//       by_year: [{age: [0, 1], year: 2015, rate: .., se: .., ci95: [..], events: .., exposure_years: ..}]
//     warnings: ["..."]
#include <filesystem>
#include <string>

#include "models/calibration/calibrated_model.hpp"

namespace carecast::models::calibration {

std::string model_file_text(const CalibratedModel& model);

/// Writes the file (replacing any file of that name); throws FileWriteError
/// (text_file_writer.hpp), with the system's reason, if it cannot. A caller that must never leave
/// a half-written file writes it with output::write_atomically.
void write_model_file(const CalibratedModel& model, const std::filesystem::path& file);

}  // namespace carecast::models::calibration
