// VietnameseSort: the app's one ordering and search folding of Vietnamese text: shared/text compareVietnamese
// (the same order on Linux and Windows, unlike the platform's collation) and foldForSearch ("Đắk Lắk" ->
// "dak lak"). Pure functions; thread-safe.
#pragma once

#include <QString>

namespace dantoc::gui {

bool vietnameseLess(const QString& a, const QString& b);
// The folded search key of `text` (no diacritics, đ -> d, lower case).
QString searchKey(const QString& text);
// Whether every word of `query` (folded) occurs in `key` (already folded).
bool matchesSearch(const QString& key, const QString& query);

}  // namespace dantoc::gui
