// AsyncTask: runs slow work (Argon2id, opening a store, enrollment over the network) on Qt's thread pool and
// hands its result back on the GUI thread, so the GUI never blocks and never re-enters its own event loop
// (KeePassXC core/AsyncTask.h). The callback is dropped when `context` dies first. Call from the GUI thread.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>
#include <utility>

namespace dantoc::gui {

template <typename Work, typename Done>
void runAsync(QObject* context, Work work, Done done)
{
    using Value = std::invoke_result_t<Work>;
    // The value is moved out of the future's storage through a shared holder: Result<unique_ptr<...>> is
    // move-only and QFuture hands out copies.
    auto holder = std::make_shared<std::optional<Value>>();
    auto* watcher = new QFutureWatcher<void>(context);
    QObject::connect(watcher, &QFutureWatcher<void>::finished, context,
                     [watcher, holder, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         done(std::move(**holder));
                     });
    watcher->setFuture(QtConcurrent::run([holder, work = std::move(work)]() mutable { holder->emplace(work()); }));
}

}  // namespace dantoc::gui
