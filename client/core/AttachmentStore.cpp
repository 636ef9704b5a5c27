#include "core/AttachmentStore.h"

#include "core/Platform.h"
#include "core/SecretKey.h"
#include "core/Transaction.h"

#include <sodium.h>

#include <array>
#include <set>
#include <utility>
#include <cstring>
#include <vector>

namespace dantoc::client {

namespace {

constexpr std::array<std::uint8_t, 4> kMagic = {'D', 'T', 'A', '1'};
constexpr const char* kMasterKeyName = "attachment_master_key";
constexpr const char* kKeyContext = "dantoc-attachment-v1:";
constexpr std::size_t kKeySize = crypto_secretstream_xchacha20poly1305_KEYBYTES;
static_assert(kKeySize == SecretKey::kSize);

// Closes the file and, unless released, deletes it (a half-written or unverified output). The OS calls are in
// Platform_<os>.cpp.
class OutputFile
{
public:
    explicit OutputFile(std::filesystem::path path) : m_path(std::move(path))
    {
        auto file = createExclusiveFile(m_path);
        m_file = file ? *file : kNoFile;
    }
    ~OutputFile()
    {
        closeFile(m_file);
        if (!m_keep) {
            std::error_code ignored;
            std::filesystem::remove(m_path, ignored);
        }
    }
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool isOpen() const { return m_file != kNoFile; }
    Status write(const std::uint8_t* data, std::size_t size) { return writeAll(m_file, data, size); }
    Status syncAndClose()
    {
        Status status = syncFile(m_file);
        closeFile(m_file);
        m_file = kNoFile;
        return status;
    }
    void keep() { m_keep = true; }

private:
    std::filesystem::path m_path;
    FileHandle m_file = kNoFile;
    bool m_keep = false;
};

class InputFile
{
public:
    explicit InputFile(const std::filesystem::path& path)
    {
        auto file = openFileForReading(path);
        m_file = file ? *file : kNoFile;
    }
    ~InputFile() { closeFile(m_file); }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    bool isOpen() const { return m_file != kNoFile; }
    // Reads up to `capacity` bytes, fewer only at the end of the file.
    Result<std::size_t> read(std::uint8_t* buffer, std::size_t capacity) { return readUpTo(m_file, buffer, capacity); }

private:
    FileHandle m_file = kNoFile;
};

std::string randomName()
{
    std::array<std::uint8_t, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

std::string toHex(const std::uint8_t* data, std::size_t size)
{
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.pop_back();
    return hex;
}

// Per-file key = BLAKE2b(key = master, "dantoc-attachment-v1:" + file name).
void fileKey(const std::uint8_t* master, const std::string& fileName, std::uint8_t* out)
{
    const std::string message = kKeyContext + fileName;
    crypto_generichash(out, kKeySize, reinterpret_cast<const unsigned char*>(message.data()), message.size(), master,
                       kKeySize);
}

Status corrupt(const std::string& why) { return {ErrorCode::Corruption, "attachment: " + why}; }

}  // namespace

Status AttachmentStore::masterKey(std::uint8_t* out)
{
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    auto select = m_connection.prepare("SELECT value FROM keyring WHERE name = ?1");
    if (!select) {
        return select.status();
    }
    Status status = select->bindText(1, kMasterKeyName);
    auto row = status ? select->step() : Result<bool>(status);
    if (!row) {
        return row.status();
    }
    if (*row) {
        const auto value = select->columnTextView(0);
        if (value.size() != kKeySize) {
            return corrupt("bad master key");
        }
        std::memcpy(out, value.data(), kKeySize);
        return Status::ok();
    }
    randombytes_buf(out, kKeySize);
    auto insert = m_connection.prepare("INSERT INTO keyring(name, value) VALUES(?1, ?2)");
    if (!insert) {
        return insert.status();
    }
    status = insert->bindText(1, kMasterKeyName);
    if (status) status = insert->bindBlob(2, out, kKeySize);
    if (status) status = insert->execute();
    if (status) status = transaction.commit();
    return status;
}

Result<BlobInfo> AttachmentStore::importFile(const std::filesystem::path& source)
{
    auto input = std::make_shared<InputFile>(source);
    if (!input->isOpen()) {
        return Status(ErrorCode::IoError, "cannot read " + source.string());
    }
    return importFrom([input](std::uint8_t* buffer, std::size_t capacity) { return input->read(buffer, capacity); });
}

Result<BlobInfo> AttachmentStore::importBytes(std::string_view bytes)
{
    std::size_t offset = 0;
    return importFrom([bytes, &offset](std::uint8_t* buffer, std::size_t capacity) -> Result<std::size_t> {
        const std::size_t count = std::min(capacity, bytes.size() - offset);
        std::memcpy(buffer, bytes.data() + offset, count);
        offset += count;
        return count;
    });
}

Result<BlobInfo> AttachmentStore::importFrom(const Reader& reader)
{
    if (sodium_init() < 0) {
        return Status(ErrorCode::Internal, "libsodium failed to initialise");
    }
    std::error_code ec;
    std::filesystem::create_directories(m_directory, ec);
    SecretKey master;  // locked memory, wiped on scope exit
    SecretKey key;
    if (Status status = masterKey(master.data()); !status) {
        return status;
    }
    const std::string name = randomName();
    fileKey(master.data(), name, key.data());

    const auto finalPath = m_directory / (name + ".dta");
    const auto tempPath = m_directory / (name + ".tmp");
    OutputFile out(tempPath);
    if (!out.isOpen()) {
        return Status(ErrorCode::IoError, "cannot create " + tempPath.string());
    }
    crypto_secretstream_xchacha20poly1305_state state;
    std::array<std::uint8_t, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
    crypto_secretstream_xchacha20poly1305_init_push(&state, header.data(), key.data());
    Status status = out.write(kMagic.data(), kMagic.size());
    if (status) status = out.write(header.data(), header.size());
    if (!status) {
        return status;
    }
    crypto_hash_sha256_state hash;
    crypto_hash_sha256_init(&hash);
    // Read one chunk ahead so the last chunk can carry TAG_FINAL (a missing final tag = truncation).
    std::vector<std::uint8_t> current(kChunkSize);
    std::vector<std::uint8_t> next(kChunkSize);
    std::vector<std::uint8_t> cipher(kChunkSize + crypto_secretstream_xchacha20poly1305_ABYTES);
    auto got = reader(current.data(), kChunkSize);
    if (!got) {
        return got.status();
    }
    std::size_t currentSize = *got;
    if (currentSize == 0) {
        // Nothing to attach, and the server takes no empty file (BlobUploadStart.size >= 1).
        return Status(ErrorCode::InvalidArgument, "tệp rỗng / the file is empty");
    }
    std::int64_t total = 0;
    for (;;) {
        std::size_t nextSize = 0;
        if (currentSize == kChunkSize) {
            auto more = reader(next.data(), kChunkSize);
            if (!more) {
                return more.status();
            }
            nextSize = *more;
        }
        total += static_cast<std::int64_t>(currentSize);
        if (total > kMaxSize) {
            return Status(ErrorCode::ResourceExhausted, "tệp đính kèm lớn hơn 50 MB / attachment larger than 50 MB");
        }
        crypto_hash_sha256_update(&hash, current.data(), currentSize);
        const bool last = nextSize == 0;
        unsigned long long cipherSize = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &state, cipher.data(), &cipherSize, current.data(), currentSize, nullptr, 0,
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        if (Status written = out.write(cipher.data(), static_cast<std::size_t>(cipherSize)); !written) {
            return written;
        }
        if (last) {
            break;
        }
        std::swap(current, next);
        currentSize = nextSize;
    }
    sodium_memzero(current.data(), current.size());
    sodium_memzero(next.data(), next.size());
    sodium_memzero(&state, sizeof state);  // holds the stream key
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&hash, digest.data());
    BlobInfo blob;
    blob.sha256 = toHex(digest.data(), digest.size());
    blob.size = total;
    blob.fileName = name + ".dta";
    blob.state = "local";

