#include "admin/DataDirLock.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace dantoc::server {

namespace {

Status busy(const std::filesystem::path& file)
{
    return Status(ErrorCode::FailedPrecondition,
                  "máy chủ đang chạy trên thư mục dữ liệu này / a server is running on this data directory (" +
                      file.string() + " is locked); stop it first");
}

}  // namespace

#ifdef _WIN32

Result<std::unique_ptr<DataDirLock>> DataDirLock::acquire(const std::filesystem::path& dataDir)
{
    const auto file = dataDir / kFileName;
    HANDLE handle = CreateFileW(file.wstring().c_str(), GENERIC_READ | GENERIC_WRITE,
                                FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_ALWAYS,
                                FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        return Status(ErrorCode::IoError, "cannot open " + file.string());
    }
    OVERLAPPED overlapped{};
    if (!LockFileEx(handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &overlapped)) {
        CloseHandle(handle);
        return busy(file);
    }
    std::unique_ptr<DataDirLock> lock(new DataDirLock());
    lock->m_handle = handle;
    return lock;
}

DataDirLock::~DataDirLock()
{
    if (m_handle != nullptr) {
        OVERLAPPED overlapped{};
        UnlockFileEx(static_cast<HANDLE>(m_handle), 0, 1, 0, &overlapped);
        CloseHandle(static_cast<HANDLE>(m_handle));
    }
}

#else

Result<std::unique_ptr<DataDirLock>> DataDirLock::acquire(const std::filesystem::path& dataDir)
{
    const auto file = dataDir / kFileName;
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Status(ErrorCode::IoError, "cannot open " + file.string() + ": " + std::strerror(errno));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK) {
            return busy(file);
        }
        return Status(ErrorCode::IoError, "cannot lock " + file.string() + ": " + std::strerror(error));
    }
    std::unique_ptr<DataDirLock> lock(new DataDirLock());
    lock->m_fd = fd;
    return lock;
}

DataDirLock::~DataDirLock()
{
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

#endif

}  // namespace dantoc::server
