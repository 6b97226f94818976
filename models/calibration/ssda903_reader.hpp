#pragma once
// Reads England's SSDA903 episodes (the children looked after return) into episode records,
// through an Ssda903Mapping from its codes to the model's states (docs/episode-formats.md).
//
// The episodes file has the columns CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC,
// REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN (only CHILD, DECOM, RNE, LS, PLACE, DEC, REC are
// required; REASON_PLACE_CHANGE is read when present; the others are ignored). The header file
// has CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB (CHILD and DOB are required). Dates are
// dd/mm/yyyy (YYYY-MM-DD is accepted too); DEC and REC are empty while an episode is open.
//
// Conversion, per child, rows sorted by DECOM:
//  - rows whose legal status (LS) the mapping excludes (short breaks, V3/V4) are left out;
//  - a temporary placement (PLACE T0-T4) takes the state of the placement before it (or, at the
//    start, after it);
//  - the rows are checked as episodes (episode_checks.hpp), so that errors name the exact line;
//  - a row that ends X1 ("continues") and is followed by a row in the same state that changes
//    legal status only or keeps the same carers (RNE L, T or U), or that is a temporary move, is
//    merged with it into one episode;
//  - any other X1 ending is a move: planned or a breakdown by the REASON_PLACE_CHANGE recorded
//    on the ending row (DfE validation rule 225: the reason is required on the X1 episode);
//  - a REC exit code ends the episode in the mapped exit state; the child may re-enter later.
// Unknown codes are errors naming the file, line, child and code; a child missing from the
// header file is an error. Lenient mode drops such children and counts them in warnings.
#include <filesystem>
#include <optional>

#include "models/calibration/episode.hpp"
#include "models/calibration/ssda903_mapping.hpp"

namespace carecast::models::calibration {

/// `observed_until` defaults to the latest DECOM or DEC of the episodes read.
EpisodeData read_ssda903(const std::filesystem::path& episodes_csv, const std::filesystem::path& header_csv,
                         const Ssda903Mapping& mapping, Strictness strictness,
                         std::optional<engine::Date> observed_until = {});

}  // namespace carecast::models::calibration
