#include "admin/BlobBackup.h"

#include <string>

namespace dantoc::server {

namespace fs = std::filesystem;

namespace {

bool isHex(const std::string& text, std::size_t length)
{
    return text.size() == length && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

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
    std::size_t copied = 0;
    for (const auto& prefix : fs::directory_iterator(fromRoot, ec)) {
        const std::string name = prefix.path().filename().string();
        if (!prefix.is_directory() || !isHex(name, 2)) {
            continue;  // partial/ and anything else
        }
        for (const auto& file : fs::directory_iterator(prefix.path(), ec)) {
            const std::string sha = file.path().filename().string();
            if (!file.is_regular_file() || !isHex(sha, 64) || sha.compare(0, 2, name) != 0) {
                continue;
            }
            const fs::path target = toRoot / name / sha;
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
