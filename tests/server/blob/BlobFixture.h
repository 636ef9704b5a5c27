// BlobFixture: SyncFixture (the real server in-process) plus helpers for the attachment routes of
// sync-protocol.md §8: start, HEAD, PATCH one chunk (whole, or the part that arrived before a cut), GET with Range,
// and a record that references a file. For the server's blob tests; not thread-safe.
#pragma once

#include "sync/SyncFixture.h"

#include "blob/BlobFiles.h"
#include "sync/BlobMessages.h"
#include "sync/SyncTuning.h"

#include <cstdint>
#include <string>

namespace dantoc::test {

// Deterministic, non-repeating bytes (a different `seed` gives a different file of the same size).
inline std::string blobBytes(std::size_t size, unsigned seed = 1)
{
    std::string out(size, '\0');
    std::uint32_t x = 2463534242u ^ seed;
    for (char& c : out) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x & 0xff);
    }
    return out;
}

inline std::string sha256Of(const std::string& bytes) { return server::BlobFiles::sha256Hex(bytes); }

class BlobFixture : public SyncFixture
{
public:
    server::ApiResponse request(const std::string& method, const std::string& path, const std::string& token,
                                const std::string& body = {}, std::map<std::string, std::string> headers = {},
                                bool truncated = false)
    {
        server::ApiRequest r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.bearerToken = token;
        r.headers = std::move(headers);
        r.remoteAddress = "127.0.0.1";
        r.bodyTruncated = truncated;
        return app().router()->dispatch(r);
    }

    // A fresh access token for an account whose password ready() already changed.
    std::string login(const std::string& username)
    {
        auto answer = call("POST", "/api/v1/auth/login",
                           nlohmann::json{{"username", username}, {"password", passwords.at(username)}}.dump());
        REQUIRE(answer.status == 200);
        return nlohmann::json::parse(answer.body)["access_token"].get<std::string>();
    }

    server::ApiResponse start(const std::string& token, const std::string& sha, std::uint64_t size)
    {
        return request("POST", "/api/v1/sync/blobs", token, nlohmann::json{{"sha256", sha}, {"size", size}}.dump());
    }
    sync::BlobUploadStatus startOk(const std::string& token, const std::string& sha, std::uint64_t size)
    {
        return statusOf(start(token, sha, size));
    }
    server::ApiResponse head(const std::string& token, const std::string& sha)
    {
        return request("HEAD", "/api/v1/sync/blobs/" + sha, token);
    }
    // One whole chunk `bytes` at `offset`, with its own checksum unless `checksum` is given.
    server::ApiResponse patch(const std::string& token, const std::string& sha, std::uint64_t offset,
                              const std::string& bytes, std::string checksum = {})
    {
        return request("PATCH", "/api/v1/sync/blobs/" + sha, token, bytes,
                       {{"content-type", "application/offset+octet-stream"},
                        {"upload-offset", std::to_string(offset)},
                        {"upload-checksum",
                         sync::formatChecksumHeader(checksum.empty() ? sha256Of(bytes) : checksum)}});
    }
    // The part of a chunk that arrived before the connection broke (the transport dispatches it truncated).
    server::ApiResponse patchCut(const std::string& token, const std::string& sha, std::uint64_t offset,
                                 const std::string& part)
    {
        return request("PATCH", "/api/v1/sync/blobs/" + sha, token, part,
                       {{"content-type", "application/offset+octet-stream"},
                        {"upload-offset", std::to_string(offset)}},
                       true);
    }
    server::ApiResponse get(const std::string& token, const std::string& sha, const std::string& range = {})
    {
        std::map<std::string, std::string> headers;
        if (!range.empty()) {
            headers["range"] = range;
        }
        return request("GET", "/api/v1/sync/blobs/" + sha, token, {}, std::move(headers));
    }

    // Uploads `bytes` from the durable offset to the end, chunk by chunk as a client would.
    sync::BlobUploadStatus uploadAll(const std::string& token, const std::string& bytes)
    {
        const std::string sha = sha256Of(bytes);
        sync::BlobUploadStatus status = startOk(token, sha, bytes.size());
        while (!status.complete && status.offset < bytes.size()) {
            const auto length = sync::chunkLengthAt(bytes.size(), status.offset);
            status = statusOf(patch(token, sha, status.offset, bytes.substr(status.offset, length)));
        }
        return status;
    }

    static sync::BlobUploadStatus statusOf(const server::ApiResponse& response)
    {
        REQUIRE_MESSAGE(response.status == 200, response.body);
        auto parsed = sync::parseBlobUploadStatus(nlohmann::json::parse(response.body));
        REQUIRE_MESSAGE(parsed.isOk(), parsed.status().message());
        return *parsed;
    }
    static std::string header(const server::ApiResponse& response, const std::string& name)
    {
        for (const auto& [key, value] : response.headers) {
            if (key == name) {
                return value;
            }
        }
        return {};
    }
};

inline const sync::FormRef kCommuneForm{"commune_survey", 1};  // has an attachment field, signed_scan
inline constexpr const char* kCommuneA = "02683";                // officer xa02683
inline constexpr const char* kYearPeriod = "2026";               // open, yearly (the commune form's period type)

// The attachment value an entry writes into an attachment field.
inline nlohmann::json attachmentValue(const std::string& sha, std::uint64_t size = 1)
{
    return nlohmann::json{{"sha256", sha}, {"name", "phieu.pdf"}, {"size", size}, {"mime", "application/pdf"}};
}

// A create of a commune questionnaire of `commune` on `device` whose signed_scan is `sha`, with blobs = {sha}.
inline sync::Operation createWithScan(Device& device, const std::string& recordId, const std::string& commune,
                                      const std::string& sha)
{
    sync::Operation create = device.create(recordId, nlohmann::json{{"signed_scan", attachmentValue(sha)}},
                                           commune, kYearPeriod);
    create.form = kCommuneForm;
    create.blobs = {sha};
    return create;
}

// A device of `token`'s account that creates a commune questionnaire of `commune` whose signed_scan is `sha` (the
// op's blobs name it); requires it applied and returns the record id.
inline std::string createRecordWithBlob(SyncFixture& f, const std::string& token, const std::string& commune,
                                        const std::string& sha)
{
    Device device(f, token);
    REQUIRE(device.registerSelf() == 201);
    const std::string recordId = newUuid();
    auto answer = device.push({createWithScan(device, recordId, commune, sha)});
    REQUIRE(answer.results.size() == 1);
    REQUIRE_MESSAGE(answer.results[0].kind == sync::OutcomeKind::Applied, answer.results[0].code);
    return recordId;
}

}  // namespace dantoc::test
