// StateText: workflow states and record flags as the user sees them (translated name, colour), in one place.
// GUI thread (tr()).
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <string_view>

namespace dantoc::gui {

class StateText
{
    Q_DECLARE_TR_FUNCTIONS(StateText)

public:
    // "draft" -> "Nháp" ...; unknown states are shown as they are.
    static QString name(std::string_view state);
    // Text colour of a state: grey drafts, blue submitted, orange returned, green approved/accepted.
    static QColor colour(std::string_view state);
    // "Refused by the server", "Conflict", "Waiting for attachment" for the record's flags; "" when none.
    static QString flags(std::int64_t flags);
    // Period deadline: "open until 31/12/2026 (29 days left)", "overdue by 3 days", "closed".
    static QString deadline(const QString& state, const QString& ends, const QDate& today);
};

}  // namespace dantoc::gui
