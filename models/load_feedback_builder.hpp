#pragma once
// The caseload feedback as the engine runs it (engine/load_feedback.hpp): each open case weighs
// on caseworkers by its state's weight; capacity in each calendar year is staffing × norm (the
// weighted cases the staff carry at the norm). Breakdown exits are raised, and transitions into
// exit states that are not breakdowns (planned exits) are slowed, from the start date on.
#include <optional>

#include "engine/calendar.hpp"
#include "engine/load_feedback.hpp"
#include "engine/state_hazards.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

/// The feedback of a scenario whose caseload section has one; nothing otherwise.
std::optional<engine::LoadFeedbackSpec> build_load_feedback(const Scenario& scenario, const engine::Calendar& calendar,
                                                            double horizon);

/// Marks how `exit` (of `transition`, a breakdown or not) responds to caseload, and multiplies a
/// raised exit's rate by its ceiling from the start date on, so that thinning can lower it.
void add_load_response(engine::Exit& exit, const TransitionSpec& transition, const Scenario& scenario);

}  // namespace carecast::models
