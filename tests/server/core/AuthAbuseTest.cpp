// Issue 19, findings 5, 6 and 7, through the real router, AuthService and SQLite store (time from a ManualClock; no
// timed assertions): an unknown user costs the same Argon2id work as a known one and is throttled alike; the
// backoff falls on the guessing account-and-address pair, so nobody can lock the owner out from elsewhere; the
// current-password check of /auth/password is throttled like logins; a refresh token used again after rotation
// revokes every session of its family.
#include "support/ApiFixture.h"

using dantoc::test::ApiFixture;
using nlohmann::json;

namespace {

dantoc::server::ApiResponse loginFrom(ApiFixture& f, const std::string& address, const std::string& username,
                                      const std::string& password)
{
    dantoc::server::ApiRequest request;
    request.method = "POST";
    request.path = "/api/v1/auth/login";
    request.body = json{{"username", username}, {"password", password}}.dump();
    request.remoteAddress = address;
    return f.app().router()->dispatch(request);
}

std::string retryAfter(const dantoc::server::ApiResponse& response)
{
    for (const auto& [name, value] : response.headers) {
        if (name == "Retry-After") {
            return value;
        }
    }
    return {};
}

// "$argon2id$v=19$m=…,t=…,p=…": the cost parameters of a libsodium hash string.
std::string costOf(const std::string& hash)
{
    std::size_t at = 0;
    for (int i = 0; i < 3 && at != std::string::npos; ++i) {  // the $ before the salt
        at = hash.find('$', at + 1);
    }
    return hash.substr(0, at);
}

std::size_t auditCount(ApiFixture& f, const std::string& action)
{
    auto entries =
        f.app().store().listAudit({std::nullopt, action, std::nullopt, std::nullopt, std::nullopt, 0, 1000});
    REQUIRE(entries.isOk());
    return entries->size();
}

}  // namespace

TEST_CASE("an unknown user is checked against a dummy hash of the real cost and throttled like a known one")
{
    ApiFixture f;
    auto& auth = f.app().auth();
    auto admin = f.app().store().accountByUsername("admin");
    REQUIRE(admin.isOk());
    REQUIRE(admin->has_value());
    CHECK(costOf(auth.dummyHash()) == costOf((*admin)->passwordHash));
    CHECK(costOf(auth.dummyHash()).find("$argon2id$") == 0);
    // With another cost the dummy follows it (the old fixed dummy was the cheapest Argon2id there is).
    const dantoc::server::AuthService costly(f.app().store(), f.clock, dantoc::server::PasswordHasher(2, 16 * 1024));
    CHECK(costOf(costly.dummyHash()) == "$argon2id$v=19$m=16,t=2,p=1");

    const std::uint64_t before = auth.dummyVerifications();
    for (int i = 0; i < 5; ++i) {
        auto unknown = loginFrom(f, "10.0.0.7", "nobody", "guess-" + std::to_string(i));
        auto known = loginFrom(f, "10.0.0.8", "admin", "guess-" + std::to_string(i));
        CHECK(unknown.status == 401);
        CHECK(known.status == 401);
        CHECK(unknown.body == known.body);
    }
    CHECK(auth.dummyVerifications() == before + 5);  // the known user's checks never take the dummy path

    // The sixth try answers 429 for both, with the same wait: the answer does not tell who exists.
    auto unknown = loginFrom(f, "10.0.0.7", "nobody", "guess");
    auto known = loginFrom(f, "10.0.0.8", "admin", "guess");
    CHECK(unknown.status == 429);
    CHECK(known.status == 429);
    CHECK(unknown.body == known.body);
    CHECK(retryAfter(unknown) == retryAfter(known));
    CHECK(auth.dummyVerifications() == before + 5);  // a throttled try verifies nothing
}

