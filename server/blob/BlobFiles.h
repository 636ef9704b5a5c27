// BlobFiles: the attachment files under <dataDir>/blobs (partial uploads in blobs/partial/, completed files in
// blobs/<aa>/<sha256>); the only place with POSIX file calls for blobs. Stateless apart from the root path; callers
// serialise writes to one file (SqliteBlobStore's upload mutex), reads are safe from any thread.
#pragma once

#include "base/Result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace dantoc::server {

class BlobFiles
{
public:
    explicit BlobFiles(std::filesystem::path root) : m_root(std::move(root)) {}

    // blobs/partial/<name>.part and blobs/<sha[0..2]>/<sha>. `name` and `sha256` must be checked hex by callers.
    std::filesystem::path partialPath(const std::string& name) const;
    std::filesystem::path completePath(const std::string& sha256) const;

    // Truncates the partial file to `offset` (dropping bytes written after the last durable offset was recorded),
    // writes `data` there and fdatasyncs, so the bytes survive a crash once this returns ok.
    Status writeAt(const std::filesystem::path& file, std::uint64_t offset, std::string_view data) const;
    // The lower-case hex SHA-256 of the first `length` bytes of `file`.
    Result<std::string> sha256Of(const std::filesystem::path& file, std::uint64_t length) const;
    // Moves a verified partial file into place (rename + directory fsync); replaces nothing already there.
    Status promote(const std::filesystem::path& partial, const std::string& sha256) const;
    // `length` bytes from `offset` (fewer at the end of the file).
    Result<std::string> read(const std::filesystem::path& file, std::uint64_t offset, std::uint64_t length) const;
    // Removes a file if present (ok when absent).
    Status remove(const std::filesystem::path& file) const;
    bool exists(const std::filesystem::path& file) const;
    // Names (without ".part") of the partial files on disk.
    std::vector<std::string> partialNames() const;

    static std::string sha256Hex(std::string_view data);

private:
    std::filesystem::path m_root;
};

}  // namespace dantoc::server
