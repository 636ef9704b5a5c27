// DataDirLock: an exclusive advisory lock on <data>/server.lock, held by `run` for the server's lifetime so that
// `restore` (and a second `run`) refuse to touch a data directory in use. The OS drops it when the process dies.
// The one platform-specific file of the admin code (flock / LockFileEx). Not copyable; not thread-safe.
#pragma once

#include "base/Result.h"

#include <filesystem>
#include <memory>

namespace dantoc::server {

class DataDirLock
{
public:
    static constexpr const char* kFileName = "server.lock";

    // Takes the lock without waiting. FailedPrecondition when another holder has it.
    static Result<std::unique_ptr<DataDirLock>> acquire(const std::filesystem::path& dataDir);
    ~DataDirLock();
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;

private:
    DataDirLock() = default;
    void* m_handle = nullptr;  // HANDLE on Windows
    int m_fd = -1;             // POSIX
};

}  // namespace dantoc::server
