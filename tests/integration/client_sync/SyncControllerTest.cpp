// SyncController against the real demo server over TLS, on real SQLCipher stores: a record saved on the GUI thread
// is pushed by the worker thread while the GUI thread keeps processing events; a second device's controller pulls it
// and announces its id; with the server stopped a cycle fails, the state is Offline and the retry comes by itself;
// destroying the controller mid-cycle joins the worker cleanly and a new controller carries on.
#include "QtApp.h"
#include "SyncDevice.h"
#include "core/ChangeNotifier.h"
#include "core/sync/SyncController.h"

#include <QSignalSpy>
#include <QTimer>

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <semaphore>

using namespace dantoc;
using namespace dantoc::client;
using namespace dantoc::test;
using namespace dantoc::test::client_sync;
using dantoc::client::sync::SyncController;

namespace {

// Generous: a cycle is a few requests on loopback, but CI machines are shared. Never an assertion on duration.
constexpr int kWaitMillis = 120'000;
constexpr auto kHookWait = std::chrono::seconds(120);

bool contains(const QSignalSpy& spy, const std::string& id)
{
    for (const QList<QVariant>& arguments : spy) {
        if (arguments.at(0).toStringList().contains(QString::fromStdString(id))) {
            return true;
        }
    }
    return false;
}

// Waits for the next `finished` and returns its arguments.
QList<QVariant> nextFinished(QSignalSpy& spy)
{
    if (spy.isEmpty()) {
        REQUIRE(spy.wait(kWaitMillis));
    }
    return spy.takeFirst();
}

}  // namespace

TEST_CASE("sync controller: syncNow pushes on the worker while the GUI thread runs; a second device pulls the id")
{
    DemoWorld world{"dantoc-controller"};
    SyncDevice a;
    SyncDevice b;
    world.enroll(a, "a", "máy A");
    world.enroll(b, "b", "máy B");
    const std::string id = a.newRecord(sampleVillageValues());  // saved here, on the GUI thread
    REQUIRE(a.pending() == 1);

    SyncController controller(*a.store);
    CHECK(controller.state() == SyncController::State::Idle);
    QSignalSpy finished(&controller, &SyncController::finished);
    QSignalSpy changed(&controller, &SyncController::recordsChanged);
    QSignalSpy storeChanged(&a.store->notifier(), &ChangeNotifier::recordsChanged);
    QSignalSpy states(&controller, &SyncController::stateChanged);
    QSignalSpy progress(&controller, &SyncController::progress);
    REQUIRE(finished.isValid());

    // The cycle cannot get past its start until a timer on this thread has ticked after the cycle began: the GUI
    // thread processes events while the worker syncs (a frozen GUI thread would leave the hook waiting, false).
    std::binary_semaphore guiTicked{0};
    bool released = false;
    std::atomic<bool> hookSawTick{false};
    std::atomic<bool> hookRan{false};
    int ticks = 0;
    QTimer timer;
    timer.setInterval(1);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        ++ticks;
        if (!released && controller.state() != SyncController::State::Idle) {
            released = true;
            guiTicked.release();
        }
    });
    controller.setCycleHook([&] {
        if (!hookRan.exchange(true)) {  // the first cycle only
            hookSawTick = guiTicked.try_acquire_for(kHookWait);
        }
    });
    timer.start();
    controller.syncNow();
    QList<QVariant> result = nextFinished(finished);
    timer.stop();
    CHECK(hookSawTick);
    CHECK(ticks > 0);
    REQUIRE_MESSAGE(result.at(0).toBool(), result.at(2).toString().toStdString());
    const auto report = result.at(1).value<dantoc::client::sync::SyncReport>();
    CHECK(report.push.applied == 1);
    CHECK(a.pending() == 0);  // the GUI's connection sees the worker's commits
    CHECK(a.record(id).serverVersion == 1);
    CHECK(controller.state() == SyncController::State::Idle);
    REQUIRE(states.count() >= 2);
    CHECK(states.first().at(0).value<SyncController::State>() == SyncController::State::Connecting);
    CHECK(states.last().at(0).value<SyncController::State>() == SyncController::State::Idle);
    CHECK(progress.count() > 0);
    CHECK(contains(changed, id));       // acknowledged
    CHECK(contains(storeChanged, id));  // the same ids through the store's notifier

    // Second device: its controller pulls the record and names it.
    SyncController other(*b.store);
    QSignalSpy otherFinished(&other, &SyncController::finished);
    QSignalSpy otherChanged(&other, &SyncController::recordsChanged);
    QSignalSpy otherStoreChanged(&b.store->notifier(), &ChangeNotifier::recordsChanged);
    other.syncNow();
    result = nextFinished(otherFinished);
    REQUIRE_MESSAGE(result.at(0).toBool(), result.at(2).toString().toStdString());
    CHECK(result.at(1).value<dantoc::client::sync::SyncReport>().pull.records >= 1);
    CHECK(contains(otherChanged, id));
    CHECK(contains(otherStoreChanged, id));
    CHECK(Json::parse(b.record(id).body) == Json::parse(a.record(id).body));

    // A second cycle with nothing new: no connecting state again, nothing announced.
    states.clear();
    changed.clear();
    controller.syncNow();
    result = nextFinished(finished);
    CHECK(result.at(0).toBool());
    REQUIRE_FALSE(states.isEmpty());
    CHECK(states.first().at(0).value<SyncController::State>() == SyncController::State::Busy);
    CHECK(changed.isEmpty());
}

