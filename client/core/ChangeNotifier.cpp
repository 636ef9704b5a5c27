#include "core/ChangeNotifier.h"

#include <string_view>
#include <unordered_set>

namespace dantoc::client {

ChangeNotifier::ChangeNotifier(QObject* parent) : QObject(parent) {}

void ChangeNotifier::notifyRecords(const std::vector<std::string>& ids)
{
    QStringList list;
    list.reserve(static_cast<qsizetype>(ids.size()));
    std::unordered_set<std::string_view> seen;  // a sync cycle can name thousands of records
    for (const std::string& id : ids) {
        if (!id.empty() && seen.insert(id).second) {
            list.append(QString::fromStdString(id));
        }
    }
    if (!list.isEmpty()) {
        emit recordsChanged(list);
    }
}

}  // namespace dantoc::client
