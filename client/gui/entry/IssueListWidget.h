// IssueListWidget: every current error and warning of the record, in form order, each naming its field (and row
// and column); clicking one, or Enter on it, asks to jump there. objectName `issueList`. GUI thread only.
#pragma once

#include "forms/FormTemplate.h"
#include "validation/Issue.h"

#include <QListWidget>

#include <vector>

namespace dantoc::gui {

class IssueListWidget final : public QListWidget
{
    Q_OBJECT
public:
    IssueListWidget(const forms::FormTemplate& form, forms::Language language, QWidget* parent);

    void setIssues(const std::vector<validation::Issue>& issues);
    const std::vector<validation::Issue>& issues() const { return m_issues; }
    // "3 errors, 1 warning" / "No problems"
    QString summary() const;
    int errorCount() const;

signals:
    void issueActivated(const validation::Issue& issue);

private:
    QString describe(const validation::Issue& issue) const;

    const forms::FormTemplate& m_form;
    forms::Language m_language;
    std::vector<validation::Issue> m_issues;
};

}  // namespace dantoc::gui
