// Login, lockout, token expiry and forgery, must-change-password gating, refresh rotation, logout: the real
// AuthService over the real SQLite store, time from a ManualClock.
#include "support/ApiFixture.h"

using dantoc::test::ApiFixture;
using nlohmann::json;

TEST_CASE("login with the right password gives tokens; a wrong password or unknown user gives 401")
{
    ApiFixture f;
    auto ok = f.login("admin", f.passwords["admin"]);
    REQUIRE(ok["_status"] == 200);
    CHECK(ok["token_type"] == "Bearer");
    CHECK(ok["access_token"].get<std::string>().size() >= 43);  // 256 bits, base64url
    CHECK(ok["must_change_password"] == true);

    auto wrong = f.login("admin", "not-the-password");
    CHECK(wrong["_status"] == 401);
    CHECK(wrong["error"]["code"] == "unauthenticated");
    auto unknown = f.login("nobody", "whatever");
    CHECK(unknown["_status"] == 401);
    CHECK(unknown["error"]["message"] == wrong["error"]["message"]);  // no username enumeration
}

TEST_CASE("after five failures each try of that account from that address waits longer, even the right password")
{
    ApiFixture f;
    for (int i = 0; i < 5; ++i) {
        CHECK(f.login("xa02683", "wrong-" + std::to_string(i))["_status"] == 401);
    }
    auto throttled = f.call("POST", "/api/v1/auth/login",
                            json{{"username", "xa02683"}, {"password", f.passwords["xa02683"]}}.dump());
    CHECK(throttled.status == 429);
    CHECK(ApiFixture::errorCode(throttled) == "locked_out");
    std::string retryAfter;
    for (const auto& [name, value] : throttled.headers) {
        retryAfter = name == "Retry-After" ? value : retryAfter;
    }
    CHECK(retryAfter == "1");  // backoff starts at one second, not a 15-minute lock
    // Another account is not affected.
    CHECK(f.login("xa02647", f.passwords["xa02647"])["_status"] == 200);

    // The wait over, one more wrong try doubles it; once that is over the right password works.
    f.clock.advance(1000);
    CHECK(f.login("xa02683", "wrong-again")["_status"] == 401);
    auto longer = f.call("POST", "/api/v1/auth/login",
                         json{{"username", "xa02683"}, {"password", f.passwords["xa02683"]}}.dump());
    CHECK(longer.status == 429);
    f.clock.advance(2000);
    CHECK(f.login("xa02683", f.passwords["xa02683"])["_status"] == 200);

    // Failures are audited per attempt.
    auto entries = f.app().store().listAudit({std::nullopt, std::string("auth.login_failed"), std::nullopt,
                                              std::nullopt, std::nullopt, 0, 100});
    REQUIRE(entries.isOk());
    CHECK(entries->size() == 6);
}

