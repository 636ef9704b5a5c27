// Issue 19, finding 8: a JSON body that is not UTF-8 is the client's mistake, answered 400 with the offending byte,
// on every route that takes JSON (it was 500 "internal": the JSON library threw while echoing the bytes back).
// Real router and handlers over the real store.
#include "support/ApiFixture.h"

#include "sync/ZstdCodec.h"

using dantoc::test::ApiFixture;
using nlohmann::json;

namespace {

dantoc::server::ApiResponse send(ApiFixture& f, const std::string& method, const std::string& path,
                                 const std::string& body, const std::string& token,
                                 std::map<std::string, std::string> headers = {})
{
    dantoc::server::ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.bearerToken = token;
    request.headers = std::move(headers);
    request.remoteAddress = "127.0.0.1";
    return f.app().router()->dispatch(request);
}

}  // namespace

TEST_CASE("a JSON body with invalid UTF-8 is 400 naming the byte, on every JSON route, and changes nothing")
{
    ApiFixture f;
    const std::string token = f.ready("admin");
    // "Lào Cai" with its "à" cut after the first byte, a lone continuation byte, an overlong "/", a surrogate.
    const std::vector<std::string> bad = {std::string("{\"username\":\"L\xc3\",\"password\":\"x\"}"),
                                          std::string("{\"username\":\"\x80\"}"), std::string("{\"a\":\"\xc0\xaf\"}"),
                                          std::string("{\"a\":\"\xed\xa0\x80\"}")};
    const std::vector<std::pair<std::string, std::string>> routes = {
        {"POST", "/api/v1/auth/login"},      {"POST", "/api/v1/auth/password"}, {"POST", "/api/v1/admin/accounts"},
        {"POST", "/api/v1/sync/devices"},    {"POST", "/api/v1/sync/push"},     {"POST", "/api/v1/sync/pull"},
        {"POST", "/api/v1/sync/blobs"}};
    for (const auto& [method, path] : routes) {
        for (const std::string& body : bad) {
            CAPTURE(path);
            CAPTURE(body);
            auto answer = send(f, method, path, body, token);
            CHECK(answer.status == 400);
            CHECK(ApiFixture::errorCode(answer) == "invalid_utf8");
            const std::string message = json::parse(answer.body)["error"]["message"];
            CHECK(message.find("not valid UTF-8: byte " + std::to_string(body.find_first_of("\x80\xc0\xc3\xed"))) !=
                  std::string::npos);
        }
    }
    // Valid UTF-8 goes on to the handler as before (here: a wrong password for a real name with diacritics).
    auto fine = send(f, "POST", "/api/v1/auth/login", json{{"username", "Lào Cai"}, {"password", "x"}}.dump(), {});
    CHECK(fine.status == 401);
    // Nothing was created by the refused account creations.
    auto accounts = f.call("GET", "/api/v1/admin/accounts", {}, token);
    REQUIRE(accounts.status == 200);
    CHECK(accounts.body.find("\\ufffd") == std::string::npos);
}

TEST_CASE("a compressed sync body with invalid UTF-8 inside is 400, never 500")
{
    ApiFixture f;
    const std::string token = f.ready("xa02683");
    auto frame = dantoc::sync::zstdCompress(std::string("{\"device_id\":\"\xff\xfe\",\"ops\":[]}"));
    REQUIRE(frame.isOk());
    auto answer = send(f, "POST", "/api/v1/sync/push", *frame, token, {{"content-encoding", "zstd"}});
    CHECK(answer.status == 400);
    CHECK(json::parse(answer.body, nullptr, false).is_object());  // a well-formed error body, printable
}
