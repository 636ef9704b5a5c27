#include "admin/BlobBackup.h"

#include "blob/BlobFiles.h"
#include "sync/JsonReader.h"

#include <string>

namespace dantoc::server {

namespace fs = std::filesystem;

fs::path blobBackupDir(const fs::path& backupFile)
{
    return fs::path(backupFile.string() + ".blobs");
}

Result<std::size_t> copyCompleteBlobs(const fs::path& fromRoot, const fs::path& toRoot)
{
    std::error_code ec;
    if (!fs::is_directory(fromRoot, ec)) {
        return std::size_t{0};
    }
    // The layout is BlobFiles': a complete file sits exactly at completePath(sha256); partial/ and anything else
    // is skipped.
    const BlobFiles from(fromRoot);
    const BlobFiles to(toRoot);
    std::size_t copied = 0;
    for (const auto& prefix : fs::directory_iterator(fromRoot, ec)) {
        if (!prefix.is_directory()) {
            continue;
        }
        for (const auto& file : fs::directory_iterator(prefix.path(), ec)) {
            const std::string sha = file.path().filename().string();
            if (!file.is_regular_file() || !sync::isSha256Hex(sha) || from.completePath(sha) != file.path()) {
                continue;
            }
            const fs::path target = to.completePath(sha);
            if (fs::exists(target, ec) && fs::file_size(target, ec) == file.file_size()) {
                continue;
            }
            fs::create_directories(target.parent_path(), ec);
            if (ec) {
                return Status(ErrorCode::IoError, "cannot create " + target.parent_path().string() + ": " + ec.message());
            }
            const fs::path temporary = target.string() + ".copying";
            fs::copy_file(file.path(), temporary, fs::copy_options::overwrite_existing, ec);
            if (ec) {
                return Status(ErrorCode::IoError, "cannot copy " + file.path().string() + ": " + ec.message());
            }
            fs::rename(temporary, target, ec);
            if (ec) {
                return Status(ErrorCode::IoError, "cannot rename " + temporary.string() + ": " + ec.message());
            }
            ++copied;
        }
        if (ec) {
            return Status(ErrorCode::IoError, "cannot list " + prefix.path().string() + ": " + ec.message());
        }
    }
    if (ec) {
        return Status(ErrorCode::IoError, "cannot list " + fromRoot.string() + ": " + ec.message());
    }
    return copied;
}

}  // namespace dantoc::server
