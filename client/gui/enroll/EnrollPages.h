// The pages of EnrollWizard, each complete only when what it asks is usable (QWizardPage::isComplete), so Next
// is never a trap. Internal to enroll/; GUI thread only.
#pragma once

#include <QWizardPage>

#include <functional>

namespace dantoc::gui {

// A page whose completeness and entry action are given as functions by the wizard that owns its widgets.
class EnrollPage : public QWizardPage
{
    Q_OBJECT

public:
    using Check = std::function<bool()>;
    using Action = std::function<void()>;
    EnrollPage(Check complete, Action onEnter, QWidget* parent = nullptr)
        : QWizardPage(parent), m_complete(std::move(complete)), m_onEnter(std::move(onEnter))
    {
    }
    bool isComplete() const override { return m_complete ? m_complete() : true; }
    void initializePage() override
    {
        if (m_onEnter) {
            m_onEnter();
        }
    }
    void recheck() { emit completeChanged(); }

private:
    Check m_complete;
    Action m_onEnter;
};

}  // namespace dantoc::gui
