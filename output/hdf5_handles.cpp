#include "output/hdf5_handles.hpp"

#include <fmt/format.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "output/output_error.hpp"

namespace carecast::output::hdf5 {

namespace {

/// Keeps the last (innermost) description on HDF5's error stack: the most specific reason.
herr_t keep_innermost(unsigned, const H5E_error2_t* error, void* reason) {
  if (error->desc != nullptr) *static_cast<std::string*>(reason) = error->desc;
  return 0;
}

/// File-driver errors carry the system's message amid flags; keep just that message.
std::string system_message_in(const std::string& reason) {
  const std::string marker = "error message = '";
  std::size_t start = reason.find(marker);
  if (start == std::string::npos) return reason;
  start += marker.size();
  return reason.substr(start, reason.find('\'', start) - start);
}

std::string current_reason() {
  std::string reason;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, keep_innermost, &reason);
  return system_message_in(reason);
}

std::string read_name(hid_t location, ssize_t (*get)(hid_t, char*, size_t)) {
  ssize_t length = get(location, nullptr, 0);
  if (length <= 0) return {};
  std::string name(static_cast<std::size_t>(length) + 1, '\0');
  get(location, name.data(), name.size());
  name.resize(static_cast<std::size_t>(length));
  return name;
}

ssize_t object_name(hid_t id, char* name, size_t size) { return H5Iget_name(id, name, size); }

herr_t collect_name(hid_t, const char* name, const H5L_info_t*, void* names) {
  static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}

bool tracks_creation_order(hid_t group) {
  PropertyList creation(H5Gget_create_plist(group));
  unsigned flags = 0;
  return creation.valid() && H5Pget_link_creation_order(creation.get(), &flags) >= 0 &&
         (flags & H5P_CRT_ORDER_INDEXED) != 0;
}

bool is_written_to(hid_t file) {
  unsigned intent = 0;
  return H5Fget_intent(file, &intent) >= 0 && (intent & H5F_ACC_RDWR) != 0;
}

/// The POSIX descriptor under a file opened with the default (sec2) driver, or -1.
int descriptor_of(hid_t file) {
  PropertyList access(H5Fget_access_plist(file));
  if (!access.valid() || H5Pget_driver(access.get()) != H5FD_SEC2) return -1;
  void* handle = nullptr;
  if (H5Fget_vfd_handle(file, H5P_DEFAULT, &handle) < 0 || handle == nullptr) return -1;
  return *static_cast<int*>(handle);
}

/// Allocates on the disk every byte HDF5 has given out in the file, so that writing out its cached
/// metadata (at closing) cannot fail for want of space; returns the reason if it cannot.
std::string reserve_space(hid_t file) {
  haddr_t end = 0;
  int descriptor = descriptor_of(file);
  if (descriptor < 0 || H5Fget_eoa(file, &end) < 0) return {};
  int error = ::posix_fallocate(descriptor, 0, static_cast<off_t>(end));
  return error == 0 || error == EOPNOTSUPP || error == EINVAL ? std::string() : std::strerror(error);
}

}  // namespace

void silence_error_printing() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

void fail(std::string_view action, hid_t location, std::string_view name) {
  std::string reason = current_reason();
  std::string message = location >= 0
                            ? fmt::format("cannot {} '{}' in '{}'", action,
                                          member_path(location, name), file_name_of(location))
                            : fmt::format("cannot {} '{}'", action, name);
  if (!reason.empty()) message += ": " + reason;
  throw OutputError(message);
}

hid_t check(hid_t id, std::string_view action, hid_t location, std::string_view name) {
  if (id < 0) fail(action, location, name);
  return id;
}

void check_status(herr_t status, std::string_view action, hid_t location, std::string_view name) {
  if (status < 0) fail(action, location, name);
}

std::string file_name_of(hid_t location) { return read_name(location, H5Fget_name); }

std::string path_of(hid_t location) {
  std::string path = read_name(location, object_name);
  return path.empty() ? "/" : path;
}

std::string member_path(hid_t location, std::string_view name) {
  std::string path = path_of(location);
  if (name.empty()) return path;
  if (path.back() != '/') path += '/';
  return path.append(name);
}

File create_file(const std::filesystem::path& path) {
  silence_error_printing();
  PropertyList creation = untimed_creation_list(H5P_FILE_CREATE);
  return File(check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, creation.get(), H5P_DEFAULT),
                    "create file", H5I_INVALID_HID, path.string()));
}

File open_file_read_only(const std::filesystem::path& path) {
  silence_error_printing();
  return File(check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open file",
                    H5I_INVALID_HID, path.string()));
}

void discard_writes(hid_t file) {
  int descriptor = descriptor_of(file);
  if (descriptor < 0) return;
  int memory = ::memfd_create("carecast-discarded", MFD_CLOEXEC);
  if (memory < 0) return;
  ::dup2(memory, descriptor);  // the driver keeps its descriptor number; it now names memory
  ::close(memory);
}

herr_t close_file_quietly(hid_t file) {
  if (is_written_to(file)) discard_writes(file);
  return H5Fclose(file);
}

void close_file(File& file) {
  hid_t id = file.release();
  std::string name = file_name_of(id);
  std::string problem = reserve_space(id);
  if (!problem.empty()) {
    discard_writes(id);
    H5Fclose(id);
    throw OutputError(fmt::format("cannot close file '{}': {}", name, problem));
  }
  check_status(H5Fclose(id), "close file", H5I_INVALID_HID, name);
}

bool is_hdf5_file(const std::filesystem::path& path) {
  silence_error_printing();
  return H5Fis_hdf5(path.c_str()) > 0;
}

PropertyList untimed_creation_list(hid_t property_class) {
  PropertyList list(
      check(H5Pcreate(property_class), "create property list", H5I_INVALID_HID, "object creation"));
  check_status(H5Pset_obj_track_times(list.get(), false), "switch off time tracking",
               H5I_INVALID_HID, "object creation");
  return list;
}

Group create_group(hid_t parent, const std::string& name) {
  PropertyList creation = untimed_creation_list(H5P_GROUP_CREATE);
  check_status(
      H5Pset_link_creation_order(creation.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
      "track creation order of", parent, name);
  return Group(check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, creation.get(), H5P_DEFAULT),
                     "create group", parent, name));
}

Group open_group(hid_t parent, const std::string& name) {
  return Group(check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "open group", parent, name));
}

bool exists(hid_t parent, const std::string& path) {
  std::size_t end = 0;
  do {  // every prefix "a", "a/b", ... must exist before the next may be asked about
    end = path.find('/', end + 1);
    if (H5Lexists(parent, path.substr(0, end).c_str(), H5P_DEFAULT) <= 0) return false;
  } while (end != std::string::npos);
  return true;
}

std::vector<std::string> member_names(hid_t group) {
  std::vector<std::string> names;
  H5_index_t index = tracks_creation_order(group) ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;
  check_status(H5Literate(group, index, H5_ITER_INC, nullptr, collect_name, &names),
               "list the members of", group);
  return names;
}

}  // namespace carecast::output::hdf5