    if (auto existing = info(blob.sha256); existing) {
        return *existing;  // same content already stored; the new copy is deleted with `out`
    }
    if (status = out.syncAndClose(); !status) {
        return status;
    }
    std::filesystem::rename(tempPath, finalPath, ec);
    if (ec) {
        return Status(ErrorCode::IoError, "rename attachment: " + ec.message());
    }
    // A crash after the rename but before the insert leaves an orphan encrypted file: harmless, unreferenced.
    auto insert = m_connection.prepare(
        "INSERT INTO blob(sha256, size, path, uploaded_offset, state) VALUES(?1, ?2, ?3, 0, ?4)");
    if (!insert) {
        std::filesystem::remove(finalPath, ec);
        return insert.status();
    }
    status = insert->bindText(1, blob.sha256);
    if (status) status = insert->bindInt64(2, blob.size);
    if (status) status = insert->bindText(3, blob.fileName);
    if (status) status = insert->bindText(4, blob.state);
    if (status) status = insert->execute();
    if (!status) {
        std::filesystem::remove(finalPath, ec);
        return status;
    }
    return blob;
}

std::string AttachmentStore::sha256Hex(std::string_view bytes)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

Result<BlobInfo> AttachmentStore::info(const std::string& sha256)
{
    auto stmt = m_connection.prepare("SELECT sha256, size, path, uploaded_offset, state FROM blob WHERE sha256 = ?1");
    if (!stmt) {
        return stmt.status();
    }
    if (Status status = stmt->bindText(1, sha256); !status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return Status(ErrorCode::NotFound, "no attachment " + sha256);
    }
    BlobInfo blob;
    blob.sha256 = stmt->columnText(0);
    blob.size = stmt->columnInt64(1);
    blob.fileName = stmt->columnText(2);
    blob.uploadedOffset = stmt->columnInt64(3);
    blob.state = stmt->columnText(4);
    return blob;
}

Status AttachmentStore::decrypt(const BlobInfo& blob, const Sink& sink)
{
    if (blob.fileName.find('/') != std::string::npos || blob.fileName.find("..") != std::string::npos) {
        return corrupt("bad file name");
    }
    SecretKey key;
    {
        SecretKey master;
        if (Status status = masterKey(master.data()); !status) {
            return status;
        }
        const std::string name = blob.fileName.substr(0, blob.fileName.size() - 4);  // without ".dta"
        fileKey(master.data(), name, key.data());
    }

    InputFile in(pathOf(blob));
    if (!in.isOpen()) {
        return {ErrorCode::NotFound, "attachment file missing"};
    }
    std::array<std::uint8_t, kMagic.size() + crypto_secretstream_xchacha20poly1305_HEADERBYTES> head{};
    auto got = in.read(head.data(), head.size());
    if (!got || *got != head.size() || std::memcmp(head.data(), kMagic.data(), kMagic.size()) != 0) {
        return corrupt("bad header");
    }
    crypto_secretstream_xchacha20poly1305_state state;
    const int init = crypto_secretstream_xchacha20poly1305_init_pull(&state, head.data() + kMagic.size(), key.data());
    if (init != 0) {
        return corrupt("bad header");
    }
    crypto_hash_sha256_state hash;
    crypto_hash_sha256_init(&hash);
    std::vector<std::uint8_t> cipher(kChunkSize + crypto_secretstream_xchacha20poly1305_ABYTES);
    std::vector<std::uint8_t> plain(kChunkSize);
    std::int64_t total = 0;
    for (;;) {
        auto size = in.read(cipher.data(), cipher.size());
        if (!size) {
            return size.status();
        }
        if (*size < crypto_secretstream_xchacha20poly1305_ABYTES) {
            return corrupt("truncated");  // the stream ended before its final chunk
        }
        unsigned long long plainSize = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &plainSize, &tag, cipher.data(), *size,
                                                       nullptr, 0) != 0) {
            return corrupt("authentication failed");
        }
        total += static_cast<std::int64_t>(plainSize);
        crypto_hash_sha256_update(&hash, plain.data(), static_cast<std::size_t>(plainSize));
        if (Status status = sink(plain.data(), static_cast<std::size_t>(plainSize)); !status) {
            sodium_memzero(plain.data(), plain.size());
            return status;
        }
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            std::uint8_t extra = 0;
            auto trailing = in.read(&extra, 1);
            if (!trailing || *trailing != 0) {
                return corrupt("data after the final chunk");
            }
            break;
        }
        if (*size < cipher.size()) {
            return corrupt("truncated");
        }
    }
    sodium_memzero(plain.data(), plain.size());
    sodium_memzero(&state, sizeof state);  // holds the stream key
    std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&hash, digest.data());
    if (total != blob.size || toHex(digest.data(), digest.size()) != blob.sha256) {
        return corrupt("content does not match its hash");
    }
    return Status::ok();
}

