#include "blob/BlobFiles.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace dantoc::server {

namespace {

constexpr const char* kPartialDir = "partial";
constexpr const char* kPartialSuffix = ".part";

Status ioError(const std::string& what, const std::filesystem::path& file)
{
    return Status(ErrorCode::IoError, what + " " + file.string() + ": " + std::strerror(errno));
}

// Closes the descriptor on every path out.
class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

Status syncDirectory(const std::filesystem::path& dir)
{
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) {
        return ioError("fsync directory", dir);
    }
    return Status::ok();
}

Status makeDirectories(const std::filesystem::path& dir)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        return Status(ErrorCode::IoError, "create " + dir.string() + ": " + ec.message());
    }
    return Status::ok();
}

std::string toHex(const unsigned char* bytes, unsigned length)
{
    static const char* kDigits = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned i = 0; i < length; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0xf];
    }
    return out;
}

using MdContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

}  // namespace

std::filesystem::path BlobFiles::partialPath(const std::string& name) const
{
    return m_root / kPartialDir / (name + kPartialSuffix);
}

std::filesystem::path BlobFiles::completePath(const std::string& sha256) const
{
    return m_root / sha256.substr(0, 2) / sha256;
}

Status BlobFiles::writeAt(const std::filesystem::path& file, std::uint64_t offset, std::string_view data) const
{
    if (Status s = makeDirectories(file.parent_path()); !s) {
        return s;
    }
    const bool created = !exists(file);
    Fd fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600));
    if (fd.get() < 0) {
        return ioError("open", file);
    }
    if (::ftruncate(fd.get(), static_cast<off_t>(offset)) != 0) {
        return ioError("truncate", file);
    }
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::pwrite(fd.get(), data.data() + done, data.size() - done,
                                   static_cast<off_t>(offset + done));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return ioError("write", file);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fdatasync(fd.get()) != 0) {
        return ioError("fdatasync", file);
    }
    return created ? syncDirectory(file.parent_path()) : Status::ok();
}

Result<std::string> BlobFiles::sha256Of(const std::filesystem::path& file, std::uint64_t length) const
{
    Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return ioError("open", file);
    }
    MdContext ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
        return Status(ErrorCode::Internal, "EVP sha256 init failed");
    }
    std::string buffer(64 * 1024, '\0');
    std::uint64_t left = length;
    while (left > 0) {
        const ssize_t n = ::read(fd.get(), buffer.data(), left < buffer.size() ? left : buffer.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return ioError("read", file);
        }
        if (n == 0) {
            return Status(ErrorCode::Corruption, file.string() + " is shorter than its recorded length");
        }
        EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(n));
        left -= static_cast<std::uint64_t>(n);
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned digestLength = 0;
    if (EVP_DigestFinal_ex(ctx.get(), digest, &digestLength) != 1) {
        return Status(ErrorCode::Internal, "EVP sha256 final failed");
    }
    return toHex(digest, digestLength);
}

Status BlobFiles::promote(const std::filesystem::path& partial, const std::string& sha256) const
{
    const std::filesystem::path target = completePath(sha256);
    if (exists(target)) {
        return remove(partial);  // content-addressed: the same bytes are already in place
    }
    if (Status s = makeDirectories(target.parent_path()); !s) {
        return s;
    }
    if (::rename(partial.c_str(), target.c_str()) != 0) {
        return ioError("rename", partial);
    }
    if (Status s = syncDirectory(target.parent_path()); !s) {
        return s;
    }
    return syncDirectory(partial.parent_path());
}

Result<std::string> BlobFiles::read(const std::filesystem::path& file, std::uint64_t offset,
                                    std::uint64_t length) const
{
    Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        return ioError("open", file);
    }
    std::string out(static_cast<std::size_t>(length), '\0');
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t n = ::pread(fd.get(), out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return ioError("read", file);
        }
        if (n == 0) {
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    return out;
}

Status BlobFiles::remove(const std::filesystem::path& file) const
{
    if (::unlink(file.c_str()) != 0 && errno != ENOENT) {
        return ioError("unlink", file);
    }
    return Status::ok();
}

bool BlobFiles::exists(const std::filesystem::path& file) const
{
    struct stat info {};
    return ::stat(file.c_str(), &info) == 0;
}

std::vector<std::string> BlobFiles::partialNames() const
{
    std::vector<std::string> names;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(m_root / kPartialDir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::string suffix = kPartialSuffix;
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            names.push_back(name.substr(0, name.size() - suffix.size()));
        }
    }
    return names;
}

std::string BlobFiles::sha256Hex(std::string_view data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned digestLength = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &digestLength, EVP_sha256(), nullptr) != 1) {
        return {};
    }
    return toHex(digest, digestLength);
}

}  // namespace dantoc::server
