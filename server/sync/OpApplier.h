// OpApplier: runs one pushed operation that classifyOp() said to apply (sync-protocol.md §4, §6, §7) inside the
// push transaction: create, edit (three-way merge, conflicts stored, re-validation of merges), transition
// (workflow compare-and-set), comment and amend (a proposal, never applied). Everything the server decides is
// decided here from the stored record, never from what the client claims. One instance per operation; not
// thread-safe.
#pragma once

#include "http/ApiTypes.h"
#include "store/CatalogStore.h"
#include "store/RecordStore.h"
#include "sync/Operation.h"
#include "sync/RecordWorkflow.h"
#include "sync/PushMessages.h"
#include "sync/UnitIndex.h"

#include "forms/ChoiceListResolver.h"
#include "forms/FormTemplate.h"

#include <memory>
#include <optional>

namespace dantoc::server {

// What was looked up before the transaction (the catalog store cannot be read inside it).
struct OpInputs {
    std::shared_ptr<const forms::FormTemplate> form;  // the op's form version; null when not published
    std::optional<Period> period;                     // the op's period; nullopt when unknown
};

struct OpEnvironment {
    const Principal& caller;
    const UnitIndex& units;
    const forms::ChoiceListResolver* choices = nullptr;
    std::int64_t now = 0;  // unix ms
};

class OpApplier
{
public:
    OpApplier(RecordTxn& txn, const OpEnvironment& env, const OpInputs& inputs) : m_txn(txn), m_env(env), m_in(inputs)
    {
    }

    // The outcome to store and answer; an error Status only for a storage failure (the transaction rolls back).
    Result<sync::OpOutcome> apply(const sync::Operation& op);

private:
    Result<sync::OpOutcome> create(const sync::Operation& op);
    // `place`: the caller and the record in the workflow (computed once per op, in scope).
    Result<sync::OpOutcome> edit(const sync::Operation& op, const WorkflowPlace& place, StoredRecord record);
    Result<sync::OpOutcome> transition(const sync::Operation& op, const WorkflowPlace& place, StoredRecord record);
    Result<sync::OpOutcome> comment(const sync::Operation& op, const WorkflowPlace& place, const StoredRecord& record);
    Result<sync::OpOutcome> amend(const sync::Operation& op, const WorkflowPlace& place, const StoredRecord& record);

    RecordTxn& m_txn;
    const OpEnvironment& m_env;
    const OpInputs& m_in;
};

}  // namespace dantoc::server
