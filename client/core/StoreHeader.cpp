#include "core/StoreHeader.h"

#include <sodium.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace dantoc::client {

namespace {

constexpr std::size_t kMaxHeaderSize = 4096;
constexpr const char* kMagic = "dantoc-store";

std::string toHex(const std::vector<std::uint8_t>& bytes)
{
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

std::optional<std::vector<std::uint8_t>> fromHex(const std::string& hex)
{
    if (hex.size() != 2 * kSaltSize) {
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes(kSaltSize);
    std::size_t length = 0;
    if (sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &length, nullptr) != 0 ||
        length != kSaltSize) {
        return std::nullopt;
    }
    return bytes;
}

std::optional<std::uint64_t> toNumber(const std::string& text)
{
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

Status corrupt(const std::string& why) { return {ErrorCode::Corruption, "store header: " + why}; }

#ifndef _WIN32
Status syncPath(const std::filesystem::path& path, int flags)
{
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) {
        return {ErrorCode::IoError, "open " + path.filename().string() + ": " + std::strerror(errno)};
    }
    const int rc = ::fsync(fd);
    ::close(fd);
    return rc == 0 ? Status::ok() : Status(ErrorCode::IoError, std::string("fsync: ") + std::strerror(errno));
}
#endif

}  // namespace

std::string StoreHeader::serialize() const
{
    std::ostringstream out;
    out << kMagic << ' ' << formatVersion << '\n';
    out << "kdf argon2id13 " << kdf.opsLimit << ' ' << kdf.memLimit << '\n';
    out << "salt " << toHex(salt) << '\n';
    if (previousSalt && previousKdf) {
        out << "previous_kdf argon2id13 " << previousKdf->opsLimit << ' ' << previousKdf->memLimit << '\n';
        out << "previous_salt " << toHex(*previousSalt) << '\n';
    }
    return out.str();
}

Result<StoreHeader> StoreHeader::parse(std::string_view text)
{
    if (text.size() > kMaxHeaderSize) {
        return corrupt("too large");
    }
    StoreHeader header;
    header.salt.clear();
    std::istringstream in{std::string(text)};
    std::string line;
    bool first = true;
    bool haveKdf = false;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::vector<std::string> parts;
        for (std::string word; words >> word;) {
            parts.push_back(word);
        }
        if (parts.empty()) {
            continue;
        }
        if (first) {
            if (parts.size() != 2 || parts[0] != kMagic) {
                return corrupt("not a dantoc store header");
            }
            auto version = toNumber(parts[1]);
            if (!version || *version != kFormatVersion) {
                return Status(ErrorCode::FailedPrecondition, "store header: unsupported format version");
            }
            first = false;
            continue;
        }
        const std::string& key = parts[0];
        if ((key == "kdf" || key == "previous_kdf") && parts.size() == 4 && parts[1] == "argon2id13") {
            auto ops = toNumber(parts[2]);
            auto mem = toNumber(parts[3]);
            if (!ops || !mem) {
                return corrupt("bad kdf line");
            }
            if (key == "kdf") {
                header.kdf = {*ops, *mem};
                haveKdf = true;
            } else {
                header.previousKdf = KdfParams{*ops, *mem};
            }
        } else if ((key == "salt" || key == "previous_salt") && parts.size() == 2) {
            auto salt = fromHex(parts[1]);
            if (!salt) {
                return corrupt("bad salt");
            }
            if (key == "salt") {
                header.salt = *salt;
            } else {
                header.previousSalt = *salt;
            }
        } else {
            return corrupt("unknown line");
        }
    }
    if (first || !haveKdf || header.salt.empty() || header.previousSalt.has_value() != header.previousKdf.has_value()) {
        return corrupt("incomplete");
    }
    return header;
}

Result<StoreHeader> StoreHeader::read(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Status(ErrorCode::NotFound, "no store header at " + path.string());
    }
    std::string text(kMaxHeaderSize + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse(text);
}

Status StoreHeader::write(const std::filesystem::path& path) const
{
    const std::filesystem::path temp = path.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << serialize();
        out.flush();
        if (!out) {
            return {ErrorCode::IoError, "cannot write " + temp.string()};
        }
    }
#ifndef _WIN32
    if (Status status = syncPath(temp, O_RDONLY); !status) {
        return status;
    }
#endif
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        return {ErrorCode::IoError, "rename header: " + ec.message()};
    }
#ifndef _WIN32
    // The rename itself is durable only once the directory entry is.
    return syncPath(path.parent_path(), O_RDONLY | O_DIRECTORY);
#else
    return Status::ok();
#endif
}

}  // namespace dantoc::client
