#include "gui/common/ErrorText.h"

namespace dantoc::gui {

QString ErrorText::forStatus(const Status& status)
{
    switch (status.code()) {
    case ErrorCode::Ok: return {};
    case ErrorCode::InvalidArgument: return tr("The data is not valid.");
    case ErrorCode::ParseError: return tr("The data could not be read.");
    case ErrorCode::NotFound: return tr("Not found.");
    case ErrorCode::AlreadyExists: return tr("It already exists.");
    case ErrorCode::Conflict: return tr("Someone else changed it meanwhile.");
    case ErrorCode::PermissionDenied: return tr("You are not allowed to do this.");
    case ErrorCode::Unauthenticated: return tr("Wrong password or passphrase.");
    case ErrorCode::FailedPrecondition: return tr("This cannot be done now.");
    case ErrorCode::ResourceExhausted: return tr("A size limit was reached.");
    case ErrorCode::IoError: return tr("The disk could not be read or written.");
    case ErrorCode::Corruption: return tr("The local store is damaged. Contact the provincial IT officer.");
    case ErrorCode::Unavailable: return tr("The server cannot be reached. Your work is kept and will be sent later.");
    case ErrorCode::Internal: return tr("An internal error occurred.");
    }
    return tr("An internal error occurred.");
}

QString ErrorText::forCode(std::string_view code, const QString& fallback)
{
    struct Entry {
        std::string_view code;
        const char* text;
    };
    // QT_TR_NOOP: lupdate sees the texts here; tr() translates them below.
    static const Entry kTexts[] = {
        {"out_of_scope", QT_TR_NOOP("This unit is outside your account's area.")},
        {"stale_review", QT_TR_NOOP("The record changed after you looked at it.")},
        {"state_changed", QT_TR_NOOP("The record's state changed on the server.")},
        {"period_closed", QT_TR_NOOP("The reporting period is closed.")},
        {"period_unknown", QT_TR_NOOP("The server does not know this reporting period.")},
        {"period_mismatch", QT_TR_NOOP("The period does not match the form's kind of period.")},
        {"invalid", QT_TR_NOOP("The server found errors in the data.")},
        {"form_version_unknown", QT_TR_NOOP("The server does not know this form version.")},
        {"validation_failed", QT_TR_NOOP("Merged with another change, the record would break the form's rules.")},
        {"permission_denied", QT_TR_NOOP("Your account may not do this.")},
        {"record_exists", QT_TR_NOOP("A record with this id already exists on the server.")},
        {"record_not_found", QT_TR_NOOP("The record does not exist on the server.")},
        {"frozen", QT_TR_NOOP("The record is locked on the server.")},
        {"awaiting_attachment", QT_TR_NOOP("Waiting for the attached scan to finish uploading.")},
        {"conflict", QT_TR_NOOP("Changed in two places at once: check the highlighted fields.")},
        {"pin_mismatch", QT_TR_NOOP("The server's certificate is not the one you confirmed. Do not continue; call the provincial IT officer.")},
        {"network", QT_TR_NOOP("The server cannot be reached.")},
        {"unauthenticated", QT_TR_NOOP("Wrong account or password.")},
        {"device_taken", QT_TR_NOOP("This store is bound to another account.")},
        {"busy", QT_TR_NOOP("The server is busy; it will be tried again.")},
    };
    for (const Entry& entry : kTexts) {
        if (entry.code == code) {
            return tr(entry.text);
        }
    }
    if (!fallback.isEmpty()) {
        return fallback;
    }
    return tr("Refused by the server (%1).").arg(QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size())));
}

}  // namespace dantoc::gui
