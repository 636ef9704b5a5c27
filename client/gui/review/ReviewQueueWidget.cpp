#include "gui/review/ReviewQueueWidget.h"

#include "core/ChangeNotifier.h"
#include "gui/common/ErrorText.h"
#include "gui/common/FormTitles.h"
#include "gui/common/StateText.h"
#include "gui/common/VietnameseSort.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace dantoc::gui {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

// Sorts the queue's text columns in Vietnamese order (the deadline column sorts as ISO dates do).
class ReviewSortProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        return vietnameseLess(left.data(Qt::DisplayRole).toString(), right.data(Qt::DisplayRole).toString());
    }
};

}  // namespace

ReviewQueueModel::ReviewQueueModel(client::Connection& connection, QObject* parent)
    : QAbstractTableModel(parent), m_connection(connection)
{
}

void ReviewQueueModel::setFilter(const client::review::ReviewFilter& filter)
{
    m_filter = filter;
    reload();
}

bool ReviewQueueModel::reload()
{
    auto awaiting = client::review::ReviewQueue(m_connection).awaiting(m_filter);
    beginResetModel();
    m_formTitles = formTitles(m_connection);
    if (awaiting) {
        m_items = std::move(*awaiting);
        m_error.clear();
    } else {
        m_items.clear();
        m_error = ErrorText::forStatus(awaiting.status());
    }
    endResetModel();
    return m_error.isEmpty();
}

QString ReviewQueueModel::countsText() const
{
    const auto overdue = std::count_if(m_items.begin(), m_items.end(), [](const auto& item) { return item.overdue; });
    QString text = tr("%n record(s) awaiting review", nullptr, static_cast<int>(m_items.size()));
    if (overdue > 0) text += QStringLiteral(" · ") + tr("%n overdue", nullptr, static_cast<int>(overdue));
    return text;
}

int ReviewQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int ReviewQueueModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ReviewQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_items.size())) return {};
    const auto& item = m_items[static_cast<std::size_t>(index.row())];
    if (role == IdRole) return qs(item.record.id);
    if (role == OverdueRole) return item.overdue;
    if (role == Qt::ForegroundRole) {
        if (index.column() == StateColumn) return QBrush(StateText::colour(item.record.state));
        if (index.column() == DeadlineColumn && item.overdue) return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == DeadlineColumn && item.overdue) return tr("Overdue");
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case UnitColumn: {
        const QString unit = item.unitName.empty() ? qs(item.record.unit) : qs(item.unitName);
        return item.communeName.empty() ? unit : QStringLiteral("%1, %2").arg(unit, qs(item.communeName));
    }
    case PeriodColumn: return item.periodLabel.empty() ? qs(item.record.period) : qs(item.periodLabel);
    case FormColumn: return m_formTitles.value(qs(item.record.formId), qs(item.record.formId));
    case StateColumn: return StateText::name(item.record.state);
    case DeadlineColumn: {
        if (item.deadline.empty()) return QString();
        const QDate day = QDate::fromString(qs(item.deadline), Qt::ISODate);
        const QString shown = day.isValid() ? day.toString(QStringLiteral("dd/MM/yyyy")) : qs(item.deadline);
        return item.overdue ? tr("%1 (overdue)").arg(shown) : shown;
    }
    default: return {};
    }
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case UnitColumn: return tr("Unit");
    case PeriodColumn: return tr("Period");
    case FormColumn: return tr("Form");
    case StateColumn: return tr("State");
    case DeadlineColumn: return tr("Deadline");
    default: return {};
    }
}

ReviewQueueWidget::ReviewQueueWidget(client::Connection& connection, client::ChangeNotifier& notifier,
                                     QWidget* parent)
    : QWidget(parent), m_connection(connection)
{
    setObjectName(QStringLiteral("reviewQueue"));
    m_model = new ReviewQueueModel(connection, this);
    m_proxy = new ReviewSortProxy(this);
    m_proxy->setSourceModel(m_model);

    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("reviewUnitFilter"));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("reviewPeriodFilter"));
    m_form = new QComboBox(this);
    m_form->setObjectName(QStringLiteral("reviewFormFilter"));
    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Unit:"), this));
    filters->addWidget(m_unit, 2);
    filters->addWidget(new QLabel(tr("Period:"), this));
    filters->addWidget(m_period, 1);
    filters->addWidget(new QLabel(tr("Form:"), this));
    filters->addWidget(m_form, 1);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ReviewQueueModel::UnitColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The form's title takes the room (as in the record list); the short columns fit their contents.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewQueueModel::FormColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("reviewCounts"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_counts);

    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit recordOpened(index.data(ReviewQueueModel::IdRole).toString());
    });
    for (auto* box : {m_unit, m_period, m_form}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
    }
    connect(&notifier, &client::ChangeNotifier::recordsChanged, this, [this] { reload(); });
    connect(&notifier, &client::ChangeNotifier::referenceDataChanged, this, [this] { reload(); });
    reload();
}

void ReviewQueueWidget::fillChoices()
{
    // The choices are what the unfiltered queue holds, so a filter never hides itself.
    auto all = client::review::ReviewQueue(m_connection).awaiting({});
    QList<QPair<QString, QString>> units;
    QList<QPair<QString, QString>> periods;
    QList<QPair<QString, QString>> forms;
    QSet<QString> seen;
    if (all) {
        for (const auto& item : *all) {
            if (!seen.contains(QStringLiteral("u:") + qs(item.record.unit))) {
                seen.insert(QStringLiteral("u:") + qs(item.record.unit));
                units.append({item.unitName.empty() ? qs(item.record.unit) : qs(item.unitName), qs(item.record.unit)});
            }
            if (!seen.contains(QStringLiteral("p:") + qs(item.record.period))) {
                seen.insert(QStringLiteral("p:") + qs(item.record.period));
                periods.append(
                    {item.periodLabel.empty() ? qs(item.record.period) : qs(item.periodLabel), qs(item.record.period)});
            }
            if (!seen.contains(QStringLiteral("f:") + qs(item.record.formId))) {
                seen.insert(QStringLiteral("f:") + qs(item.record.formId));
                forms.append({qs(item.record.formId), qs(item.record.formId)});
            }
        }
    }
    const auto fill = [](QComboBox* box, QList<QPair<QString, QString>> choices, const QString& allText) {
        const QString kept = box->currentData().toString();
        std::sort(choices.begin(), choices.end(), [](const auto& a, const auto& b) { return vietnameseLess(a.first, b.first); });
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(allText, QString());
        for (const auto& [text, value] : choices) box->addItem(text, value);
        const int index = box->findData(kept);
        box->setCurrentIndex(index < 0 ? 0 : index);
    };
    fill(m_unit, units, tr("All units"));
    fill(m_period, periods, tr("All periods"));
    fill(m_form, forms, tr("All forms"));
}

void ReviewQueueWidget::applyFilter()
{
    client::review::ReviewFilter filter;
    if (const QString unit = m_unit->currentData().toString(); !unit.isEmpty()) filter.unit = unit.toStdString();
    if (const QString period = m_period->currentData().toString(); !period.isEmpty()) filter.period = period.toStdString();
    if (const QString form = m_form->currentData().toString(); !form.isEmpty()) filter.form = form.toStdString();
    m_model->setFilter(filter);
    m_counts->setText(m_model->errorText().isEmpty() ? m_model->countsText() : m_model->errorText());
}

void ReviewQueueWidget::reload()
{
    fillChoices();
    applyFilter();
}

}  // namespace dantoc::gui
