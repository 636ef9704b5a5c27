#include "core/Platform.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

namespace dantoc::client {

Status disableCoreDumps()
{
    rlimit limit{};
    limit.rlim_cur = 0;
    limit.rlim_max = 0;
    if (setrlimit(RLIMIT_CORE, &limit) != 0) {
        return {ErrorCode::Internal, std::string("setrlimit(RLIMIT_CORE): ") + std::strerror(errno)};
    }
#ifdef __linux__
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        return {ErrorCode::Internal, std::string("prctl(PR_SET_DUMPABLE): ") + std::strerror(errno)};
    }
#endif
    return Status::ok();
}

}  // namespace dantoc::client
