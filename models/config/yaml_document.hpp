#pragma once
// One YAML document as a located tree, with the checks yaml-cpp leaves out: the text must be
// UTF-8 without NUL bytes, a quoted text must be closed (yaml-cpp runs an unclosed one to the
// end of the file), there must be one document only, and aliases must not expand beyond two
// million values. Every problem is an InputError at its line and column.
#include <string>

#include "models/config/config_node.hpp"

namespace carecast::models {

/// The document in `text` (read from `file`, for locations); an empty text is an empty mapping.
ConfigNode parse_yaml_document(const std::string& text, const std::string& file);

}  // namespace carecast::models
