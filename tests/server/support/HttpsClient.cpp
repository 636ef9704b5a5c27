#include "support/HttpsClient.h"

#include "tls/SelfSignedCertificate.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <vector>

namespace dantoc::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

namespace {

// The OpenAPI conformance trace (tests/server/openapi/check_openapi.py): with DANTOC_API_TRACE set, every exchange
// is appended to that file as one JSON line, bodies only when they are small UTF-8 JSON text.
void traceExchange(const std::string& method, const std::string& target,
                   const std::map<std::string, std::string>& requestHeaders, const std::string& requestBody,
                   const HttpResult& result)
{
    const char* file = std::getenv("DANTOC_API_TRACE");
    if (file == nullptr || *file == '\0' || result.status == 0) {
        return;
    }
    auto jsonText = [](const std::string& body) -> nlohmann::json {
        if (body.empty() || body.size() > 256 * 1024) {
            return nullptr;
        }
        nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
        return parsed.is_discarded() ? nlohmann::json(nullptr) : parsed;
    };
    nlohmann::json sent = nlohmann::json::object();
    for (const auto& [name, value] : requestHeaders) {
        std::string lower = name;
        for (char& c : lower) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (lower != "authorization") {
            sent[lower] = value;
        }
    }
    nlohmann::json line = {{"method", method},
                           {"target", target},
                           {"request_headers", sent},
                           {"request_body_size", requestBody.size()},
                           {"request_json", jsonText(requestBody)},
                           {"status", result.status},
                           {"response_headers", result.headers},
                           {"response_json", jsonText(result.body)}};
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ignored);
    std::ofstream out(file, std::ios::app);
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

struct HttpsClient::Impl {
    std::string host;
    std::uint16_t port;
    std::string fingerprint;
    int maxTlsVersion;
    net::io_context io;
    ssl::context tls{ssl::context::tls_client};
    std::optional<beast::ssl_stream<beast::tcp_stream>> stream;
    beast::flat_buffer buffer;