Result<std::string> AttachmentStore::readAll(const std::string& sha256)
{
    auto blob = info(sha256);
    if (!blob) {
        return blob.status();
    }
    std::string out;
    out.reserve(static_cast<std::size_t>(std::min(blob->size, kMaxSize)));
    Status status = decrypt(*blob, [&out](const std::uint8_t* data, std::size_t size) {
        out.append(reinterpret_cast<const char*>(data), size);
        return Status::ok();
    });
    if (!status) {
        sodium_memzero(out.data(), out.size());
        return status;
    }
    return out;
}

Status AttachmentStore::exportTo(const std::string& sha256, const std::filesystem::path& destination)
{
    auto blob = info(sha256);
    if (!blob) {
        return blob.status();
    }
    const std::filesystem::path temp = destination.string() + ".part";
    OutputFile out(temp);
    if (!out.isOpen()) {
        return {ErrorCode::IoError, "cannot create " + temp.string()};
    }
    Status status = decrypt(*blob, [&out](const std::uint8_t* data, std::size_t size) { return out.write(data, size); });
    if (status) status = out.syncAndClose();
    if (!status) {
        return status;
    }
    std::error_code ec;
    std::filesystem::rename(temp, destination, ec);
    if (ec) {
        return {ErrorCode::IoError, "rename: " + ec.message()};
    }
    out.keep();
    return Status::ok();
}

