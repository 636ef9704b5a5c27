// DataDirPermissions: the server's data directory holds survey data in plaintext, password and token hashes and
// the TLS key, so it is for the server's own user only (issue 19, finding 3): the directory and every directory
// under it 0700, every file 0600, whatever the umask was or the mode of a directory an administrator created
// beforehand. Called when a data directory is initialised and whenever the store is opened (which also tightens
// files an older server left readable). Stateless; thread-safe (concurrent calls do the same chmods).
#pragma once

#include "base/Status.h"

#include <filesystem>

namespace dantoc::server {

inline constexpr std::filesystem::perms kDataDirMode = std::filesystem::perms::owner_all;  // 0700
inline constexpr std::filesystem::perms kDataFileMode =
    std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;  // 0600

// Creates `dir` if missing, then sets the modes above on it and on everything below it (symbolic links are left
// alone, never followed). IoError naming the path when a mode cannot be set.
Status secureDataDirectory(const std::filesystem::path& dir);

}  // namespace dantoc::server
