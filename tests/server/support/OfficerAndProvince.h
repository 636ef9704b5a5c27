// OfficerAndProvince: the real dantoc-server on the demo province with two synced devices, a commune officer's
// (xa02683 by default) and the provincial admin's, each logged in (default password changed) on its own pinned
// connection and registered. For end-to-end sync and review tests. Header-only; not thread-safe.
#pragma once

#include "support/FlowAccounts.h"
#include "support/SyncClientForTests.h"
#include "support/TestServer.h"

#include <doctest/doctest.h>

#include <string>

namespace dantoc::test {

struct OfficerAndProvince {
    static TestServer::Options demo()
    {
        TestServer::Options options;
        options.initArgs = {"--demo"};
        return options;
    }

    explicit OfficerAndProvince(const std::string& officerName = "xa02683")
        : server(demo()), accounts(server), httpO(server.client()), httpP(server.client()),
          officer(accounts.ready(httpO, officerName)), admin(accounts.ready(httpP, "admin")),
          o(httpO, officer.accessToken), p(httpP, admin.accessToken)
    {
        REQUIRE(server.started());
        REQUIRE_MESSAGE(officer.ok(), officer.error);
        REQUIRE_MESSAGE(admin.ok(), admin.error);
        REQUIRE(o.registerDevice() == 201);
        REQUIRE(p.registerDevice() == 201);
    }

    TestServer server;
    FlowAccounts accounts;
    HttpsClient httpO;  // the officer's connection
    HttpsClient httpP;  // the province's connection
    FlowSession officer;
    FlowSession admin;
    SyncClientForTests o;  // the officer's device
    SyncClientForTests p;  // the province's device
};

}  // namespace dantoc::test
