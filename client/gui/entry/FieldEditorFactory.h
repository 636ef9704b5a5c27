// FieldEditorFactory: the editor widgets of one top-level field by its type (see FieldEditors), each named
// `field:<path>` (gps: `field:<path>.lat` / `.lon`, `locateButton:<path>` when a location source exists; attachment button `attachButton:<path>`; roster table
// `roster:<name>` with `addRowButton:`, `removeRowButton:`, `moveUpButton:`, `moveDownButton:<name>`).
// Widgets only: FieldBinding wires them to the document. GUI thread only.
#pragma once

#include "gui/entry/EntryDocument.h"

#include <QCoreApplication>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QWidget;

namespace dantoc::gui {

class FieldLineEdit;
class FieldTextEdit;
class PositionButton;
class RosterModel;
class RosterView;

struct FieldEditors
{
    QWidget* widget = nullptr;       // what goes under the label
    FieldLineEdit* line = nullptr;   // integer, decimal, short text, date, choice, computed (read-only)
    FieldTextEdit* text = nullptr;   // long text (max_length above kLongText)
    QComboBox* combo = nullptr;      // boolean: empty / Yes / No
    QListWidget* list = nullptr;     // choices: checkable items
    FieldLineEdit* lat = nullptr;    // gps
    FieldLineEdit* lon = nullptr;
    PositionButton* locate = nullptr;  // gps, when the machine has a location source
    QLabel* locateMessage = nullptr;   // why locating failed
    QPushButton* attach = nullptr;   // attachment
    QLabel* attachment = nullptr;    // its name and size
    RosterView* roster = nullptr;    // roster
    RosterModel* rosterModel = nullptr;
    QPushButton* addRow = nullptr;
    QPushButton* removeRow = nullptr;
    QPushButton* moveUp = nullptr;
    QPushButton* moveDown = nullptr;
};

class FieldEditorFactory
{
    Q_DECLARE_TR_FUNCTIONS(FieldEditorFactory)

public:
    static constexpr std::size_t kLongText = 200;  // longer texts get a multi-line editor

    static FieldEditors create(EntryDocument& document, const forms::FieldDef& field, QWidget* parent);
};

}  // namespace dantoc::gui
