// dantoc-desk: the desktop app of commune, district and provincial offices. Everything lives in dantoc_client_gui;
// this file only parses the command line and starts it.
#include "gui/DeskApplication.h"

int main(int argc, char* argv[])
{
    return dantoc::gui::runDesk(argc, argv, DANTOC_VERSION " (" DANTOC_COMMIT ")");
}
