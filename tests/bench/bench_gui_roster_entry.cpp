// Entry-screen benchmark (ux-lessons §3.7, §6.8): the real FormEntryWidget on a village_survey draft in a real
// SQLCipher store. Measures pasting 200 household rows from "Excel" (one block), then one keystroke in a cell of
// the 200-row roster and in a top-level field, each through to the revalidated display (events processed).
// Prints median and p95 in ms; asserts nothing. `--smoke` runs a few iterations only. Times cover the event
// handling, the revalidation and the model/issue-list updates; painting happens later (Qt batches repaints).
#include "gui/entry/EntryDocument.h"
#include "gui/entry/FormEntryWidget.h"
#include "gui/entry/RosterView.h"

#include "core/EntryService.h"
#include "core/StoreFactory.h"

#include "support/TempDir.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

using SteadyClock = std::chrono::steady_clock;

namespace {

double ms(SteadyClock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

void report(const char* what, std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    const double median = samples[samples.size() / 2];
    const double p95 = samples[std::min(samples.size() - 1, samples.size() * 95 / 100)];
    std::printf("%-52s median %8.2f ms   p95 %8.2f ms   (n=%zu)\n", what, median, p95, samples.size());
}

void key(QWidget* target, const QString& text)
{
    QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, text);
    QApplication::sendEvent(target, &press);
    QApplication::processEvents();
}

}  // namespace

int main(int argc, char** argv)
{
    const bool smoke = argc > 1 && std::strcmp(argv[1], "--smoke") == 0;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    using namespace dantoc;
    test::TempDir dir("dantoc-bench-entry");
    client::StoreOptions options;
    options.kdf = client::KdfParams::testing();
    auto store = client::StoreFactory::create(dir / "store", "bench", DANTOC_RESOURCES_DIR, options);
    if (!store) {
        std::fprintf(stderr, "store: %s\n", store.status().toString().c_str());
        return 2;
    }
    client::EntryService service((*store)->connection());
    auto draft = service.createDraft({"", "village_survey", 0, "02683-01", "2026-H2", "", "{}"});
    if (!draft) {
        std::fprintf(stderr, "draft: %s\n", draft.status().toString().c_str());
        return 2;
    }
    gui::FormEntryWidget widget((*store)->connection(), service);
    widget.resize(1280, 860);
    if (!widget.openRecord(QString::fromStdString(draft->id))) {
        std::fprintf(stderr, "open: %s\n", widget.message().toStdString().c_str());
        return 2;
    }
    widget.show();
    QApplication::setActiveWindow(&widget);
    QApplication::processEvents();
    auto* roster = widget.findChild<gui::RosterView*>(QStringLiteral("roster:households"));
    if (roster == nullptr) {
        std::fprintf(stderr, "no roster:households\n");
        return 2;
    }

    const int rows = smoke ? 20 : 200;
    QString block;
    for (int i = 0; i < rows; ++i) {
        block += QStringLiteral("02683000%1-001\tGiàng A Páo %2\tChủ hộ\tMông\t%3\tCó\t%4\r\n")
                     .arg(i % 100, 2, 10, QChar(u'0'))
                     .arg(i)
                     .arg(1 + i % 9)
                     .arg(1950 + i % 50);
    }
    std::vector<double> paste;
    for (int round = 0; round < (smoke ? 1 : 3); ++round) {
        const auto start = SteadyClock::now();
        roster->rosterModel().pasteText(0, 0, block);
        QApplication::processEvents();
        paste.push_back(ms(SteadyClock::now() - start));
    }
    std::printf("roster rows: %d\n", roster->model()->rowCount());
    report("paste 200 rows x 7 columns (autosave included)", paste);

    // A keystroke in a cell near the end of the roster: the member count column (live revalidation).
    roster->setFocus();
    roster->setCurrentIndex(roster->model()->index(rows - 3, 4));
    key(roster, QStringLiteral("1"));  // opens the editor, typing over
    QWidget* editor = QApplication::focusWidget();
    if (qobject_cast<QLineEdit*>(editor) == nullptr) {
        std::fprintf(stderr, "typing did not open a cell editor\n");
        return 2;
    }
    int revalidations = 0;
    QObject::connect(const_cast<gui::EntryDocument*>(widget.document()), &gui::EntryDocument::validated,
                     [&revalidations] { ++revalidations; });
    std::vector<double> cell;
    for (int i = 0; i < (smoke ? 5 : 100); ++i) {
        const auto start = SteadyClock::now();
        key(editor, QString::number(i % 10));
        cell.push_back(ms(SteadyClock::now() - start));
        QKeyEvent backspace(QEvent::KeyPress, Qt::Key_Backspace, Qt::NoModifier);
        QApplication::sendEvent(editor, &backspace);
        QApplication::processEvents();
    }
    std::printf("cell keystrokes revalidated %d times\n", revalidations);
    report("keystroke in a cell of the 200-row roster", cell);
    roster->delegate().commitOpenEditor();

    auto* total = widget.findChild<QLineEdit*>(QStringLiteral("field:households_total"));
    std::vector<double> top;
    if (total != nullptr) {
        total->setFocus();
        for (int i = 0; i < (smoke ? 5 : 100); ++i) {
            const auto start = SteadyClock::now();
            key(total, QString::number(i % 10));
            top.push_back(ms(SteadyClock::now() - start));
            if (total->text().size() > 3) {
                total->clear();
            }
        }
        report("keystroke in households_total (roster of 200 rows)", top);
    }
    const auto saveStart = SteadyClock::now();
    widget.save();
    report("save (validate + enqueue)", {ms(SteadyClock::now() - saveStart)});
    return 0;
}
