#pragma once
// The names a writer gives its work beside a target (".NAME.ROLE-PID": a temporary being
// written, an earlier result kept while the new one is published), and the clean-up of those
// that a killed process could not remove.
#include <filesystem>
#include <initializer_list>
#include <string_view>

namespace carecast::output {

/// The folder that holds `target`: its parent, or "." for a bare file name.
std::filesystem::path folder_of(const std::filesystem::path& target);

/// ".NAME.ROLE-PID" in the folder of `target`, NAME being its last component and PID this
/// process's id.
std::filesystem::path sibling_of(const std::filesystem::path& target, std::string_view role);

/// Removes (with everything inside, for a folder) each ".NAME.ROLE-PID" beside `target`, for the
/// roles given, whose process has ended. A running process's siblings are never touched.
void remove_abandoned_siblings(const std::filesystem::path& target,
                               std::initializer_list<std::string_view> roles);

/// fsync(2) of a file or a folder; throws OutputError naming `path` if it fails.
void flush_to_disk(const std::filesystem::path& path);

}  // namespace carecast::output
