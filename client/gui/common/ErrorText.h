// ErrorText: the one place where error codes of the client core and the server become translated text for the
// user (as shared/validation/Messages.cpp does for validation codes). Pure functions; GUI thread (tr()).
#pragma once

#include "base/Status.h"

#include <QCoreApplication>
#include <QString>

#include <string_view>

namespace dantoc::gui {

class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    // A sentence for a failed operation of the core (store, sync, enrollment), in the UI language.
    static QString forStatus(const Status& status);
    // A sentence for a server or sync code ("out_of_scope", "stale_review", "pin_mismatch", "network" ...);
    // `fallback` (the server's own localized message, if any) when the code is not known here.
    static QString forCode(std::string_view code, const QString& fallback = {});
};

}  // namespace dantoc::gui
