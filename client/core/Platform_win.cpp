#include "core/Platform.h"

#include <windows.h>

#include <string>

namespace dantoc::client {

Status disableCoreDumps()
{
    // No Windows Error Reporting dialog or minidump for this process. (Stub: WER LocalDumps policy is set by the
    // installer; this only turns off the per-process fault UI.)
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    return Status::ok();
}

namespace {

HANDLE toHandle(FileHandle file)
{
    return reinterpret_cast<HANDLE>(file);
}

Status lastError(const char* what, const std::filesystem::path& path)
{
    const DWORD error = GetLastError();
    const ErrorCode code = error == ERROR_FILE_EXISTS || error == ERROR_ALREADY_EXISTS ? ErrorCode::AlreadyExists
                           : error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND ? ErrorCode::NotFound
                                                                                             : ErrorCode::IoError;
    return {code, std::string(what) + " " + path.string() + ": Windows error " + std::to_string(error)};
}

}  // namespace

Result<FileHandle> createExclusiveFile(const std::filesystem::path& path)
{
    // CREATE_NEW = O_EXCL; no share mode while writing; handles are not inherited (bInheritHandle = FALSE).
    HANDLE handle = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        return lastError("create", path);
    }
    return reinterpret_cast<FileHandle>(handle);
}

Result<FileHandle> openFileForReading(const std::filesystem::path& path)
{
    HANDLE handle = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                                FILE_ATTRIBUTE_NORMAL | FILE_FLAG_SEQUENTIAL_SCAN, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        return lastError("open", path);
    }
    return reinterpret_cast<FileHandle>(handle);
}

Status writeAll(FileHandle file, const std::uint8_t* data, std::size_t size)
{
    while (size > 0) {
        const DWORD chunk = static_cast<DWORD>(size > 0x40000000u ? 0x40000000u : size);
        DWORD written = 0;
        if (!WriteFile(toHandle(file), data, chunk, &written, nullptr)) {
            return {ErrorCode::IoError, "write: Windows error " + std::to_string(GetLastError())};
        }
        data += written;
        size -= written;
    }
    return Status::ok();
}

Result<std::size_t> readUpTo(FileHandle file, std::uint8_t* buffer, std::size_t capacity)
{
    std::size_t total = 0;
    while (total < capacity) {
        const std::size_t left = capacity - total;
        const DWORD chunk = static_cast<DWORD>(left > 0x40000000u ? 0x40000000u : left);
        DWORD got = 0;
        if (!ReadFile(toHandle(file), buffer + total, chunk, &got, nullptr)) {
            return Status(ErrorCode::IoError, "read: Windows error " + std::to_string(GetLastError()));
        }
        if (got == 0) {
            break;
        }
        total += got;
    }
    return total;
}

Status syncFile(FileHandle file)
{
    if (!FlushFileBuffers(toHandle(file))) {
        return {ErrorCode::IoError, "FlushFileBuffers: Windows error " + std::to_string(GetLastError())};
    }
    return Status::ok();
}

void closeFile(FileHandle file)
{
    if (file != kNoFile) {
        CloseHandle(toHandle(file));
    }
}

}  // namespace dantoc::client