    std::string connect()
    {
        stream.reset();
        buffer.clear();
        if (maxTlsVersion) {
            SSL_CTX_set_max_proto_version(tls.native_handle(), maxTlsVersion);
            SSL_CTX_set_min_proto_version(tls.native_handle(), 0);
            SSL_CTX_set_security_level(tls.native_handle(), 0);
        }
        tls.set_verify_mode(ssl::verify_peer);
        // Pinning: accept exactly the leaf whose fingerprint we expect, nothing else.
        const std::string expected = fingerprint;
        tls.set_verify_callback([expected](bool, ssl::verify_context& ctx) {
            X509* cert = X509_STORE_CTX_get_current_cert(ctx.native_handle());
            if (X509_STORE_CTX_get_error_depth(ctx.native_handle()) != 0) {
                return true;  // self-signed: depth 0 is the only certificate
            }
            const int len = i2d_X509(cert, nullptr);
            if (len <= 0) {
                return false;
            }
            std::vector<unsigned char> der(static_cast<std::size_t>(len));
            unsigned char* cursor = der.data();
            i2d_X509(cert, &cursor);
            return server::fingerprintOfDer(der.data(), der.size()) == expected;
        });
        stream.emplace(io, tls);
        beast::error_code ec;
        tcp::resolver resolver(io);
        auto endpoints = resolver.resolve(host, std::to_string(port), ec);
        if (ec) {
            return "resolve: " + ec.message();
        }
        beast::get_lowest_layer(*stream).expires_after(std::chrono::seconds(10));
        beast::get_lowest_layer(*stream).connect(endpoints, ec);
        if (ec) {
            return "connect: " + ec.message();
        }
        beast::get_lowest_layer(*stream).socket().set_option(tcp::no_delay(true), ec);
        // SNI (the macro SSL_set_tlsext_host_name uses a C cast)
        SSL_ctrl(stream->native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(host.c_str()));
        stream->handshake(ssl::stream_base::client, ec);
        if (ec) {
            stream.reset();
            return "handshake: " + ec.message();
        }
        return {};
    }
};

HttpsClient::HttpsClient(std::string host, std::uint16_t port, std::string pinnedFingerprint, int maxTlsVersion)
    : m_impl(std::make_unique<Impl>())
{
    m_impl->host = std::move(host);
    m_impl->port = port;
    m_impl->fingerprint = std::move(pinnedFingerprint);
    m_impl->maxTlsVersion = maxTlsVersion;
}

HttpsClient::~HttpsClient() = default;

void HttpsClient::close()
{
    if (m_impl->stream) {
        beast::error_code ignored;
        beast::get_lowest_layer(*m_impl->stream).expires_after(std::chrono::seconds(2));
        m_impl->stream->shutdown(ignored);
        m_impl->stream.reset();
    }
}

HttpResult HttpsClient::request(const std::string& method, const std::string& target, const std::string& body,
                                const std::map<std::string, std::string>& headers)
{
    HttpResult result;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool reused = m_impl->stream.has_value();
        if (!reused) {
            result.error = m_impl->connect();
            if (!result.error.empty()) {
                return result;
            }
        }
        http::request<http::string_body> req{http::string_to_verb(method), target, 11};
        req.set(http::field::host, m_impl->host);
        req.set(http::field::user_agent, "dantoc-test");
        if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
            req.set(http::field::content_type, "application/json");
        }
        for (const auto& [name, value] : headers) {
            req.set(name, value);
        }
        req.body() = body;
        req.prepare_payload();
        beast::error_code ec;
        beast::get_lowest_layer(*m_impl->stream).expires_after(std::chrono::seconds(30));
        http::write(*m_impl->stream, req, ec);
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        // Even if writing failed (the server may answer 413 and stop reading early), read what it answered.
        const bool writeFailed = static_cast<bool>(ec);
        ec = {};
        http::read(*m_impl->stream, m_impl->buffer, parser, ec);
        if (ec && writeFailed && parser.is_header_done()) {
            ec = {};
        }
        if (ec) {
            m_impl->stream.reset();
            if (reused) {
                continue;  // the server closed an idle keep-alive connection: reconnect once
            }
            result.error = ec.message();
            return result;
        }
        auto res = parser.release();
        result.status = static_cast<int>(res.result_int());
        result.body = res.body();
        for (const auto& field : res) {
            std::string name(field.name_string());
            for (char& c : name) {
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            result.headers[name] = std::string(field.value());
        }
        if (!res.keep_alive()) {
            close();
        }
        std::map<std::string, std::string> sentHeaders = headers;
        if (!sentHeaders.count("Content-Type") && req.count(http::field::content_type)) {
            sentHeaders["content-type"] = std::string(req[http::field::content_type]);
        }
        traceExchange(method, target, sentHeaders, body, result);
        return result;
    }
    return result;
}

std::string HttpsClient::rawExchange(const std::string& bytes)
{
    close();
    if (!m_impl->connect().empty()) {
        return {};
    }
    beast::error_code ec;
    beast::get_lowest_layer(*m_impl->stream).expires_after(std::chrono::seconds(15));
    net::write(*m_impl->stream, net::buffer(bytes), ec);
    std::string out;
    char buf[4096];
    while (!ec) {
        const std::size_t n = m_impl->stream->read_some(net::buffer(buf), ec);
        out.append(buf, n);
    }
    m_impl->stream.reset();
    return out;
}

HttpResult HttpsClient::get(const std::string& target, const std::string& token)
{
    std::map<std::string, std::string> headers;
    if (!token.empty()) {
        headers["Authorization"] = "Bearer " + token;
    }
    return request("GET", target, {}, headers);
}

HttpResult HttpsClient::post(const std::string& target, const std::string& body, const std::string& token)
{
    std::map<std::string, std::string> headers;
    if (!token.empty()) {
        headers["Authorization"] = "Bearer " + token;
    }
    return request("POST", target, body, headers);
}

std::string rawTcpExchange(const std::string& host, std::uint16_t port, const std::string& bytes)
{
    net::io_context io;
    beast::tcp_stream stream(io);
    tcp::resolver resolver(io);
    beast::error_code ec;
    stream.expires_after(std::chrono::seconds(10));
    stream.connect(resolver.resolve(host, std::to_string(port), ec), ec);
    if (ec) {
        return {};
    }
    net::write(stream.socket(), net::buffer(bytes), ec);
    std::string out;
    char buf[4096];
    for (;;) {
        const std::size_t n = stream.socket().read_some(net::buffer(buf), ec);
        out.append(buf, n);
        if (ec) {
            break;
        }
    }
    return out;
}

}  // namespace dantoc::test
