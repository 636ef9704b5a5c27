#include "gui/entry/IssueListWidget.h"

#include <QColor>

namespace dantoc::gui {

IssueListWidget::IssueListWidget(const forms::FormTemplate& form, forms::Language language, QWidget* parent)
    : QListWidget(parent), m_form(form), m_language(language)
{
    setObjectName(QStringLiteral("issueList"));
    setWordWrap(true);
    setUniformItemSizes(false);
    setSpacing(3);
    setSelectionMode(SingleSelection);
    auto jump = [this](QListWidgetItem* item) {
        const int index = row(item);
        if (index >= 0 && index < static_cast<int>(m_issues.size())) {
            emit issueActivated(m_issues[static_cast<std::size_t>(index)]);
        }
    };
    connect(this, &QListWidget::itemClicked, this, jump);
    connect(this, &QListWidget::itemActivated, this, jump);
}

QString IssueListWidget::describe(const validation::Issue& issue) const
{
    const QString message = QString::fromStdString(issue.message);
    const forms::FieldDef* field = m_form.field(issue.field);
    if (field == nullptr) {
        return message;
    }
    const QString label = QString::fromStdString(field->label.in(m_language));
    if (field->roster >= 0) {
        const forms::FieldDef& roster = m_form.fields()[static_cast<std::size_t>(field->roster)];
        const QString rosterLabel = QString::fromStdString(roster.label.in(m_language));
        if (issue.row) {
            return tr("%1, row %2, %3: %4").arg(rosterLabel).arg(*issue.row + 1).arg(label, message);
        }
        return tr("%1, %2: %3").arg(rosterLabel, label, message);
    }
    if (issue.row) {
        return tr("%1, row %2: %3").arg(label).arg(*issue.row + 1).arg(message);
    }
    return tr("%1: %2").arg(label, message);
}

void IssueListWidget::setIssues(const std::vector<validation::Issue>& issues)
{
    if (issues == m_issues) {
        return;
    }
    m_issues = issues;
    const int keep = currentRow();
    clear();
    for (const validation::Issue& issue : m_issues) {
        auto* item = new QListWidgetItem(describe(issue), this);
        const bool error = issue.severity == forms::Severity::Error;
        item->setForeground(error ? QColor(0xb3, 0x26, 0x1e) : QColor(0xb3, 0x59, 0x00));
        item->setToolTip(error ? tr("Error: must be fixed before submitting")
                               : tr("Warning: check it, and explain it if it is right"));
    }
    if (keep >= 0 && keep < count()) {
        setCurrentRow(keep, QItemSelectionModel::NoUpdate);
    }
}

int IssueListWidget::errorCount() const
{
    int errors = 0;
    for (const validation::Issue& issue : m_issues) {
        errors += issue.severity == forms::Severity::Error ? 1 : 0;
    }
    return errors;
}

QString IssueListWidget::summary() const
{
    const int errors = errorCount();
    const int warnings = static_cast<int>(m_issues.size()) - errors;
    if (errors == 0 && warnings == 0) {
        return tr("No problems");
    }
    return tr("Errors: %1 · Warnings: %2").arg(errors).arg(warnings);
}

}  // namespace dantoc::gui