TEST_CASE("a guesser's failures slow its own address only: the admin logs in from elsewhere")
{
    ApiFixture f;
    const std::string password = f.passwords["admin"];
    // Eleven wrong guesses from one address, each as soon as the backoff lets it.
    for (int failures = 0; failures < 11;) {
        auto guess = loginFrom(f, "203.0.113.9", "admin", "guess-" + std::to_string(failures));
        if (guess.status == 429) {
            f.clock.advance(std::stoll(retryAfter(guess)) * 1000);
            continue;
        }
        CHECK(guess.status == 401);
        ++failures;
    }
    // The guesser's pair now waits over a minute (1 s doubled six times), and it keeps doubling.
    auto stillGuessing = loginFrom(f, "203.0.113.9", "admin", password);
    CHECK(stillGuessing.status == 429);
    CHECK(std::stoi(retryAfter(stillGuessing)) > 60);
    // The owner, from the office's address, is let in at once (no lock anyone can trigger) ...
    CHECK(loginFrom(f, "192.0.2.10", "admin", password).status == 200);
    // ... and that success does not give the guesser fresh tries.
    CHECK(loginFrom(f, "203.0.113.9", "admin", password).status == 429);

    // One address guessing many accounts is slowed on every account, also ones it never tried.
    for (int i = 0; i < 20; ++i) {
        (void)loginFrom(f, "198.51.100.4", "user" + std::to_string(i), "guess");
    }
    CHECK(loginFrom(f, "198.51.100.4", "viewer", f.passwords["viewer"]).status == 429);
    CHECK(loginFrom(f, "192.0.2.10", "viewer", f.passwords["viewer"]).status == 200);
}

TEST_CASE("wrong current passwords on /auth/password are throttled like logins, for a stolen token too")
{
    ApiFixture f;
    const std::string token = f.ready("xa02683");
    const std::string current = f.passwords["xa02683"];
    auto change = [&](const std::string& guess) {
        return f.call("POST", "/api/v1/auth/password",
                      json{{"current_password", guess}, {"new_password", "Mat-khau-moi-2027"}}.dump(), token);
    };
    for (int i = 0; i < 5; ++i) {
        auto wrong = change("guess-" + std::to_string(i));
        CHECK(wrong.status == 403);
        CHECK(ApiFixture::errorCode(wrong) == "wrong_password");
    }
    auto throttled = change(current);
    CHECK(throttled.status == 429);
    CHECK(retryAfter(throttled) == "1");
    CHECK(auditCount(f, "auth.password_change_failed") == 5);
    f.clock.advance(1000);
    CHECK(change(current).status == 200);
}

TEST_CASE("a refresh token used again after rotation revokes every session of its family, and only that family")
{
    ApiFixture f;
    f.ready("viewer");
    auto first = f.login("viewer", f.passwords["viewer"]);
    auto other = f.login("viewer", f.passwords["viewer"]);  // another device's login: its own family
    const std::string stolen = first["refresh_token"];
    auto rotated = f.call("POST", "/api/v1/auth/refresh", json{{"refresh_token", stolen}}.dump());
    REQUIRE(rotated.status == 200);
    const json pair = json::parse(rotated.body);
    auto again = f.call("POST", "/api/v1/auth/refresh", json{{"refresh_token", pair["refresh_token"]}}.dump());
    REQUIRE(again.status == 200);
    const json latest = json::parse(again.body);
    CHECK(f.call("GET", "/api/v1/me", {}, latest["access_token"]).status == 200);

    // The first refresh token comes back (a copy the thief kept): 401, and the family's live session dies too.
    auto reused = f.call("POST", "/api/v1/auth/refresh", json{{"refresh_token", stolen}}.dump());
    CHECK(reused.status == 401);
    CHECK(f.call("GET", "/api/v1/me", {}, latest["access_token"]).status == 401);
    CHECK(auditCount(f, "auth.refresh_reused") == 1);
    CHECK(f.call("POST", "/api/v1/auth/refresh", json{{"refresh_token", latest["refresh_token"]}}.dump()).status ==
          401);
    // The other login is another family: untouched.
    CHECK(f.call("GET", "/api/v1/me", {}, other["access_token"]).status == 200);
    CHECK(f.call("POST", "/api/v1/auth/refresh", json{{"refresh_token", other["refresh_token"]}}.dump()).status ==
          200);
}
