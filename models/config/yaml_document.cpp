#include "models/config/yaml_document.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "models/config/input_error.hpp"

namespace carecast::models {

namespace {

SourceLocation locate(const YAML::Mark& mark, const std::string& file) {
  return {file, mark.line + 1, mark.column + 1};
}

/// A scenario is a few thousand values; aliases that repeat aliases can make a file of a few
/// lines stand for billions. More than this many values is refused before memory runs out.
constexpr std::size_t max_values = 2'000'000;

/// Turns yaml-cpp's tree into located ConfigNodes, adding two checks yaml-cpp leaves out: a
/// quoted text must be closed (yaml-cpp silently runs an unclosed one to the end of the file,
/// swallowing the keys after it), and the tree must not expand beyond max_values.
class Converter {
 public:
  Converter(const std::string& text, std::string file) : text_(text), file_(std::move(file)) {}

  ConfigNode convert(const YAML::Node& yaml) {
    ConfigNode node;
    node.where = locate(yaml.Mark(), file_);
    if (++values_ > max_values)
      throw InputError(node.where, "",
                       "the file expands to more than " + std::to_string(max_values) +
                           " values (aliases that repeat aliases?)");
    switch (yaml.Type()) {
      case YAML::NodeType::Scalar: convert_scalar(yaml, node); break;
      case YAML::NodeType::Sequence: convert_sequence(yaml, node); break;
      case YAML::NodeType::Map: convert_map(yaml, node); break;
      default: node.kind = ConfigNode::Kind::null;
    }
    return node;
  }

 private:
  void convert_scalar(const YAML::Node& yaml, ConfigNode& node) {
    if (yaml.Tag() == "!") require_closing_quote(yaml.Mark(), node.where);
    node.kind = ConfigNode::Kind::scalar;
    node.scalar = yaml.Scalar();
  }

  void convert_sequence(const YAML::Node& yaml, ConfigNode& node) {
    node.kind = ConfigNode::Kind::sequence;
    for (const auto& item : yaml) node.items.push_back(convert(item));
  }

  void convert_map(const YAML::Node& yaml, ConfigNode& node) {
    node.kind = ConfigNode::Kind::map;
    for (const auto& entry : yaml) {
      SourceLocation key_at = locate(entry.first.Mark(), file_);
      if (!entry.first.IsScalar()) throw InputError(key_at, "", "a key must be a plain name");
      std::string key = entry.first.Scalar();
      if (node.find(key) != nullptr)
        throw InputError(key_at, key, "the key '" + key + "' appears twice in the same mapping");
      node.entries.emplace_back(key, convert(entry.second));
      node.key_where.push_back(key_at);
    }
  }

  /// A scalar that starts with a quote where `mark` points must have its closing quote before
  /// the end of the text (in double quotes a backslash escapes the next character; in single
  /// quotes two quotes stand for one).
  void require_closing_quote(const YAML::Mark& mark, const SourceLocation& at) const {
    auto pos = static_cast<std::size_t>(std::max(mark.pos, 0));
    if (pos >= text_.size() || (text_[pos] != '"' && text_[pos] != '\'')) return;  // a block scalar
    const char quote = text_[pos];
    for (std::size_t i = pos + 1; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;
          continue;
        }
        return;
      }
    }
    throw InputError(at, "", std::string("this quoted text has no closing quote (") + quote +
                                 "): it runs to the end of the file");
  }

  const std::string& text_;
  std::string file_;
  std::size_t values_ = 0;
};

/// The length of the UTF-8 sequence that starts at `at`, or 0 if the bytes there are not one
/// (a stray continuation byte, a truncated sequence, an overlong or out-of-range lead byte).
std::size_t utf8_sequence_length(const std::string& text, std::size_t at) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  std::size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                                     : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (length == 0 || at + length > text.size()) return 0;
  for (std::size_t i = at + 1; i < at + length; ++i)
    if ((byte(i) & 0xC0) != 0x80) return 0;
  return length;
}

/// A scenario is UTF-8 text: a NUL byte or bytes that are not UTF-8 (e.g. a file saved as
/// Latin-1) are refused where they are, rather than passed on raw or silently dropped.
void require_utf8_text(const std::string& text, const std::string& file) {
  int line = 1, column = 1;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = text[at] == '\0' ? 0 : utf8_sequence_length(text, at);
    if (length == 0)
      throw InputError(SourceLocation{file, line, column}, "",
                       text[at] == '\0' ? std::string("a NUL byte (code 0) here; expected text only")
                                         : fmt::format("byte 0x{:02X} here is not UTF-8 text; save the file as UTF-8",
                                                       static_cast<unsigned char>(text[at])));
    if (text[at] == '\n') line += 1, column = 0;
    column += 1;
    at += length;
  }
}

/// Line `index` (from 0) of `text`.
std::string line_of(const std::string& text, int index) {
  std::size_t begin = 0;
  for (int line = 0; line < index && begin != std::string::npos; ++line) {
    begin = text.find('\n', begin);
    if (begin != std::string::npos) ++begin;
  }
  if (begin == std::string::npos || begin > text.size()) return {};
  return text.substr(begin, text.find('\n', begin) - begin);
}

/// yaml-cpp's message for a tab in the indentation ("illegal map value", ...) does not say so.
std::string tab_hint(const std::string& text, int line) {
  for (int index : {line, line - 1}) {
    if (index < 0) continue;
    std::string content = line_of(text, index);
    std::size_t indent = content.find_first_not_of(" \t");
    if (content.substr(0, indent).find('\t') != std::string::npos)
      return fmt::format("; line {} is indented with a tab, and YAML indents with spaces only", index + 1);
  }
  return {};
}

}  // namespace

ConfigNode parse_yaml_document(const std::string& text, const std::string& file) {
  require_utf8_text(text, file);
  try {
    std::vector<YAML::Node> documents = YAML::LoadAll(text);
    if (documents.size() > 1)
      throw InputError(locate(documents[1].Mark(), file), "",
                       "a scenario file holds one YAML document, but a second one starts here (after '---')");
    if (documents.empty() || !documents[0].IsDefined() || documents[0].IsNull()) {
      ConfigNode empty;
      empty.kind = ConfigNode::Kind::map;
      empty.where = {file, 1, 1};
      return empty;
    }
    return Converter(text, file).convert(documents[0]);
  } catch (const YAML::DeepRecursion& error) {  // its own message is only "bad file"
    throw InputError(locate(error.mark, file), "",
                     "this YAML nests lists or mappings too deeply for the YAML reader (hundreds of levels "
                     "deep; a scenario needs a handful)");
  } catch (const YAML::Exception& error) {
    throw InputError(locate(error.mark, file), "", "this is not valid YAML: " + error.msg + tab_hint(text, error.mark.line));
  }
}


}  // namespace carecast::models
