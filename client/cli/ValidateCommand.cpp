#include "cli/Command.h"

#include <QTextStream>

namespace dantoc::cli {

int runValidate(const QStringList&)
{
    QTextStream(stderr) << "dantoc validate: not implemented yet\n";
    return 2;
}

}  // namespace dantoc::cli
