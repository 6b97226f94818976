#pragma once
// The random-draw purposes of the domain, numbered after the engine's own.
#include <cstdint>

#include "engine/random_stream.hpp"

namespace carecast::models {

enum class DomainPurpose : std::uint64_t {
  school_change = engine::first_domain_purpose,  // does this move change the child's school?
};

inline std::uint64_t purpose_code(DomainPurpose purpose) { return static_cast<std::uint64_t>(purpose); }

}  // namespace carecast::models
