// ux-lessons §6.8 for real: the app's process killed with SIGKILL right after a field commit loses nothing. The
// test starts this same test executable as a child running only the "crash child" case (skipped otherwise): it
// opens the store, types a name as Unikey sends it into the real FormEntryWidget, presses Enter, says so on
// stdout and waits to be killed. The parent kills it (SIGKILL on POSIX, TerminateProcess on Windows: no cleanup
// runs either way) and opens the store again.
#include "EntryFixture.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <cstdio>

using namespace dantoc;

namespace {

constexpr const char* kStoreVar = "DANTOC_CRASH_CHILD_STORE";
constexpr const char* kRecordVar = "DANTOC_CRASH_CHILD_RECORD";
constexpr const char* kRoundVar = "DANTOC_CRASH_CHILD_ROUND";
constexpr const char* kCommitted = "committed";

}  // namespace

TEST_CASE("crash child: commit a field, then wait to be killed" * doctest::skip())
{
    const QString storeDir = qEnvironmentVariable(kStoreVar);
    const QString recordId = qEnvironmentVariable(kRecordVar);
    REQUIRE_FALSE(storeDir.isEmpty());
    test::ensureGuiApp();
    auto store = client::Store::open(storeDir.toStdString(), test::EntryFixture::kPassphrase,
                                     test::EntryFixture::options());
    REQUIRE_MESSAGE(store.isOk(), store.status().toString());
    client::EntryService service((*store)->connection());
    gui::FormEntryWidget widget((*store)->connection(), service);
    QString error;
    REQUIRE_MESSAGE(widget.openRecord(recordId, &error), error.toStdString());
    widget.show();
    QApplication::setActiveWindow(&widget);
    auto* name = widget.findChild<QLineEdit*>(QStringLiteral("field:respondent_name"));
    REQUIRE(name != nullptr);
    name->setFocus(Qt::MouseFocusReason);
    name->selectAll();  // typed over what the previous round left
    test::replayIme(name, test::unikeyNguyen());
    test::sendText(name, QStringLiteral(" Văn Thuỷ ") + qEnvironmentVariable(kRoundVar));
    test::pressEnter(name);
    std::printf("%s\n", kCommitted);
    std::fflush(stdout);
    QTest::qWait(60'000);  // killed long before
    FAIL("the parent did not kill the child");
}

TEST_CASE("ux §6.8: the process killed (SIGKILL) right after a field commit loses nothing")
{
    test::TempDir dir("dantoc-gui-crash");
    std::string recordId;
    {
        auto created = client::StoreFactory::create(dir / "store", test::EntryFixture::kPassphrase,
                                                    DANTOC_RESOURCES_DIR, test::EntryFixture::options());
        REQUIRE_MESSAGE(created.isOk(), created.status().toString());
        client::EntryService service((*created)->connection());
        auto draft = service.createDraft({"", "commune_survey", 0, "02683", "2025", "", "{}"});
        REQUIRE_MESSAGE(draft.isOk(), draft.status().toString());
        recordId = draft->id;
    }
    for (int round = 0; round < 3; ++round) {
        CAPTURE(round);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kStoreVar), QString::fromStdString((dir / "store").string()));
        env.insert(QString::fromLatin1(kRecordVar), QString::fromStdString(recordId));
        env.insert(QString::fromLatin1(kRoundVar), QString::number(round));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--no-skip"), QStringLiteral("--test-case=crash child*")});
        REQUIRE(child.waitForStarted(30'000));
        QByteArray out;
        while (!out.contains(kCommitted) && child.state() == QProcess::Running) {
            child.waitForReadyRead(1'000);
            out += child.readAllStandardOutput();
        }
        INFO("child said: " << out.toStdString() << child.readAllStandardError().toStdString());
        REQUIRE(out.contains(kCommitted));
        child.kill();
        REQUIRE(child.waitForFinished(30'000));
        CHECK(child.exitStatus() == QProcess::CrashExit);

        auto reopened = client::Store::open(dir / "store", test::EntryFixture::kPassphrase,
                                            test::EntryFixture::options());
        REQUIRE_MESSAGE(reopened.isOk(), reopened.status().toString());
        auto record = client::SubmissionRepository((*reopened)->connection()).get(recordId);
        REQUIRE(record.isOk());
        const auto body = nlohmann::json::parse(record->body);
        CHECK(body["respondent_name"] == "Nguyễn Văn Thuỷ " + std::to_string(round));  // this round's, whole
    }
}
