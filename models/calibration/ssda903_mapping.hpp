#pragma once
// How the codes of England's SSDA903 return (the children looked after return) become the
// states and endings of the model. Read from a YAML file (scenarios/ssda903-mapping.yaml):
//
//   place:                PLACE code -> placement state, or `temporary` (T0-T4: a temporary
//                         move; the child keeps the placement around it)
//   reason_ceased:        REC code -> exit state, or `continues` (X1: a new episode begins the
//                         same day)
//   reason_place_change:  REASON_PLACE_CHANGE code -> planned_move | breakdown_carer |
//                         breakdown_other
//   unrecorded_place_change: (optional) the same, for a change of placement whose
//                         REASON_PLACE_CHANGE is empty; without it, such a change is an error
//   legal_status:         LS code -> include | exclude (short breaks, V3/V4, are not care
//                         episodes)
//
// Codes are upper-case letters and digits; state names are identifiers. Unknown keys and bad
// values are InputErrors at the file, line and column, with a "did you mean" where one fits.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/calibration/episode.hpp"

namespace carecast::models::calibration {

struct Ssda903Mapping {
  struct Place {
    std::string state;       // empty when temporary
    bool temporary = false;  // the child keeps the placement around this one
  };

  std::filesystem::path file;
  std::map<std::string, Place, std::less<>> place;
  /// The exit state for each REC code; nothing for a code that `continues` (X1).
  std::map<std::string, std::optional<std::string>, std::less<>> reason_ceased;
  /// planned_move, breakdown_carer or breakdown_other for each REASON_PLACE_CHANGE code.
  std::map<std::string, EpisodeEnding, std::less<>> reason_place_change;
  std::optional<EpisodeEnding> unrecorded_place_change;
  /// true: episodes under this legal status are care episodes; false: they are left out.
  std::map<std::string, bool, std::less<>> legal_status;

  /// Every state the mapping names (placements and exits), sorted, each once.
  std::vector<std::string> state_names() const;
};

Ssda903Mapping read_ssda903_mapping(const std::filesystem::path& file);

}  // namespace carecast::models::calibration