TEST_CASE("sync controller: server stopped -> finished(false), Offline, and the background retry comes by itself")
{
    DemoWorld world{"dantoc-controller-offline"};
    auto& [qt, server, accounts, dir] = world;
    SyncDevice a;
    world.enroll(a, "a", "máy A");
    a.newRecord(sampleVillageValues());
    REQUIRE(server.stop() == 0);

    SyncController controller(*a.store);
    QSignalSpy finished(&controller, &SyncController::finished);
    controller.start();
    CHECK(controller.isRunning());
    QList<QVariant> result = nextFinished(finished);
    CHECK_FALSE(result.at(0).toBool());
    CHECK_FALSE(result.at(2).toString().isEmpty());
    CHECK(result.at(3).toString() == QStringLiteral("network"));
    CHECK(controller.state() == SyncController::State::Offline);
    CHECK(a.pending() == 1);

    // No syncNow: the retry after the backoff delay is scheduled by the controller.
    result = nextFinished(finished);
    CHECK_FALSE(result.at(0).toBool());
    CHECK(controller.state() == SyncController::State::Offline);
    controller.stop();
    CHECK_FALSE(controller.isRunning());
}

TEST_CASE("sync controller: destroyed mid-cycle, it joins the worker; a new controller finishes the push")
{
    DemoWorld world{"dantoc-controller-destroy"};
    SyncDevice a;
    world.enroll(a, "a", "máy A");
    const std::string id = a.newRecord(sampleVillageValues());

    auto controller = std::make_unique<SyncController>(*a.store);
    std::binary_semaphore inCycle{0};
    std::binary_semaphore proceed{0};
    controller->setCycleHook([&] {
        inCycle.release();
        (void)proceed.try_acquire_for(kHookWait);
    });
    controller->syncNow();
    REQUIRE(inCycle.try_acquire_for(kHookWait));
    proceed.release();
    controller.reset();  // the worker is inside the cycle: it stops after its current request and is joined
    QCoreApplication::processEvents();  // what it posted to the dead controller is dropped, not delivered

    SyncController next(*a.store);
    QSignalSpy finished(&next, &SyncController::finished);
    next.syncNow();
    QList<QVariant> result = nextFinished(finished);
    REQUIRE_MESSAGE(result.at(0).toBool(), result.at(2).toString().toStdString());
    CHECK(a.pending() == 0);
    CHECK(a.record(id).serverVersion == 1);
}
