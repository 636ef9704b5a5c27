// First run: the enrollment wizard against the real demo server over TLS, driven by objectName as an officer would
// use it: the server's fingerprint shown and confirmed, the forced change of the default password, a strong store
// passphrase; a failed enrollment leaves no store behind.
#include "DeskWorld.h"

#include "core/sync/HttpTransport.h"
#include "core/sync/SyncStatus.h"
#include "gui/enroll/EnrollWizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>

using namespace dantoc;
using namespace dantoc::test::gui;
using gui::EnrollWizard;

namespace {

// Fills the server page and waits for the fingerprint the server presents.
void checkServer(EnrollWizard& wizard, const DeskWorld& world)
{
    typeInto(child<QLineEdit>(&wizard, "serverUrlEdit"), world.url().toString());
    QTest::mouseClick(child<QAbstractButton>(&wizard, "fetchFingerprintButton"), Qt::LeftButton);
    auto* label = child<QLabel>(&wizard, "fingerprintLabel");
    const QString expected = QString::fromStdString(world.server.fingerprint()).remove(QLatin1Char(':')).toUpper();
    REQUIRE(waitUntil([&]() {
        return QString(label->text()).remove(QLatin1Char(':')).remove(QLatin1Char('\n')).contains(expected);
    }));
}

void fillAccount(EnrollWizard& wizard, const std::string& account, const std::string& password,
                 const std::string& newPassword)
{
    typeInto(child<QLineEdit>(&wizard, "accountEdit"), QString::fromStdString(account));
    typeInto(child<QLineEdit>(&wizard, "passwordEdit"), QString::fromStdString(password));
    typeInto(child<QLineEdit>(&wizard, "newPasswordEdit"), QString::fromStdString(newPassword));
    typeInto(child<QLineEdit>(&wizard, "newPasswordRepeatEdit"), QString::fromStdString(newPassword));
}

}  // namespace

TEST_CASE("enrollment wizard: fingerprint confirmed, default password changed, strong passphrase, store enrolled")
{
    DeskWorld world("dantoc-gui-enroll");
    const auto storeDir = world.dir / "store";
    EnrollWizard wizard(QString::fromStdString(storeDir.string()), DANTOC_RESOURCES_DIR, fastStore());
    wizard.show();
    QAbstractButton* next = wizard.button(QWizard::NextButton);

    REQUIRE(wizard.currentId() == EnrollWizard::ServerPageId);
    CHECK_FALSE(next->isEnabled());  // nothing checked yet
    checkServer(wizard, world);
    CHECK_FALSE(next->isEnabled());  // shown, not yet confirmed
    child<QCheckBox>(&wizard, "fingerprintConfirmed")->setChecked(true);
    REQUIRE(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    REQUIRE(wizard.currentId() == EnrollWizard::AccountPageId);
    const std::string fresh = test::FlowAccounts::newPasswordFor(kOfficer);
    fillAccount(wizard, kOfficer, world.accounts.password(kOfficer), "short");
    CHECK_FALSE(next->isEnabled());
    CHECK_FALSE(child<QLabel>(&wizard, "accountProblem")->text().isEmpty());
    fillAccount(wizard, kOfficer, world.accounts.password(kOfficer), fresh);
    REQUIRE(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);

    REQUIRE(wizard.currentId() == EnrollWizard::StorePageId);
    typeInto(child<QLineEdit>(&wizard, "storePassphraseEdit"), QStringLiteral("abc"));
    CHECK_FALSE(next->isEnabled());
    CHECK(child<QLabel>(&wizard, "passphraseProblem")->text().contains(QStringLiteral("10")));
    typeInto(child<QLineEdit>(&wizard, "storePassphraseEdit"), QString::fromUtf8(kStorePassphrase));
    typeInto(child<QLineEdit>(&wizard, "storePassphraseRepeatEdit"), QStringLiteral("khác hẳn"));
    CHECK_FALSE(next->isEnabled());
    typeInto(child<QLineEdit>(&wizard, "storePassphraseRepeatEdit"), QString::fromUtf8(kStorePassphrase));
    REQUIRE(next->isEnabled());

    QSignalSpy enrolled(&wizard, &EnrollWizard::enrolled);
    QTest::mouseClick(next, Qt::LeftButton);
    REQUIRE(wizard.currentId() == EnrollWizard::FinishPageId);
    REQUIRE(waitUntil([&]() { return wizard.isEnrolled() || !enrolled.isEmpty(); }));
    CHECK(wizard.button(QWizard::FinishButton)->isEnabled());
    auto store = wizard.takeStore();
    REQUIRE(store != nullptr);
    auto status = client::sync::readSyncStatus(store->connection());
    REQUIRE(status.isOk());
    CHECK(status->enrolled);
    CHECK(status->account == kOfficer);
    CHECK(status->deviceRegistered);
    world.accounts.setPassword(kOfficer, fresh);

    // The pinned fingerprint is the server's: the transport built from the store talks to it.
    store.reset();
    auto reopened = client::Store::open(storeDir, kStorePassphrase, fastStore());
    REQUIRE(reopened.isOk());
    auto transport = client::sync::Enrollment::transportFor((*reopened)->connection());
    REQUIRE(transport.isOk());
    auto me = (*transport)->request("GET", QStringLiteral("/api/v1/me"));
    CHECK_MESSAGE(me.isOk(), me.status().toString());
}

TEST_CASE("enrollment wizard: a wrong password is said in Vietnamese and leaves no store behind")
{
    DeskWorld world("dantoc-gui-enroll-bad");
    const auto storeDir = world.dir / "store";
    EnrollWizard wizard(QString::fromStdString(storeDir.string()), DANTOC_RESOURCES_DIR, fastStore());
    wizard.show();
    QAbstractButton* next = wizard.button(QWizard::NextButton);
    checkServer(wizard, world);
    child<QCheckBox>(&wizard, "fingerprintConfirmed")->setChecked(true);
    QTest::mouseClick(next, Qt::LeftButton);
    fillAccount(wizard, kOfficer, "not-the-password", "Mat-khau-moi-2026");
    QTest::mouseClick(next, Qt::LeftButton);
    typeInto(child<QLineEdit>(&wizard, "storePassphraseEdit"), QString::fromUtf8(kStorePassphrase));
    typeInto(child<QLineEdit>(&wizard, "storePassphraseRepeatEdit"), QString::fromUtf8(kStorePassphrase));
    QTest::mouseClick(next, Qt::LeftButton);
    auto* status = child<QLabel>(&wizard, "enrollStatus");
    REQUIRE(waitUntil([&]() { return status->text().contains(QStringLiteral("Sai tài khoản hoặc mật khẩu")); }));
    CHECK_FALSE(wizard.isEnrolled());
    CHECK_FALSE(wizard.button(QWizard::FinishButton)->isEnabled());
    CHECK(wizard.button(QWizard::BackButton)->isEnabled());
    CHECK_FALSE(client::Store::exists(storeDir));
}
