// Server-side validation of a record body with the shared engine (shared/validation), for the sync engine's
// decisions: which hard errors a body has, and which of them a merge introduced. Stateless; thread-safe.
#pragma once

#include "forms/ChoiceListResolver.h"
#include "forms/FormTemplate.h"
#include "store/RecordStore.h"
#include "validation/Issue.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace dantoc::server {

// The hard errors of `body` as the record `record` (unit, period, form) at `nowMillis`. Warnings' explanations
// (notes) stay on the device in protocol version 1, so "warning_unexplained" is not counted here: the client
// refuses to submit without them.
std::vector<validation::Issue> hardErrors(const forms::FormTemplate& form, const StoredRecord& record,
                                          const Json& body, const forms::ChoiceListResolver* choices,
                                          std::int64_t nowMillis);
// A key per error (field, row id, code, check) to compare error sets.
std::set<std::string> errorKeys(const std::vector<validation::Issue>& issues);
// "field: message; field: message" (at most three), for a rejection's detail.
std::string summarizeErrors(const std::vector<validation::Issue>& issues);

}  // namespace dantoc::server
