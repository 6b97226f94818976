#pragma once
// A key path that addresses one value in a scenario's resolved tree (after extends and
// include): the keys of nested mappings joined by dots, and the items of a list by their index
// from 0, written either way: `transitions[3].hazard` or `transitions.3.hazard`.
#include <string>
#include <vector>

#include "models/config/config_node.hpp"

namespace carecast::models {

/// The steps of a key path: "a.b[3].c" and "a.b.3.c" both give {"a", "b", "3", "c"}. Nothing if
/// the path is empty or malformed (an empty step as in "a..b" or "a.", an unclosed bracket, or
/// a bracket that holds anything but digits).
std::vector<std::string> key_path_steps(const std::string& path);

/// The value at `steps` in `root`. Throws InputError at `where`, under the key path
/// `error_path`, if a step does not exist: a key the mapping does not have (suggesting the
/// closest it has), an index past the end of a list, or any step into a single value.
ConfigNode& node_at_path(ConfigNode& root, const std::vector<std::string>& steps,
                         const SourceLocation& where, const std::string& error_path);

}  // namespace carecast::models