TEST_CASE("four failures spread over more than 15 minutes do not lock")
{
    ApiFixture f;
    for (int i = 0; i < 8; ++i) {
        CHECK(f.login("viewer", "wrong")["_status"] == 401);
        f.clock.advance(4 * 60'000);  // at most 4 failures in any 15-minute window
    }
    CHECK(f.login("viewer", f.passwords["viewer"])["_status"] == 200);
}

TEST_CASE("must_change_password: every other endpoint answers 403 until the password is changed")
{
    ApiFixture f;
    auto first = f.login("admin", f.passwords["admin"]);
    const std::string token = first["access_token"];
    auto gated = f.call("GET", "/api/v1/admin/accounts", {}, token);
    CHECK(gated.status == 403);
    CHECK(ApiFixture::errorCode(gated) == "password_change_required");
    CHECK(f.call("GET", "/api/v1/me", {}, token).status == 200);

    // Policy: too short, and same as before, are refused.
    auto tooShort = f.call("POST", "/api/v1/auth/password",
                           json{{"current_password", f.passwords["admin"]}, {"new_password", "abc1"}}.dump(), token);
    CHECK(tooShort.status == 400);
    CHECK(ApiFixture::errorCode(tooShort) == "password_policy");
    auto wrongCurrent = f.call("POST", "/api/v1/auth/password",
                               json{{"current_password", "nope"}, {"new_password", "Mot-mat-khau-dai-1"}}.dump(), token);
    CHECK(wrongCurrent.status == 403);

    auto changed = f.call("POST", "/api/v1/auth/password",
                          json{{"current_password", f.passwords["admin"]}, {"new_password", "Mot-mat-khau-dai-1"}}.dump(),
                          token);
    REQUIRE(changed.status == 200);
    const std::string fresh = json::parse(changed.body)["access_token"];
    CHECK(f.call("GET", "/api/v1/admin/accounts", {}, fresh).status == 200);
    // The old token was revoked by the change.
    CHECK(f.call("GET", "/api/v1/me", {}, token).status == 401);
    CHECK(f.login("admin", "Mot-mat-khau-dai-1")["must_change_password"] == false);
}

TEST_CASE("forged, missing and expired tokens get 401")
{
    ApiFixture f;
    const std::string token = f.ready("admin");
    CHECK(f.call("GET", "/api/v1/me", {}, token).status == 200);
    auto forged = f.call("GET", "/api/v1/me", {}, std::string(43, 'A'));
    CHECK(forged.status == 401);
    CHECK(ApiFixture::errorCode(forged) == "unauthenticated");
    CHECK(f.call("GET", "/api/v1/me").status == 401);
    auto tampered = token;
    tampered[5] = tampered[5] == 'x' ? 'y' : 'x';
    CHECK(f.call("GET", "/api/v1/me", {}, tampered).status == 401);

    f.clock.advance(15 * 60'000 + 1);
    CHECK(f.call("GET", "/api/v1/me", {}, token).status == 401);
}

TEST_CASE("refresh rotates the pair; the old refresh token and a refresh token used as access token fail")
{
    ApiFixture f;
    f.ready("viewer");
    auto login = f.login("viewer", f.passwords["viewer"]);
    const std::string refresh = login["refresh_token"];
    CHECK(f.call("GET", "/api/v1/me", {}, refresh).status == 401);
    f.clock.advance(20 * 60'000);  // access token expired, refresh token still valid
    auto rotated = f.call("POST", "/api/v1/auth/refresh", json{{"refresh_token", refresh}}.dump());
    REQUIRE(rotated.status == 200);
    const std::string access = json::parse(rotated.body)["access_token"];
    CHECK(f.call("GET", "/api/v1/me", {}, access).status == 200);
    CHECK(f.call("POST", "/api/v1/auth/refresh", json{{"refresh_token", refresh}}.dump()).status == 401);
    f.clock.advance(dantoc::sync::tuning::kRefreshTokenLifetimeMillis + 1);  // the rotated refresh token expires
    const std::string refresh2 = json::parse(rotated.body)["refresh_token"];
    CHECK(f.call("POST", "/api/v1/auth/refresh", json{{"refresh_token", refresh2}}.dump()).status == 401);
}

TEST_CASE("logout revokes the session at once")
{
    ApiFixture f;
    const std::string token = f.ready("viewer");
    CHECK(f.call("POST", "/api/v1/auth/logout", {}, token).status == 200);
    CHECK(f.call("GET", "/api/v1/me", {}, token).status == 401);
}

TEST_CASE("hostile login bodies: malformed JSON, duplicate keys, wrong types, unknown fields are 400")
{
    ApiFixture f;
    auto post = [&](const std::string& body) { return f.call("POST", "/api/v1/auth/login", body); };
    CHECK(post("{\"username\": ").status == 400);
    CHECK(ApiFixture::errorCode(post("{\"username\": ")) == "malformed_json");
    CHECK(post(R"({"username":"admin","username":"viewer","password":"x"})").status == 400);
    CHECK(post(R"({"username":42,"password":"x"})").status == 400);
    CHECK(post(R"({"username":"admin","password":["x"]})").status == 400);
    CHECK(post(R"({"username":"admin","password":"x","admin":true})").status == 400);
    CHECK(post(R"(["admin","x"])").status == 400);
    CHECK(post(std::string(1000, '[') + std::string(1000, ']')).status == 400);
    CHECK(post("").status == 400);
}

TEST_CASE("metrics are served to loopback only by default")
{
    ApiFixture f;
    dantoc::server::ApiRequest request;
    request.method = "GET";
    request.path = "/metrics";
    request.remoteAddress = "10.1.2.3";
    CHECK(f.app().router()->dispatch(request).status == 403);
    request.remoteAddress = "127.0.0.1";
    CHECK(f.app().router()->dispatch(request).status == 200);
}
