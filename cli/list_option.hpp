#pragma once
// List options (band edges, period breaks, school ages), given comma-separated ("0,1,6,12") or
// as separate arguments ("0 1 6 12"). CLI11 drops empty elements, so that a typo such as
// '0,,12' would silently read as 0,12; these options split the text themselves and refuse an
// empty element, naming the option and the element.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace carecast::cli {

/// A list of numbers into `into`, shown as FLOAT ... in the help.
CLI::Option* add_number_list(CLI::App& command, const std::string& name, std::vector<double>& into,
                             const std::string& description);

/// A list of whole numbers into `into`, shown as INT ... in the help.
CLI::Option* add_whole_number_list(CLI::App& command, const std::string& name, std::vector<int>& into,
                                   const std::string& description);

/// A list of texts into `into` (such as dates, checked later), shown as TEXT ... in the help.
CLI::Option* add_text_list(CLI::App& command, const std::string& name, std::vector<std::string>& into,
                           const std::string& description);

}  // namespace carecast::cli
