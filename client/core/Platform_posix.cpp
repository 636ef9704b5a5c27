#include "core/Platform.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace dantoc::client {

Status disableCoreDumps()
{
    rlimit limit{};
    limit.rlim_cur = 0;
    limit.rlim_max = 0;
    if (setrlimit(RLIMIT_CORE, &limit) != 0) {
        return {ErrorCode::Internal, std::string("setrlimit(RLIMIT_CORE): ") + std::strerror(errno)};
    }
#ifdef __linux__
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        return {ErrorCode::Internal, std::string("prctl(PR_SET_DUMPABLE): ") + std::strerror(errno)};
    }
#endif
    return Status::ok();
}

namespace {

Status ioError(const char* what, const std::filesystem::path& path)
{
    const int error = errno;
    return {error == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::IoError,
            std::string(what) + " " + path.string() + ": " + std::strerror(error)};
}

}  // namespace

Result<FileHandle> createExclusiveFile(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return ioError("create", path);
    }
    return FileHandle{fd};
}

Result<FileHandle> openFileForReading(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return errno == ENOENT ? Status(ErrorCode::NotFound, "no file " + path.string()) : ioError("open", path);
    }
    return FileHandle{fd};
}

Status writeAll(FileHandle file, const std::uint8_t* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t written = ::write(static_cast<int>(file), data, size);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            return {ErrorCode::IoError, std::string("write: ") + std::strerror(errno)};
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return Status::ok();
}

Result<std::size_t> readUpTo(FileHandle file, std::uint8_t* buffer, std::size_t capacity)
{
    std::size_t total = 0;
    while (total < capacity) {
        const ssize_t got = ::read(static_cast<int>(file), buffer + total, capacity - total);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return Status(ErrorCode::IoError, std::string("read: ") + std::strerror(errno));
        }
        if (got == 0) {
            break;
        }
        total += static_cast<std::size_t>(got);
    }
    return total;
}

Status syncFile(FileHandle file)
{
    if (::fsync(static_cast<int>(file)) != 0) {
        return {ErrorCode::IoError, std::string("fsync: ") + std::strerror(errno)};
    }
    return Status::ok();
}

void closeFile(FileHandle file)
{
    if (file != kNoFile) {
        ::close(static_cast<int>(file));
    }
}

}  // namespace dantoc::client