Status AttachmentStore::setUploadProgress(const std::string& sha256, std::int64_t offset, const std::string& state)
{
    auto stmt = m_connection.prepare("UPDATE blob SET uploaded_offset = ?1, state = ?2 WHERE sha256 = ?3");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindInt64(1, offset);
    if (status) status = stmt->bindText(2, state);
    if (status) status = stmt->bindText(3, sha256);
    if (status) status = stmt->execute();
    if (status && m_connection.changes() == 0) {
        status = Status(ErrorCode::NotFound, "no attachment " + sha256);
    }
    return status;
}

Status AttachmentStore::remove(const std::string& sha256)
{
    auto blob = info(sha256);
    if (!blob) {
        return blob.status();
    }
    auto stmt = m_connection.prepare("DELETE FROM blob WHERE sha256 = ?1");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, sha256);
    if (status) status = stmt->execute();
    if (status) {
        std::error_code ec;
        std::filesystem::remove(pathOf(*blob), ec);
    }
    return status;
}

Result<AttachmentGcReport> AttachmentStore::collectGarbage(std::chrono::seconds minAge)
{
    AttachmentGcReport report;
    auto stmt = m_connection.prepare("SELECT sha256, path FROM blob");
    if (!stmt) {
        return stmt.status();
    }
    auto rows = stmt->readAll<std::pair<std::string, std::string>>(
        [](const Statement& row) { return std::make_pair(row.columnText(0), row.columnText(1)); });
    if (!rows) {
        return rows.status();
    }
    std::set<std::string> referenced;
    for (const auto& [sha256, fileName] : *rows) {
        referenced.insert(fileName);
        std::error_code ec;
        if (!std::filesystem::exists(m_directory / fileName, ec)) {
            report.missingFiles.push_back(sha256);
        }
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(m_directory, ec)) {
        return report;
    }
    const auto now = std::filesystem::file_time_type::clock::now();
    for (const auto& entry : std::filesystem::directory_iterator(m_directory, ec)) {
        const std::string name = entry.path().filename().string();
        const std::string stem = entry.path().stem().string();
        const std::string extension = entry.path().extension().string();
        const bool ours = (extension == ".dta" || extension == ".tmp") && stem.size() == 32 &&
                          stem.find_first_not_of("0123456789abcdef") == std::string::npos;
        std::error_code fileError;
        if (!ours || !entry.is_regular_file(fileError) || referenced.contains(name)) {
            continue;
        }
        const auto modified = entry.last_write_time(fileError);
        if (fileError || now - modified < minAge) {
            continue;
        }
        std::error_code sizeError;
        const auto size = entry.file_size(sizeError);
        if (std::filesystem::remove(entry.path(), fileError)) {
            ++report.removedFiles;
            report.removedBytes += sizeError ? 0 : static_cast<std::int64_t>(size);
        }
    }
    if (ec) {
        return Status(ErrorCode::IoError, "list attachments: " + ec.message());
    }
    return report;
}

}  // namespace dantoc::client
