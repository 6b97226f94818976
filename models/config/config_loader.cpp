#include "models/config/config_loader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "models/config/input_error.hpp"
#include "models/config/yaml_document.hpp"

namespace carecast::models {

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& file, const SourceLocation& named_at) {
  if (fs::is_directory(file))
    throw InputError(named_at, "", "cannot read the file '" + file.string() + "' (it is a folder, not a file)");
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::string problem = "cannot read the file '" + file.string() + "'";
    problem += fs::exists(file) ? " (permission denied?)" : " (it does not exist)";
    throw InputError(named_at, "", problem);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

ConfigNode parse_yaml_file(const fs::path& file, const SourceLocation& named_at) {
  return parse_yaml_document(read_text(file, named_at), file.string());
}

ConfigNode parse_yaml_text(const std::string& text, const std::string& file_name) {
  return parse_yaml_document(text, file_name);
}

ConfigNode ConfigLoader::load(const fs::path& file) {
  return load_layered(file, SourceLocation{file.string(), 0, 0});
}

ConfigNode ConfigLoader::load_layered(const fs::path& file, const SourceLocation& named_at) {
  fs::path canonical = fs::weakly_canonical(file);
  if (std::find(open_.begin(), open_.end(), canonical) != open_.end())
    throw InputError(named_at, "", "'" + file.string() + "' extends or includes itself");
  ConfigNode own = parse_yaml_file(file, named_at);
  if (own.kind != ConfigNode::Kind::map)
    throw InputError(own.where, "", "a scenario file must be a mapping of keys to values");
  if (std::find(files_read_.begin(), files_read_.end(), file) == files_read_.end())
    files_read_.push_back(file);
  open_.push_back(canonical);

  ConfigNode merged;
  merged.kind = ConfigNode::Kind::map;
  merged.where = own.where;
  fs::path folder = file.parent_path();
  if (const ConfigNode* base = own.find("extends")) overlay_named_files(merged, *base, folder, "extends");
  if (const ConfigNode* more = own.find("include")) overlay_named_files(merged, *more, folder, "include");
  own.erase("extends");
  own.erase("include");
  merged.overlay(own);
  open_.pop_back();
  return merged;
}

void ConfigLoader::overlay_named_files(ConfigNode& base, const ConfigNode& value,
                                       const fs::path& folder, const std::string& key) {
  std::vector<const ConfigNode*> names;
  if (value.kind == ConfigNode::Kind::scalar) names.push_back(&value);
  if (value.kind == ConfigNode::Kind::sequence)
    for (const auto& item : value.items) names.push_back(&item);
  if (names.empty() || (key == "extends" && names.size() != 1))
    throw InputError(value.where, key,
                     key == "extends" ? "expected the path of one base scenario file"
                                      : "expected a file path or a list of file paths");
  for (std::size_t i = 0; i < names.size(); ++i) {
    const ConfigNode* name = names[i];
    std::string path = value.kind == ConfigNode::Kind::sequence ? key + "[" + std::to_string(i) + "]" : key;
    if (name->kind != ConfigNode::Kind::scalar) throw InputError(name->where, path, "expected a file path");
    fs::path file = folder / name->scalar;
    if (std::find(open_.begin(), open_.end(), fs::weakly_canonical(file)) != open_.end())
      throw InputError(name->where, path, "'" + file.string() + "' extends or includes itself");
    if (!fs::is_regular_file(file))
      throw InputError(name->where, path,
                       "cannot read the file '" + file.string() + "'" +
                           (fs::exists(file) ? " (it is not a file)" : " (it does not exist)"));
    base.overlay(load_layered(file, name->where));
  }
}

}  // namespace carecast::models
