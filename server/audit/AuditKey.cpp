#include "audit/AuditKey.h"

#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dantoc::server {

namespace {

constexpr char kHex[] = "0123456789abcdef";

std::string toHex(const unsigned char* bytes, std::size_t n)
{
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kHex[bytes[i] >> 4]);
        out.push_back(kHex[bytes[i] & 15]);
    }
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

}  // namespace

Result<AuditKey> AuditKey::load(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        return Status(ErrorCode::NotFound, "no audit key file " + file.string());
    }
    std::ifstream in(file);
    std::string text;
    in >> text;
    if (!in && !in.eof()) {
        return Status(ErrorCode::IoError, "cannot read the audit key file " + file.string());
    }
    if (text.size() != kBytes * 2) {
        return Status(ErrorCode::Corruption, "the audit key file " + file.string() + " is not 64 hex digits");
    }
    AuditKey key;
    for (std::size_t i = 0; i < kBytes; ++i) {
        const int hi = hexValue(text[2 * i]);
        const int lo = hexValue(text[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            return Status(ErrorCode::Corruption, "the audit key file " + file.string() + " is not 64 hex digits");
        }
        key.m_key[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    return key;
}

Result<AuditKey> AuditKey::create(const std::filesystem::path& file)
{
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
        return Status(ErrorCode::IoError, "cannot create " + file.parent_path().string() + ": " + ec.message());
    }
    std::filesystem::permissions(file.parent_path(), std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    if (sodium_init() < 0) {
        return Status(ErrorCode::Internal, "libsodium cannot initialise");
    }
    AuditKey key;
    randombytes_buf(key.m_key.data(), key.m_key.size());
    const std::string text = toHex(key.m_key.data(), key.m_key.size()) + "\n";
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        return Status(err == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::IoError,
                      "cannot create the audit key file " + file.string() + ": " + std::strerror(err));
    }
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                         ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        std::filesystem::remove(file, ec);
        return Status(ErrorCode::IoError, "cannot write the audit key file " + file.string());
    }
    return key;
}

std::string AuditKey::macHex(const std::string& data) const
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, m_key.data(), m_key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    crypto_auth_hmacsha256_final(&state, mac);
    sodium_memzero(&state, sizeof state);
    return toHex(mac, sizeof mac);
}

}  // namespace dantoc::server
