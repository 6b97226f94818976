#pragma once
// Owning wrappers for HDF5 identifiers, and the few file and group operations the output layer
// needs. Every failure becomes an OutputError naming the file and the object path; HDF5's own
// error printing is switched off.
#include <hdf5.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carecast::output::hdf5 {

/// Owns one HDF5 identifier and closes it with `Close` when destroyed.
template <herr_t (*Close)(hid_t)>
class Handle {
 public:
  Handle() = default;
  explicit Handle(hid_t id) : id_(id) {}
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { reset(); }

  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }
  /// Closes now, ignoring errors (for cleanup paths).
  void reset() {
    if (id_ >= 0) Close(id_);
    id_ = H5I_INVALID_HID;
  }
  /// Gives up ownership without closing.
  hid_t release() { return std::exchange(id_, H5I_INVALID_HID); }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

/// Closes a file for a Handle: one that was never closed with close_file. A file open for writing
/// is being dropped on a failure path, so its writes are discarded first (discard_writes), and
/// closing cannot fail: in HDF5 before 1.14.1 a failed H5Fclose frees the file but keeps its
/// identifier, which the library's clean-up at exit then closes again (a crash), and after one
/// failed flush every later flush and close of that file fails.
herr_t close_file_quietly(hid_t file);

using File = Handle<close_file_quietly>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using PropertyList = Handle<H5Pclose>;
using Attribute = Handle<H5Aclose>;

/// Switches off HDF5's automatic error printing for this thread; errors become exceptions.
void silence_error_printing();

/// Throws OutputError "cannot <action> '<path>' in '<file>': <HDF5's reason>". `location` is the
/// object the failed call worked on (or in); `name` is the member it concerned, if any.
[[noreturn]] void fail(std::string_view action, hid_t location, std::string_view name = {});

/// Returns `id`, or calls fail() if it is negative.
hid_t check(hid_t id, std::string_view action, hid_t location, std::string_view name = {});
/// Calls fail() if `status` is negative.
void check_status(herr_t status, std::string_view action, hid_t location,
                  std::string_view name = {});

/// The file name and the object path of an open location, for messages.
std::string file_name_of(hid_t location);
std::string path_of(hid_t location);
/// `path_of(location)` joined with `name`.
std::string member_path(hid_t location, std::string_view name);

/// Creates (truncating) a file with object time tracking off, so identical content gives
/// identical bytes.
File create_file(const std::filesystem::path& path);
File open_file_read_only(const std::filesystem::path& path);
/// Closes the file, writing it out, and throws OutputError "cannot close file '<name>': <reason>"
/// if that fails. The space HDF5 has given out is allocated on the disk first; if it cannot be (a
/// full disk), the file is discarded instead (see close_file_quietly) and the caller removes it.
/// A file open for writing is kept only if closed with close_file: dropping it discards it.
void close_file(File& file);
/// Sends every later write to the file into memory that is dropped when it closes, so that its
/// cached data and metadata no longer reach the disk and closing it cannot fail for want of space.
/// For a file that is abandoned: what is on the disk is incomplete and must be removed.
void discard_writes(hid_t file);
/// True if `path` is an HDF5 file.
bool is_hdf5_file(const std::filesystem::path& path);

/// Creates a group that tracks the creation order of its members, without time stamps.
Group create_group(hid_t parent, const std::string& name);
Group open_group(hid_t parent, const std::string& name);
/// True if `path` (relative to `parent`, possibly nested "a/b") names an existing object.
bool exists(hid_t parent, const std::string& path);
/// Names of the members of a group, in creation order where tracked, else by name.
std::vector<std::string> member_names(hid_t group);

/// An object-creation property list with time tracking off (for groups and datasets).
PropertyList untimed_creation_list(hid_t property_class);

}  // namespace carecast::output::hdf5
