#include "core/Platform.h"

#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

TEST_CASE("disableCoreDumps turns off core files (checked in a child so the test runner keeps its settings)")
{
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (!dantoc::client::disableCoreDumps()) {
            _exit(10);
        }
        rlimit limit{};
        if (getrlimit(RLIMIT_CORE, &limit) != 0 || limit.rlim_cur != 0 || limit.rlim_max != 0) {
            _exit(11);
        }
#ifdef __linux__
        if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) {
            _exit(12);
        }
#endif
        _exit(0);
    }
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
