// FormTitles: the titles of the form templates in a store, in the UI's language, keyed by form id — what lists
// show instead of ids. A reader of the store; GUI thread (the Connection's thread).
#pragma once

#include "core/Connection.h"

#include <QHash>
#include <QString>

namespace dantoc::gui {

QHash<QString, QString> formTitles(client::Connection& connection);

}  // namespace dantoc::gui
