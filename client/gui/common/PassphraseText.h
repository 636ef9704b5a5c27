// PassphraseText: what to tell the user about a refused store passphrase (core/PassphrasePolicy). GUI thread (tr()).
#pragma once

#include "core/PassphrasePolicy.h"

#include <QCoreApplication>
#include <QString>

namespace dantoc::gui {

class PassphraseText
{
    Q_DECLARE_TR_FUNCTIONS(PassphraseText)

public:
    static QString forProblem(client::PassphraseProblem problem);
};

}  // namespace dantoc::gui
