#include "models/scenario/csv_text.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "models/config/input_error.hpp"

namespace carecast::models {

namespace {

constexpr std::size_t chunk_size = std::size_t{1} << 20;

/// The offset of the first NUL, or of the first CR not followed by LF, in `bytes`; a CR at the
/// end is left for the next chunk (`cr_at_end`).
std::optional<std::size_t> first_bad_byte(const char* bytes, std::size_t size, bool& cr_at_end) {
  const char* end = bytes + size;
  const auto* nul = static_cast<const char*>(std::memchr(bytes, '\0', size));
  const char* stop = nul != nullptr ? nul : end;
  cr_at_end = false;
  for (const char* cr = bytes;
       (cr = static_cast<const char*>(std::memchr(cr, '\r', static_cast<std::size_t>(stop - cr)))) != nullptr; ++cr) {
    if (cr + 1 == end) cr_at_end = true;
    else if (cr[1] != '\n') return static_cast<std::size_t>(cr - bytes);
  }
  if (nul != nullptr) return static_cast<std::size_t>(nul - bytes);
  return std::nullopt;
}

struct BadByte {
  std::uintmax_t offset = 0;
  char byte = 0;
};

std::optional<BadByte> find_bad_byte(std::ifstream& in) {
  std::vector<char> chunk(chunk_size);
  std::uintmax_t offset = 0;
  bool cr_pending = false;
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    auto size = static_cast<std::size_t>(in.gcount());
    if (cr_pending && chunk[0] != '\n') return BadByte{offset - 1, '\r'};
    if (auto at = first_bad_byte(chunk.data(), size, cr_pending)) return BadByte{offset + *at, chunk[*at]};
    offset += size;
  }
  return std::nullopt;  // a CR at the very end of the file ends its last line, as the parser reads it
}

/// Where the byte at `offset` is (1-based line and column), and the text of its line before it.
struct BadByteContext {
  SourceLocation where;
  std::string line_before;
};

BadByteContext context_of(const std::filesystem::path& file, std::uintmax_t offset) {
  std::ifstream in(file, std::ios::binary);
  BadByteContext context{SourceLocation{file.string(), 1, 1}, {}};
  for (char byte; offset > 0 && in.get(byte); --offset) {
    if (byte == '\n') {
      ++context.where.line;
      context.line_before.clear();
    } else {
      context.line_before += byte;
    }
  }
  context.where.column = static_cast<int>(context.line_before.size()) + 1;
  return context;
}

/// At most the last `shown` characters of `text`, quoted.
std::string quoted_tail(const std::string& text) {
  constexpr std::size_t shown = 60;
  if (text.size() <= shown) return "'" + text + "'";
  return "'..." + text.substr(text.size() - shown) + "'";
}

[[noreturn]] void reject(const std::filesystem::path& file, const BadByte& bad) {
  BadByteContext context = context_of(file, bad.offset);
  if (bad.byte == '\0')
    throw InputError(context.where, "",
                     "a NUL byte (code 0) follows " + quoted_tail(context.line_before) +
                         " on this line; expected text only");
  throw InputError(context.where, "",
                   "the line " + quoted_tail(context.line_before) +
                       " ends in a carriage return (CR) alone, as in old Mac files; expected lines ending "
                       "in LF or CRLF (save the file with Unix or Windows line endings)");
}

/// A table saved as UTF-16 (Excel's "Unicode text") starts with a byte-order mark FF FE or FE FF.
void refuse_utf16(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  char mark[2] = {0, 0};
  in.read(mark, 2);
  auto first = static_cast<unsigned char>(mark[0]), second = static_cast<unsigned char>(mark[1]);
  if (in.gcount() == 2 && ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)))
    throw InputError(SourceLocation{file.string(), 1, 1}, "",
                     "the file is UTF-16 text (as Excel's 'Unicode text' saves it); save it as CSV UTF-8");
}

}  // namespace

void require_text_lines(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return;
  refuse_utf16(file);
  if (auto bad = find_bad_byte(in)) reject(file, *bad);
}

}  // namespace carecast::models
