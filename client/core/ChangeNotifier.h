// ChangeNotifier: tells item models and views that stored data changed, after the change committed (never for a
// rolled-back one). Emitting is safe from any thread: receivers living in another thread (the GUI's models, when the
// sync worker emits) get queued calls; receivers in the emitting thread are called directly.
#pragma once

#include <QObject>
#include <QStringList>

#include <string>
#include <vector>

namespace dantoc::client {

class ChangeNotifier : public QObject
{
    Q_OBJECT

public:
    explicit ChangeNotifier(QObject* parent = nullptr);

    // recordsChanged with these ids (UTF-8), nothing when there are none; duplicates are dropped, order kept.
    void notifyRecords(const std::vector<std::string>& ids);
    void notifyRecord(const std::string& id) { notifyRecords({id}); }

signals:
    // Records created, edited, transitioned, commented, pulled, acknowledged, flagged or purged (a purged id is no
    // longer in the store).
    void recordsChanged(const QStringList& ids);
    // Catalogs, form templates, units or periods were replaced.
    void referenceDataChanged();
};

}  // namespace dantoc::client
