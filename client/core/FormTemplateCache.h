// FormTemplateCache: parsed form templates shared by everything in the process, keyed by (id, version) and checked
// against the stored JSON text, so a template is parsed once however many entries, imports, validations and
// screens use it (issue 14: an imported entry used to parse its template four times), and a row replaced with
// another text for the same (id, version) is parsed again. Bounded (kMaxEntries, least recently used out).
// Thread-safe: the GUI thread and the sync worker may call it at once; the templates it hands out are immutable.
#pragma once

#include "base/Result.h"
#include "forms/FormTemplate.h"

#include <cstdint>
#include <memory>
#include <string>

namespace dantoc::client {

class FormTemplateCache
{
public:
    static constexpr std::size_t kMaxEntries = 64;

    // The parsed template of `body`, stored as (id, version): from the cache when the same text was parsed
    // before, else parsed now (a parse error is returned and nothing is cached).
    static Result<std::shared_ptr<const forms::FormTemplate>> parse(const std::string& id, int version,
                                                                     const std::string& body);
    // How many parses the cache has run since the process started (tests and benchmarks).
    static std::uint64_t parseCount();
    // Forgets every entry (tests).
    static void clear();
};

}  // namespace dantoc::client
