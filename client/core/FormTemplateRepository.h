// FormTemplateRepository: the form templates this store knows (table form_templates), each (id, version) kept as
// its JSON text with the server's ETag; seeded from resources/forms offline, replaced by what sync pulls. Parsed
// templates come from the process-wide FormTemplateCache.
// Not thread-safe (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include "base/Result.h"
#include "forms/FormTemplate.h"

#include <memory>
#include <string>
#include <vector>

namespace dantoc::client {

struct StoredFormTemplate
{
    std::string id;
    int version = 0;
    std::string body;  // the template JSON
    std::string etag;  // "" when not from a server
};

class FormTemplateRepository
{
public:
    explicit FormTemplateRepository(Connection& connection) : m_connection(connection) {}

    // Inserts or replaces one template. InvalidArgument when the body is not a valid template or its id/version
    // differ from the given ones.
    Status put(const StoredFormTemplate& form);
    // version 0: the highest version of `id`. NotFound when absent.
    Result<StoredFormTemplate> get(const std::string& id, int version = 0);
    // The parsed template, shared and immutable. The row is read every time (a template replaced by sync, even
    // under the same id and version, is seen at once) and parsed only when its text differs from the one last
    // parsed for that (id, version) (FormTemplateCache): parsing a 24 KB template was most of a bulk import.
    Result<std::shared_ptr<const forms::FormTemplate>> loadShared(const std::string& id, int version = 0);
    // A copy of it (cheaper than a parse: no JSON, no expression compiling).
    Result<forms::FormTemplate> load(const std::string& id, int version = 0);
    // Every template, by id then version.
    Result<std::vector<StoredFormTemplate>> list();
    // Replaces every template in one transaction: all are checked first; on any error nothing changes.
    Status replaceAll(const std::vector<StoredFormTemplate>& forms);

private:
    Connection& m_connection;
};

}  // namespace dantoc::client
