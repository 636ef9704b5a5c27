// QtApp: the one QCoreApplication the client core's network code needs, created on first use in the test process.
// Call ensureQtApp() at the start of each test. Not thread-safe (tests run on one thread).
#pragma once

#include <QCoreApplication>

namespace dantoc::test {

inline void ensureQtApp()
{
    if (QCoreApplication::instance() == nullptr) {
        static int argc = 1;
        static char name[] = "test_integration_sync";
        static char* argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv);
    }
}

}  // namespace dantoc::test
