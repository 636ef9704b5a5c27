// Helpers shared by the client store tests: a fresh store in a temp dir with the cheap KDF profile.
#pragma once

#include "core/Store.h"

#include "support/TempDir.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace dantoc::test {

inline client::StoreOptions testOptions(int schemaVersion = client::kCurrentSchemaVersion)
{
    client::StoreOptions options;
    options.kdf = client::KdfParams::testing();
    options.schemaVersion = schemaVersion;
    return options;
}

inline std::unique_ptr<client::Store> createStore(const std::filesystem::path& dir,
                                                  const std::string& passphrase = "mật khẩu thử nghiệm")
{
    auto store = client::Store::create(dir, passphrase, testOptions());
    REQUIRE_MESSAGE(store.isOk(), store.status().toString());
    return std::move(*store);
}

inline std::unique_ptr<client::Store> openStore(const std::filesystem::path& dir,
                                                const std::string& passphrase = "mật khẩu thử nghiệm")
{
    auto store = client::Store::open(dir, passphrase, testOptions());
    REQUIRE_MESSAGE(store.isOk(), store.status().toString());
    return std::move(*store);
}

}  // namespace dantoc::test

#include <QCoreApplication>

namespace dantoc::test {

// Qt SQL wants an application object for plugin lookup; one per test process.
inline void ensureQtApp()
{
    static int argc = 1;
    static char name[] = "test_client_store";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app = QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    (void)app;
}

}  // namespace dantoc::test
