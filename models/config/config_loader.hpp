#pragma once
// Reads a scenario file into a located tree and resolves its `extends:` (one base scenario) and
// `include:` (model and parameter files). The base comes first, then the included files in
// order, then the file's own keys; each later layer overrides keys of the earlier ones, maps
// merging key by key. Relative paths are taken from the folder of the file that names them.
#include <filesystem>
#include <vector>

#include "models/config/config_node.hpp"

namespace carecast::models {

class ConfigLoader {
 public:
  ConfigNode load(const std::filesystem::path& file);
  /// Every file read so far, in the order first read.
  const std::vector<std::filesystem::path>& files_read() const { return files_read_; }

 private:
  ConfigNode load_layered(const std::filesystem::path& file, const SourceLocation& named_at);
  void overlay_named_files(ConfigNode& base, const ConfigNode& value,
                           const std::filesystem::path& folder, const std::string& key);

  std::vector<std::filesystem::path> open_;  // files being loaded, to catch cycles
  std::vector<std::filesystem::path> files_read_;
};

/// Parses one YAML file into a located tree, with no extends/include processing.
ConfigNode parse_yaml_file(const std::filesystem::path& file, const SourceLocation& named_at);
/// Parses YAML text (for tests and for data held in memory).
ConfigNode parse_yaml_text(const std::string& text, const std::string& file_name);

}  // namespace carecast::models
