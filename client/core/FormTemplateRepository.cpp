#include "core/FormTemplateRepository.h"

#include "core/Transaction.h"

#include <map>
#include <mutex>
#include <utility>

namespace dantoc::client {

namespace {

Status checkTemplate(const StoredFormTemplate& form)
{
    auto parsed = forms::FormTemplate::parse(form.body);
    if (!parsed) {
        return {ErrorCode::InvalidArgument, "form " + form.id + ": " + parsed.status().message()};
    }
    if (parsed->id() != form.id || parsed->version() != form.version) {
        return {ErrorCode::InvalidArgument, "form " + form.id + " v" + std::to_string(form.version) +
                                                ": the template says " + parsed->id() + " v" +
                                                std::to_string(parsed->version())};
    }
    return Status::ok();
}

Status insert(Connection& connection, const StoredFormTemplate& form)
{
    auto stmt = connection.prepare("INSERT OR REPLACE INTO form_templates(id, version, body, etag) VALUES(?1, ?2, ?3, ?4)");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, form.id);
    if (status) status = stmt->bindInt64(2, form.version);
    if (status) status = stmt->bindText(3, form.body);
    if (status) status = form.etag.empty() ? stmt->bindNull(4) : stmt->bindText(4, form.etag);
    if (status) status = stmt->execute();
    return status;
}

}  // namespace

Status FormTemplateRepository::put(const StoredFormTemplate& form)
{
    if (Status status = checkTemplate(form); !status) {
        return status;
    }
    return insert(m_connection, form);
}

Result<StoredFormTemplate> FormTemplateRepository::get(const std::string& id, int version)
{
    auto stmt = m_connection.prepare(version > 0
                                         ? "SELECT id, version, body, etag FROM form_templates WHERE id = ?1 AND version = ?2"
                                         : "SELECT id, version, body, etag FROM form_templates WHERE id = ?1 "
                                           "ORDER BY version DESC LIMIT 1");
    if (!stmt) {
        return stmt.status();
    }
    Status status = stmt->bindText(1, id);
    if (status && version > 0) status = stmt->bindInt64(2, version);
    if (!status) {
        return status;
    }
    auto row = stmt->step();
    if (!row) {
        return row.status();
    }
    if (!*row) {
        return Status(ErrorCode::NotFound, "no form " + id + (version > 0 ? " v" + std::to_string(version) : ""));
    }
    return StoredFormTemplate{stmt->columnText(0), static_cast<int>(stmt->columnInt64(1)), stmt->columnText(2),
                              stmt->columnText(3)};
}

Result<forms::FormTemplate> FormTemplateRepository::load(const std::string& id, int version)
{
    auto stored = get(id, version);
    if (!stored) {
        return stored.status();
    }
    auto parsed = forms::FormTemplate::parse(stored->body);
    if (!parsed) {
        return Status(ErrorCode::Corruption, "stored form " + id + ": " + parsed.status().message());
    }
    return parsed;
}

namespace {

struct ParsedForm
{
    std::string body;
    std::shared_ptr<const forms::FormTemplate> form;
};

// Keyed by (id, version); a handful of templates in practice, so the cache is simply emptied past a bound.
std::mutex g_parsedMutex;
std::map<std::pair<std::string, int>, ParsedForm> g_parsed;  // guarded by g_parsedMutex
constexpr std::size_t kMaxParsedForms = 64;

}  // namespace

Result<std::shared_ptr<const forms::FormTemplate>> FormTemplateRepository::loadShared(const std::string& id,
                                                                                      int version)
{
    auto stored = get(id, version);
    if (!stored) {
        return stored.status();
    }
    const auto key = std::make_pair(stored->id, stored->version);
    {
        std::lock_guard lock(g_parsedMutex);
        if (auto it = g_parsed.find(key); it != g_parsed.end() && it->second.body == stored->body) {
            return it->second.form;
        }
    }
    auto parsed = forms::FormTemplate::parse(stored->body);
    if (!parsed) {
        return Status(ErrorCode::Corruption, "stored form " + id + ": " + parsed.status().message());
    }
    auto form = std::make_shared<const forms::FormTemplate>(std::move(*parsed));
    std::lock_guard lock(g_parsedMutex);
    if (g_parsed.size() >= kMaxParsedForms) {
        g_parsed.clear();
    }
    g_parsed[key] = ParsedForm{std::move(stored->body), form};
    return form;
}

Result<std::vector<StoredFormTemplate>> FormTemplateRepository::list()
{
    auto stmt = m_connection.prepare("SELECT id, version, body, etag FROM form_templates ORDER BY id, version");
    if (!stmt) {
        return stmt.status();
    }
    std::vector<StoredFormTemplate> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            return row.status();
        }
        if (!*row) {
            return out;
        }
        out.push_back({stmt->columnText(0), static_cast<int>(stmt->columnInt64(1)), stmt->columnText(2),
                       stmt->columnText(3)});
    }
}

Status FormTemplateRepository::replaceAll(const std::vector<StoredFormTemplate>& forms)
{
    for (const StoredFormTemplate& form : forms) {
        if (Status status = checkTemplate(form); !status) {
            return status;
        }
    }
    Transaction transaction(m_connection);
    if (!transaction.status()) {
        return transaction.status();
    }
    if (Status status = m_connection.exec("DELETE FROM form_templates"); !status) {
        return status;
    }
    for (const StoredFormTemplate& form : forms) {
        if (Status status = insert(m_connection, form); !status) {
            return status;
        }
    }
    return transaction.commit();
}

}  // namespace dantoc::client
