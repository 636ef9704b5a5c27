#include "gui/common/StateText.h"

#include "core/SubmissionRepository.h"

#include <QDate>
#include <QStringList>

namespace dantoc::gui {

QString StateText::name(std::string_view state)
{
    if (state == "draft") return tr("Draft");
    if (state == "submitted") return tr("Submitted");
    if (state == "returned") return tr("Returned for correction");
    if (state == "approved") return tr("Approved");
    if (state == "forwarded") return tr("Forwarded");
    if (state == "accepted") return tr("Accepted");
    return QString::fromUtf8(state.data(), static_cast<qsizetype>(state.size()));
}

QColor StateText::colour(std::string_view state)
{
    if (state == "draft") return QColor(0x5f, 0x63, 0x68);
    if (state == "submitted" || state == "forwarded") return QColor(0x1a, 0x56, 0xb0);
    if (state == "returned") return QColor(0xc2, 0x5b, 0x00);
    if (state == "approved" || state == "accepted") return QColor(0x1e, 0x7b, 0x34);
    return QColor(0x20, 0x20, 0x20);
}

QString StateText::flags(std::int64_t flags)
{
    using client::SubmissionRepository;
    QStringList parts;
    if (flags & SubmissionRepository::kFlagNeedsAttention) parts << tr("Refused by the server");
    if (flags & SubmissionRepository::kFlagConflict) parts << tr("Conflict");
    if (flags & SubmissionRepository::kFlagAwaitingAttachment) parts << tr("Waiting for the attachment");
    if (flags & SubmissionRepository::kFlagRevoked) parts << tr("No longer in your area");
    if (flags & SubmissionRepository::kFlagLocalChanges) parts << tr("Not sent yet");
    return parts.join(QStringLiteral(" · "));
}

QString StateText::deadline(const QString& state, const QString& ends, const QDate& today)
{
    if (state == QLatin1String("closed")) {
        return tr("closed");
    }
    const QDate end = QDate::fromString(ends, Qt::ISODate);
    if (!end.isValid()) {
        return tr("open");
    }
    const qint64 days = today.daysTo(end);
    const QString date = end.toString(QStringLiteral("dd/MM/yyyy"));
    if (days < 0) {
        return tr("overdue by %n day(s) (due %1)", nullptr, static_cast<int>(-days)).arg(date);
    }
    return tr("due %1 (%n day(s) left)", nullptr, static_cast<int>(days)).arg(date);
}

}  // namespace dantoc::gui
