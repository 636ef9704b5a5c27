// HttpTransport against the real dantoc-server over TLS: the certificate fingerprint fetched on first use matches
// what `init` printed; a wrong pin is refused before any request; login, forced password change, ErrorResponse
// decoding, and a 401 answered by one refresh and retry.
#include "QtApp.h"
#include "core/sync/HttpTransport.h"
#include "support/FlowAccounts.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>

using dantoc::client::sync::HttpTransport;
using dantoc::test::FlowAccounts;
using dantoc::test::TestServer;

namespace {

TestServer::Options demoOptions()
{
    TestServer::Options options;
    options.initArgs = {"--demo"};
    return options;
}

QUrl urlOf(const TestServer& server)
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
}

}  // namespace

TEST_CASE("fingerprint on first use equals the one the server printed; a wrong pin is refused")
{
    dantoc::test::ensureQtApp();
    TestServer server(demoOptions());
    REQUIRE(server.started());
    FlowAccounts accounts(server);

    auto fetched = HttpTransport::fetchFingerprint(urlOf(server));
    REQUIRE(fetched.isOk());
    CHECK(HttpTransport::normalizeFingerprint(*fetched) == HttpTransport::normalizeFingerprint(server.fingerprint()));
    CHECK_FALSE(HttpTransport::normalizeFingerprint(*fetched).empty());

    CHECK(HttpTransport::normalizeFingerprint("zz") == "");
    CHECK(HttpTransport::fetchFingerprint(QUrl(QStringLiteral("http://127.0.0.1:1"))).status().code() ==
          dantoc::ErrorCode::InvalidArgument);

    // Flip one hex digit of the real fingerprint: the login must not go through.
    std::string wrong = HttpTransport::normalizeFingerprint(server.fingerprint());
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    HttpTransport bad(urlOf(server), wrong);
    auto refused = bad.login("xa02683", accounts.password("xa02683"));
    CHECK_FALSE(refused.isOk());
    CHECK(bad.lastError().code == "pin_mismatch");
    CHECK(bad.accessToken().empty());

    HttpTransport none(urlOf(server), "");
    CHECK_FALSE(none.login("xa02683", accounts.password("xa02683")).isOk());
    CHECK(none.lastError().code == "pin_mismatch");
}

TEST_CASE("login, forced password change, error decoding and the 401 refresh path")
{
    dantoc::test::ensureQtApp();
    TestServer server(demoOptions());
    REQUIRE(server.started());
    FlowAccounts accounts(server);
    HttpTransport transport(urlOf(server), server.fingerprint());

    auto wrongPassword = transport.login("xa02683", "sai-mat-khau");
    CHECK_FALSE(wrongPassword.isOk());
    CHECK(wrongPassword.status().code() == dantoc::ErrorCode::Unauthenticated);
    CHECK(transport.lastError().status == 401);
    CHECK(transport.lastError().code == "unauthenticated");

    auto login = transport.login("xa02683", accounts.password("xa02683"));
    REQUIRE(login.isOk());
    CHECK((*login)["must_change_password"] == true);
    CHECK_FALSE(transport.accessToken().empty());

    const std::string newPassword = FlowAccounts::newPasswordFor("xa02683");
    auto changed = transport.changePassword(accounts.password("xa02683"), newPassword);
    REQUIRE(changed.isOk());
    CHECK((*changed)["must_change_password"] == false);

    auto me = transport.request("GET", QStringLiteral("/api/v1/me"));
    REQUIRE(me.isOk());
    CHECK(me->status == 200);
    CHECK(me->body.contains("xa02683"));

    // A bad access token with a good refresh token: one refresh, the same request again, new tokens handed out.
    int refreshed = 0;
    transport.setTokensChangedHandler([&](const std::string&, const std::string&) { ++refreshed; });
    const std::string oldRefresh = transport.refreshToken();
    transport.setTokens("not-a-valid-token", oldRefresh);
    auto again = transport.request("GET", QStringLiteral("/api/v1/me"));
    REQUIRE(again.isOk());
    CHECK(again->status == 200);
    CHECK(refreshed == 1);
    CHECK(transport.accessToken() != "not-a-valid-token");

    // Both tokens bad: the refresh fails and the error says unauthenticated; no loop.
    transport.setTokens("not-a-valid-token", "not-a-refresh-token");
    auto denied = transport.request("GET", QStringLiteral("/api/v1/me"));
    CHECK_FALSE(denied.isOk());
    CHECK(denied.status().code() == dantoc::ErrorCode::Unauthenticated);
    CHECK(refreshed == 1);
}
