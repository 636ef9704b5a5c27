// SyncProblems: the records the server refused, flagged as conflicting, or parked, each with its reason, as the
// desk's problems panel and `dantoc status` list them (issue 14: "every record the server refused or parked listed
// with its reason"). Read from the store alone. Stateless reader; thread-safety is the Connection's.
#pragma once

#include "core/Connection.h"

#include "base/Result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dantoc::client::sync {

struct SyncProblem
{
    enum class Kind { Rejected, Conflict, Deferred };
    Kind kind = Kind::Rejected;
    std::string recordId;
    std::string formId;
    std::string unit;
    std::string period;
    std::string code;       // rejected: the server's code (out_of_scope ...); deferred: the reason; conflict: "conflict"
    std::string messageVi;  // the server's own text, when it sent one
    std::string messageEn;
    std::int64_t at = 0;    // unix ms of the answer (0 for a deferred op)
};

// Why, in Vietnamese and English: the server's own text when it sent one (rejections), else a fixed sentence for
// the conflict and the deferral reasons (awaiting_attachment, out_of_order, busy), else the code itself.
struct ProblemText
{
    std::string vi;
    std::string en;
};
ProblemText describeProblem(const SyncProblem& problem);

// Newest first; one row per record and kind (its latest answer). Records whose flags were cleared (saved again,
// resolved) are not listed.
Result<std::vector<SyncProblem>> readSyncProblems(Connection& connection);

}  // namespace dantoc::client::sync
