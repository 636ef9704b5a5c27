#include "http/RequestConversion.h"

#include <boost/beast/http/field.hpp>
#include <boost/beast/version.hpp>

#include <cctype>

namespace dantoc::server {

namespace http = boost::beast::http;

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

std::string percentDecode(boost::beast::string_view text, bool plusIsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += (plusIsSpace && c == '+') ? ' ' : c;
    }
    return out;
}

std::string decodePath(boost::beast::string_view target)
{
    const auto q = target.find('?');
    return percentDecode(q == boost::beast::string_view::npos ? target : target.substr(0, q), false);
}

ApiRequest toApiRequest(const http::request<http::string_body>& request, const std::string& remoteAddress)
{
    ApiRequest api;
    api.method = std::string(request.method_string());
    const auto target = request.target();
    api.path = decodePath(target);
    const auto q = target.find('?');
    if (q != boost::beast::string_view::npos) {
        auto query = target.substr(q + 1);
        while (!query.empty()) {
            const auto amp = query.find('&');
            const auto pair = query.substr(0, amp);
            const auto eq = pair.find('=');
            const std::string key = percentDecode(pair.substr(0, eq), true);
            const std::string value =
                eq == boost::beast::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), true);
            if (!key.empty()) {
                api.query.emplace(key, value);  // first occurrence wins
            }
            if (amp == boost::beast::string_view::npos) {
                break;
            }
            query = query.substr(amp + 1);
        }
    }
    for (const auto& field : request) {
        std::string name(field.name_string());
        for (char& c : name) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        api.headers[name] = std::string(field.value());
    }
    if (const auto* auth = api.header("authorization")) {
        static const std::string kBearer = "Bearer ";
        if (auth->size() > kBearer.size() && auth->compare(0, kBearer.size(), kBearer) == 0) {
            api.bearerToken = auth->substr(kBearer.size());
        }
    }
    api.body = request.body();
    api.remoteAddress = remoteAddress;
    return api;
}

http::response<http::string_body> toBeastResponse(const ApiResponse& api, unsigned version, bool close)
{
    http::response<http::string_body> response{static_cast<http::status>(api.status), version};
    response.set(http::field::server, "dantoc-server");
    // An answer without a body (304, HEAD, 204) has no media type: naming application/json for nothing misleads a
    // validating client.
    if (!api.body.empty()) {
        response.set(http::field::content_type, api.contentType);
    }
    response.set(http::field::cache_control, "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : api.headers) {
        response.set(name, value);
    }
    response.keep_alive(!close);
    response.body() = api.body;
    response.prepare_payload();
    return response;
}

}  // namespace dantoc::server
