#pragma once
// A whole-number option (replicates, threads, months), read as decimal and checked against its
// range, so that '2.5' or 'abc' is called what it is rather than "not in range".
#include <CLI/CLI.hpp>

#include <cstdint>

namespace carecast::cli {

/// Refuses anything but a decimal whole number from `lowest` to `highest`, saying which.
CLI::Validator whole_number_validator(std::uint64_t lowest, std::uint64_t highest);

}  // namespace carecast::cli
