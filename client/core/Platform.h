// Operating-system calls of the client core, one implementation per platform (Platform_posix.cpp,
// Platform_win.cpp): process hardening and the raw files of the attachment store. Thread-safe (no shared state).
#pragma once

#include "base/Result.h"
#include "base/Status.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace dantoc::client {

// Linux: RLIMIT_CORE = 0 and PR_SET_DUMPABLE = 0 (also blocks ptrace by other same-user processes).
// Call once, early in main(), before the store is opened (the dumps would hold decrypted data and keys).
Status disableCoreDumps();

// A raw OS file: a POSIX descriptor or a Windows HANDLE, widened. kNoFile when not open.
using FileHandle = std::intptr_t;
inline constexpr FileHandle kNoFile = -1;

// Creates `path` for writing; fails (IoError/AlreadyExists) when it exists. Owner-only permissions (0600 on
// POSIX; on Windows the store directory's owner-only ACL is inherited). Not inherited by child processes.
Result<FileHandle> createExclusiveFile(const std::filesystem::path& path);
Result<FileHandle> openFileForReading(const std::filesystem::path& path);
// Writes everything (retrying short writes and interrupts).
Status writeAll(FileHandle file, const std::uint8_t* data, std::size_t size);
// Reads up to `capacity` bytes, fewer only at the end of the file.
Result<std::size_t> readUpTo(FileHandle file, std::uint8_t* buffer, std::size_t capacity);
// Flushes to stable storage (fsync / FlushFileBuffers).
Status syncFile(FileHandle file);
void closeFile(FileHandle file);

}  // namespace dantoc::client
