// Private state of ValidationSession (one slot per answer, rows of rosters, the evaluation context), shared by
// its implementation files only. Not thread-safe, like the session.
#pragma once

#include "validation/ValidationSession.h"

namespace dantoc::validation {

struct ValidationSession::Slot {
    Json raw;                // as submitted; null when unanswered
    expr::Value typed;       // raw converted to the field's value type; null if unanswered or mistyped
    bool typeError = false;  // raw is not null but not of the field's type
    bool relevant = true;
    expr::Value value;  // what expressions see: typed (or computed) when relevant, else null
    std::vector<Issue> issues;
};

struct ValidationSession::Row {
    std::string id;
    std::vector<Slot> cells;  // by column position
    std::vector<std::string> unknownKeys;
    bool notObject = false;
    std::vector<Issue> issues;  // structure: row not an object, bad or duplicate _id, unknown keys
};

struct ValidationSession::RosterState {
    std::vector<Row> rows;
};

// The expression context of one field (and roster row) of the session.
class ValidationSession::Context final : public expr::EvalContext
{
public:
    Context(const ValidationSession& session, int roster, int row) : m_session(session), m_roster(roster), m_row(row) {}
    expr::Value field(std::string_view path) const override { return m_session.lookup(path, m_roster, m_row); }
    expr::Value currentRow(std::string_view column) const override;
    expr::Value previous(std::string_view path) const override
    {
        return m_session.previousValue(path, m_roster, m_row);
    }
    expr::Date today() const override { return m_session.m_options.today; }

private:
    const ValidationSession& m_session;
    int m_roster;
    int m_row;
};

}  // namespace dantoc::validation
