#pragma once
// A number option that must be 0 or more (a minimum exposure), refused in plain words: CLI11's
// NonNegativeNumber prints its range up to the largest double, a number of 309 digits.
#include <CLI/CLI.hpp>

#include <string>

namespace carecast::cli {

/// Refuses anything but a finite decimal number of 0 or more; `what` names it in the message
/// ("a number of person-years").
CLI::Validator non_negative_number_validator(const std::string& what);

}  // namespace carecast::cli
