#include "admin/DataDirPermissions.h"

#include <system_error>

namespace dantoc::server {

namespace fs = std::filesystem;

namespace {

Status setMode(const fs::path& path, fs::perms mode)
{
    std::error_code ec;
    fs::permissions(path, mode, fs::perm_options::replace | fs::perm_options::nofollow, ec);
    if (ec) {
        return Status(ErrorCode::IoError, "cannot set the mode of " + path.string() + ": " + ec.message());
    }
    return Status::ok();
}

}  // namespace

Status secureDataDirectory(const fs::path& dir)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        return Status(ErrorCode::IoError, "cannot create " + dir.string() + ": " + ec.message());
    }
    if (Status s = setMode(dir, kDataDirMode); !s) {
        return s;
    }
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end; !ec && it != end;
         it.increment(ec)) {
        const fs::file_status status = it->symlink_status(ec);
        if (ec) {
            break;
        }
        if (fs::is_directory(status)) {
            if (Status s = setMode(it->path(), kDataDirMode); !s) {
                return s;
            }
        } else if (fs::is_regular_file(status)) {
            if (Status s = setMode(it->path(), kDataFileMode); !s) {
                return s;
            }
        }
    }
    if (ec && ec != std::errc::no_such_file_or_directory) {  // a file vanishing meanwhile is not an error
        return Status(ErrorCode::IoError, "cannot list " + dir.string() + ": " + ec.message());
    }
    return Status::ok();
}

}  // namespace dantoc::server
