#include "core/Platform.h"

#include <windows.h>

namespace dantoc::client {

Status disableCoreDumps()
{
    // No Windows Error Reporting dialog or minidump for this process. (Stub: WER LocalDumps policy is set by the
    // installer; this only turns off the per-process fault UI.)
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
    return Status::ok();
}

}  // namespace dantoc::client
