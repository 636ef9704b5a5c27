// LikelyDuplicates: the text cells of a roster that look like one name written two ways (ux-lessons §6.5: "Thủy"
// and "Thuỷ", "Hòa" and "Hoà", case and spacing aside), said beside the roster so the officer can make them one.
// Identical texts are not flagged (many rows say "con"); only different spellings with the same tone-canonical
// key (text::canonicalToneKey). Pure function over the model; GUI thread (reads the document).
#pragma once

#include <QStringList>

namespace dantoc::gui {

class RosterModel;

class LikelyDuplicates
{
public:
    static constexpr int kMaxLines = 5;

    // One line per group, e.g. "Họ tên chủ hộ: «Thủy» (dòng 2) và «Thuỷ» (dòng 4) có thể là một", in the UI
    // language; at most kMaxLines.
    static QStringList describe(const RosterModel& model);
};

}  // namespace dantoc::gui
