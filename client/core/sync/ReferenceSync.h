// ReferenceSync: brings the store's reference data from the enrolled server (issue 14): form templates, catalogs,
// units and periods, each list asked with the ETag stored for it (If-None-Match; 304 = unchanged, nothing fetched),
// then the new form versions and changed catalogs one by one. Every answer is checked before anything is written;
// then everything is written in ONE transaction with the new ETags, so a bad answer changes nothing. Form
// templates are only added or replaced per (id, version), never deleted: a draft on an older version keeps
// opening and validating against its own version. Blocking (HttpTransport). Not thread-safe: the Connection's
// thread.
#pragma once

#include "core/Connection.h"
#include "core/sync/HttpTransport.h"

#include "base/Result.h"

#include <cstddef>

namespace dantoc::client::sync {

// How many of each kind one run wrote: form versions added or replaced, catalogs added, replaced or removed,
// units and periods added, changed or removed. All zero when the server answered 304 everywhere.
struct ReferenceStats
{
    std::size_t forms = 0;
    std::size_t catalogs = 0;
    std::size_t units = 0;
    std::size_t periods = 0;

    std::size_t total() const { return forms + catalogs + units + periods; }
};

class ReferenceSync
{
public:
    // Where the ETag of each list is kept (sync_meta, "reference_etag:<kind>"); each form version's and
    // catalog's own ETag is in its row (form_templates.etag, catalogs.etag). StoreFactory::seed clears these keys:
    // a re-seeded store must ask for everything again.
    static constexpr const char* kEtagKeyPrefix = "reference_etag:";

    ReferenceSync(Connection& connection, HttpTransport& transport)
        : m_connection(connection), m_transport(transport)
    {
    }

    // One refresh of the four kinds. Errors: the transport's (Unavailable for network and 5xx, Unauthenticated,
    // PermissionDenied), and Unavailable naming what was wrong for an answer that cannot be used (not the JSON
    // expected, a template that does not parse or names another id/version, a catalog its loader refuses, a
    // listed version the server then does not serve). Nothing is written on any error.
    Result<ReferenceStats> run();

    // Removes the stored list ETags (so the next run asks for every list again). Part of the caller's
    // transaction when there is one.
    static Status forgetEtags(Connection& connection);

private:
    struct Plan;
    Status planForms(Plan& plan);
    Status planCatalogs(Plan& plan);
    Status planUnits(Plan& plan);
    Status planPeriods(Plan& plan);
    Status write(const Plan& plan);

    Connection& m_connection;
    HttpTransport& m_transport;
};

}  // namespace dantoc::client::sync
