// Banner: the look shared by the record screens (entry, review): a bold title label and a coloured notice label
// above the form, in one place so both screens say things the same way. GUI thread.
#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace dantoc::gui {

enum class BannerTone { Info, Warning, Error };

// A word-wrapped label in a larger bold font, named `objectName`.
QLabel* makeTitleLabel(QWidget* parent, const QString& objectName);
// A word-wrapped notice label, named `objectName`, hidden until showBanner gives it text.
QLabel* makeBannerLabel(QWidget* parent, const QString& objectName);
// Shows `text` in `banner` coloured by `tone`; empty text hides it.
void showBanner(QLabel* banner, const QString& text, BannerTone tone);

}  // namespace dantoc::gui
