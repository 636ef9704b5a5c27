// DeskApplication: dantoc-desk's composition root: command line (--version, --store, --lang), the application
// object, translations, and the first screen (enrollment wizard for a new store, else the unlock screen). GUI
// thread only.
#pragma once

namespace dantoc::gui {

// Runs the app; returns the process exit code.
int runDesk(int argc, char* argv[], const char* version);

}  // namespace dantoc::gui
