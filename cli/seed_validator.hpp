#pragma once
// The master seed on the command line, read as a scenario's simulation.seed is: a decimal whole
// number from 0 to 2^64 - 1. CLI11's own conversion would read 010 as octal and 0x10 as hex, and
// quietly clamp a number that is too large to the largest.
#include <CLI/CLI.hpp>

namespace carecast::cli {

/// Checks the text and leaves it in plain decimal (no leading zeros) for CLI11 to convert.
CLI::Validator seed_validator();

}  // namespace carecast::cli
